import { describe, expect, it } from 'vitest';
import { hrefFor, pathFromHash, searchFromHash } from '../src/shell/router';

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

describe('search parameters', () => {
  it('reads them from after the path', () => {
    const params = searchFromHash('#/reports/trial-balance?from=2026-01-01&to=2026-03-31');
    expect(params.get('from')).toBe('2026-01-01');
    expect(params.get('to')).toBe('2026-03-31');
    expect(searchFromHash('#/reports').toString()).toBe('');
  });

  it('writes them into links, leaving out the empty ones', () => {
    expect(hrefFor('/reports/general-ledger', { account: '1920', from: '', to: undefined })).toBe(
      '#/reports/general-ledger?account=1920',
    );
  });
});
