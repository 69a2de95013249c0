/** The business areas a user can be given access to; each is a screen group and an API. */
export const MODULES = [
  'contacts',
  'crm',
  'sales',
  'purchasing',
  'inventory',
  'accounting',
  'reports',
  'settings',
] as const;
export type Module = (typeof MODULES)[number];

export const ROLES = ['administrator', 'user', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'none' | 'read' | 'write';
export type Permissions = Record<Module, Access>;

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

function allModules(access: Access): Permissions {
  return Object.fromEntries(MODULES.map((m) => [m, access])) as Permissions;
}

/** What a newly granted user gets when nobody says otherwise. */
export function defaultPermissions(role: Role): Permissions {
  if (role === 'user') return { ...allModules('write'), settings: 'read' };
  return allModules(role === 'administrator' ? 'write' : 'read');
}

/**
 * The access that holds: an administrator has everything, a guest never more than read,
 * and a stored permission set may be missing modules added later (they count as none).
 */
export function effectivePermissions(role: Role, stored: Partial<Permissions>): Permissions {
  if (role === 'administrator') return allModules('write');
  const result = allModules('none');
  for (const m of MODULES) {
    const access = stored[m] ?? 'none';
    result[m] = role === 'guest' && access === 'write' ? 'read' : access;
  }
  return result;
}

export function allows(granted: Access, needed: Access): boolean {
  return RANK[granted] >= RANK[needed];
}

export function parsePermissions(json: string): Partial<Permissions> {
  const parsed: unknown = JSON.parse(json);
  return parsed && typeof parsed === 'object' ? (parsed as Partial<Permissions>) : {};
}
