import { describe, expect, it } from 'vitest';
import { legalEn } from '../src/i18n/legal.en';
import { legalNb } from '../src/i18n/legal.nb';
import { sortNaeringLines } from '../src/legal/naeringCategories';
import { termCount, termName, termOfDate } from '../src/legal/terms';
import type { NaeringLine } from '../src/legal/types';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('VAT terms', () => {
  it('counts and finds terms the way the server numbers them', () => {
    expect(termCount('twoMonths')).toBe(6);
    expect(termCount('month')).toBe(12);
    expect(termCount('year')).toBe(1);
    expect(termOfDate('twoMonths', '2026-12-03')).toBe(6);
    expect(termOfDate('twoMonths', '2026-02-28')).toBe(1);
    expect(termOfDate('month', '2026-03-01')).toBe(3);
    expect(termOfDate('year', '2026-07-01')).toBe(1);
  });

  it('names a term by its months, in the language of the screen', () => {
    expect(termName('twoMonths', 1, 'nb')).toBe('Januar–februar');
    expect(termName('twoMonths', 6, 'en')).toBe('November–December');
    expect(termName('month', 3, 'nb')).toBe('Mars');
    expect(termName('year', 1, 'nb', 'Hele året')).toBe('Hele året');
  });
});

describe('næringsspesifikasjon', () => {
  const line = (category: string, code: string): NaeringLine => ({
    category,
    code,
    name: code,
    amount: 0,
    accounts: [],
  });

  it('puts the result before the balance and unknown categories last', () => {
    const sorted = sortNaeringLines([
      line('kortsiktigGjeld', '2400'),
      line('ukjent', '9999'),
      line('annenDriftskostnad', '6300'),
      line('salgsinntekt', '3000'),
      line('annenDriftskostnad', '6000'),
    ]);
    expect(sorted.map((l) => l.code)).toEqual(['3000', '6000', '6300', '2400', '9999']);
  });
});

describe('legal translations', () => {
  it('has every text in both languages', () => {
    expect(keys(legalEn).sort()).toEqual(keys(legalNb).sort());
  });
});
