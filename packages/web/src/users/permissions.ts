import { type Access, MODULES, type Permissions, type Role } from '../api/types';

function all(access: Access): Permissions {
  return Object.fromEntries(MODULES.map((m) => [m, access])) as Permissions;
}

/** What a role starts with when it is chosen; the same defaults the server gives. */
export function defaultPermissions(role: Role): Permissions {
  if (role === 'user') return { ...all('write'), settings: 'read' };
  return all(role === 'administrator' ? 'write' : 'read');
}

/** The access levels a role can be given: administrators have all, guests can only read. */
export function accessChoices(role: Role): Access[] {
  if (role === 'administrator') return ['write'];
  return role === 'guest' ? ['none', 'read'] : ['none', 'read', 'write'];
}

export function samePermissions(a: Permissions, b: Permissions): boolean {
  return MODULES.every((m) => a[m] === b[m]);
}
