import { describe, expect, it } from 'vitest';
import type { CompanySummary } from '../src/api/types';
import { crmPages } from '../src/crm/paths';
import { crmEn } from '../src/i18n/crm.en';
import { crmNb } from '../src/i18n/crm.nb';

function texts(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string'
      ? [[prefix + key, value]]
      : texts(value as object, `${prefix}${key}.`),
  );
}
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('CRM texts', () => {
  it('has the same keys and placeholders in bokmål and English, none empty', () => {
    const english = new Map(texts(crmEn));
    const norwegian = texts(crmNb);
    expect([...english.keys()].sort()).toEqual(norwegian.map(([key]) => key).sort());
    for (const [key, text] of norwegian) {
      expect(text, key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('CRM menu', () => {
  const company = (role: CompanySummary['role'], crm: 'read' | 'write') =>
    ({ role, permissions: { crm } }) as unknown as CompanySummary;

  it('offers readers the funnel screens only, and sending settings to administrators', () => {
    const paths = (c: CompanySummary) => crmPages(c).map((p) => p.path);
    expect(paths(company('guest', 'read'))).toEqual([
      '/crm/leads',
      '/crm/opportunities',
      '/crm/pipeline',
      '/crm/reports',
    ]);
    expect(paths(company('user', 'write'))).toContain('/crm/mailing');
    expect(paths(company('user', 'write'))).not.toContain('/crm/sending-settings');
    expect(paths(company('administrator', 'write'))).toContain('/crm/sending-settings');
  });
});
