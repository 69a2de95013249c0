import { describe, expect, it } from 'vitest';
import { hrefFor, pathFromHash } from '../src/shell/router';

describe('pathFromHash', () => {
  it('reads the path from the fragment', () => {
    expect(pathFromHash('#/settings/company')).toBe('/settings/company');
    expect(pathFromHash('#/settings/users?tab=2')).toBe('/settings/users');
  });

  it('treats an empty or bare fragment as the start page', () => {
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#')).toBe('/');
    expect(pathFromHash('#/')).toBe('/');
  });

  it('tolerates a missing leading slash and trailing slashes', () => {
    expect(pathFromHash('#contacts/')).toBe('/contacts');
  });

  it('makes links from paths', () => {
    expect(hrefFor('/sales')).toBe('#/sales');
  });
});
