import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { GROUPING_CODES, isGroupingCode } from '../src/index';

const CSV = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/saf-t/naeringsspesifikasjon.csv',
);

it('holds exactly the official næringsspesifikasjon code list', () => {
  const lines = fs
    .readFileSync(CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const official = lines.map((l) => {
    const [category, , , code, nameNb, nameEn] = splitCsvLine(l);
    return { category, code, nameNb, nameEn };
  });
  expect(GROUPING_CODES).toEqual(official);
  expect(isGroupingCode('salgsinntekt', '3000')).toBe(true);
  expect(isGroupingCode('salgsinntekt', '9999')).toBe(false);
});

/** Splits a `;`-separated line where a field may be quoted with "" for a literal quote. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /(?:^|;)(?:"((?:[^"]|"")*)"|([^;]*))/g;
  for (const m of line.matchAll(pattern))
    fields.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
  return fields;
}
