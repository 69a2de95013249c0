import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CodeTotals,
  type MvaLine,
  type MvaMeldingData,
  mvaLinesFor,
  satsText,
  toKroner,
  writeMvaMelding,
  writeSkattegrunnlag,
} from '../src/index';

const REFERENCE = path.resolve(import.meta.dirname, '../../../../shared/reference/mva-melding');
const XSD = path.join(
  REFERENCE,
  'no.skatteetaten.fastsetting.avgift.mva.skattemeldingformerverdiavgift.v1.0.xsd',
);
const EXAMPLES = path.join(REFERENCE, 'example_files/melding');

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.NORDBOK_REQUIRE_XMLLINT === '1') throw new Error('xmllint is missing.');
    console.warn('xmllint is missing: the mva-melding XML is not checked against the XSD.');
    return false;
  }
}
const xmllint = hasXmllint();

/** Validates a document against the v1.0 XSD; throws with xmllint's message if it fails. */
function validateMva(xml: string) {
  if (!xmllint) return;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mva-')), 'melding.xml');
  fs.writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
}

const between = (xml: string, tag: string) =>
  new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
const compact = (xml: string) => xml.replace(/>\s+</g, '><').trim();

interface ExampleLine {
  code: string;
  internalCode?: string;
  basis?: number;
  vat: number;
  remark?: MvaLine['remark'];
}

function parseLines(xml: string): ExampleLine[] {
  return [...xml.matchAll(/<mvaSpesifikasjonslinje>([\s\S]*?)<\/mvaSpesifikasjonslinje>/g)].map(
    ([, body = '']) => {
      const basis = between(body, 'grunnlag');
      const text = between(body, 'beskrivelse');
      const selected = between(body, 'utvalgtMerknad');
      return {
        code: between(body, 'mvaKode') ?? '',
        internalCode: between(body, 'mvaKodeRegnskapsystem'),
        basis: basis === undefined ? undefined : Number(basis) * 100,
        vat: Number(between(body, 'merverdiavgift')) * 100,
        remark: text ? { text } : selected ? { selected } : undefined,
      };
    },
  );
}

/** The example's own figures as per-code ledger totals in øre, in the order they appear. */
function totalsOf(lines: ExampleLine[]): Map<string, CodeTotals> {
  const totals = new Map<string, CodeTotals>();
  for (const l of lines) {
    const t = totals.get(l.code) ?? { basis: 0, outputVat: 0, inputVat: 0 };
    if (l.basis !== undefined) {
      t.basis += l.basis;
      t.outputVat += l.vat;
    } else t.inputVat += l.vat;
    totals.set(l.code, t);
  }
  return totals;
}

/**
 * Rebuilds an example from its figures. Rates are taken on a current date: the examples
 * state 12 % for codes 33, 88 and 89 in mars-april 2021, when the dated rate was 6 %.
 */
function rebuild(file: string): { expected: string; data: MvaMeldingData } {
  const xml = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  const parsed = parseLines(xml);
  const lines = [...totalsOf(parsed)].flatMap(([code, t]) => mvaLinesFor(code, t, '2024-12-31'));
  lines.forEach((l, i) => {
    const source = parsed[i];
    if (source?.internalCode) l.internalCode = source.internalCode;
    if (source?.remark) l.remark = source.remark;
  });
  const twoMonths = between(xml, 'skattleggingsperiodeToMaaneder') ?? '';
  const term = ['januar', 'mars', 'mai', 'juli', 'september', 'november'].indexOf(
    twoMonths.split('-')[0] ?? '',
  );
  const data: MvaMeldingData = {
    reference: file,
    systemVersion: 'test',
    termLength: 'twoMonths',
    term: term + 1,
    year: Number(between(xml, 'aar')),
    orgNumber: between(xml, 'organisasjonsnummer') ?? '',
    lines,
  };
  const expected = /<skattegrunnlagOgBeregnetSkatt>[\s\S]*<\/skattegrunnlagOgBeregnetSkatt>/.exec(
    xml,
  )?.[0];
  return { expected: compact(expected ?? ''), data };
}

const examples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => /^mvakode\d+\.xml$/.test(f) || f === 'eksempelMedMerknader.xml');

describe('the mva-melding writer', () => {
  it('finds the official examples', () => {
    expect(examples).toContain('mvakode86.xml');
    expect(examples).toContain('eksempelMedMerknader.xml');
  });

  it.each(examples)('writes the same skattegrunnlagOgBeregnetSkatt as %s', (file) => {
    const { expected, data } = rebuild(file);
    expect(writeSkattegrunnlag(data)).toBe(expected);
    validateMva(writeMvaMelding(data));
  });

  it('shapes each kind of code as the return wants it', () => {
    const t = { basis: 1_000_000, outputVat: 250_000, inputVat: -250_000 };
    const at = '2025-02-28';
    expect(mvaLinesFor('1', t, at)).toEqual([{ code: '1', vat: -250_000 }]);
    expect(mvaLinesFor('3', t, at)).toEqual([
      { code: '3', basis: 1_000_000, rate: '25', vat: 250_000 },
    ]);
    expect(mvaLinesFor('86', t, at)).toHaveLength(2);
    expect(mvaLinesFor('87', t, at)).toEqual([
      { code: '87', basis: 1_000_000, rate: '25', vat: 250_000 },
    ]);
    expect(mvaLinesFor('52', t, at)).toEqual([{ code: '52', basis: 1_000_000, rate: '0', vat: 0 }]);
    for (const code of ['0', '7', '20', '21', '22']) expect(mvaLinesFor(code, t, at)).toEqual([]);
    expect(mvaLinesFor('33', t, '2021-04-30')[0]?.rate).toBe('6');
  });

  it('writes rates as sats.xml does and rounds øre half away from zero', () => {
    expect([2500, 1500, 1200, 1111, 0].map(satsText)).toEqual(['25', '15', '12', '11,11', '0']);
    expect([12_349, 12_350, -12_350, 49].map(toKroner)).toEqual([123, 124, -124, 0]);
  });

  it('writes a valid document for every term length, with the sum of rounded lines', () => {
    const lines: MvaLine[] = [
      { code: '3', basis: 1_000_049, rate: '25', vat: 250_012 },
      { code: '1', vat: -40_050 },
    ];
    const base = { reference: 'r', systemVersion: '1', year: 2025, orgNumber: '923609016', lines };
    for (const [termLength, term] of [
      ['month', 12],
      ['twoMonths', 6],
      ['year', 1],
    ] as const) {
      const xml = writeMvaMelding({ ...base, termLength, term });
      validateMva(xml);
      expect(xml).toContain('<fastsattMerverdiavgift>2099</fastsattMerverdiavgift>');
    }
    const xml = writeMvaMelding({ ...base, termLength: 'twoMonths', term: 1 });
    expect(xml).toContain('<skattleggingsperiodeToMaaneder>januar-februar<');
    expect(xml).toContain('<betalingsinformasjon></betalingsinformasjon>');
    expect(xml).toContain('<systemnavn>Nordbok</systemnavn>');
  });
});
