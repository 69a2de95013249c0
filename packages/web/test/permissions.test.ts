import { describe, expect, it } from 'vitest';
import { accessChoices, defaultPermissions, samePermissions } from '../src/users/permissions';

describe('defaultPermissions', () => {
  it('gives users write everywhere but settings, which they may only read', () => {
    const user = defaultPermissions('user');
    expect(user.sales).toBe('write');
    expect(user.settings).toBe('read');
  });

  it('gives guests read and administrators write', () => {
    expect(Object.values(defaultPermissions('guest'))).toEqual(Array(8).fill('read'));
    expect(Object.values(defaultPermissions('administrator'))).toEqual(Array(8).fill('write'));
  });
});

describe('accessChoices', () => {
  it('never offers write to guests', () => {
    expect(accessChoices('guest')).not.toContain('write');
  });
});

describe('samePermissions', () => {
  it('compares module by module', () => {
    const a = defaultPermissions('user');
    expect(samePermissions(a, { ...a })).toBe(true);
    expect(samePermissions(a, { ...a, crm: 'none' })).toBe(false);
  });
});
