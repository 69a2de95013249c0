import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isVatSpecification, type VatSpecification } from '@nordbok/core';
import { describe, expect, it } from 'vitest';
import {
  type CodeTotals,
  type MvaLine,
  type MvaMeldingData,
  mvaLineKey,
  mvaLinesFor,
  mvaRemarkRequired,
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
  specification?: VatSpecification;
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
      const specification = between(body, 'spesifikasjon');
      if (specification !== undefined && !isVatSpecification(specification)) {
        throw new Error(`The example has an unknown specification ${specification}.`);
      }
      return {
        code: between(body, 'mvaKode') ?? '',
        specification,
        internalCode: between(body, 'mvaKodeRegnskapsystem'),
        basis: basis === undefined ? undefined : Number(basis) * 100,
        vat: Number(between(body, 'merverdiavgift')) * 100,
        remark: text ? { text } : selected ? { selected } : undefined,
      };
    },
  );
}

interface ExampleTotals extends CodeTotals {
  code: string;
  specification?: VatSpecification;
}

/**
 * The example's own figures as ledger totals in øre per code and specification (as the
 * server groups the postings), in the order they appear.
 */
function totalsOf(lines: ExampleLine[]): ExampleTotals[] {
  const totals = new Map<string, ExampleTotals>();
  for (const l of lines) {
    const key = `${l.code}|${l.specification ?? ''}`;
    const t = totals.get(key) ?? {
      code: l.code,
      ...(l.specification ? { specification: l.specification } : {}),
      basis: 0,
      outputVat: 0,
      inputVat: 0,
    };
    if (l.basis !== undefined) {
      t.basis += l.basis;
      t.outputVat += l.vat;
    } else t.inputVat += l.vat;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/**
 * Rebuilds an example from its figures. Rates are taken on a current date: the examples
 * state 12 % for codes 33, 88 and 89 in mars-april 2021, when the dated rate was 6 %.
 */
function rebuild(file: string): { expected: string; data: MvaMeldingData } {
  const xml = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  const parsed = parseLines(xml);
  const lines = totalsOf(parsed).flatMap((t) =>
    mvaLinesFor(t.code, t, '2024-12-31', t.specification),
  );
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

// The examples of specification lines (the file names have Norwegian letters, so they are
// compared in one Unicode form whatever form the file system keeps them in).
const SPECIFICATION_EXAMPLES = [
  'uttak.xml',
  'tappåkrav.xml',
  'justering.xml',
  'tilbakeføringInngåendeMva.xml',
];
const specificationExamples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => SPECIFICATION_EXAMPLES.includes(f.normalize('NFC')));

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

  it('finds the examples of specification lines', () => {
    expect(specificationExamples).toHaveLength(SPECIFICATION_EXAMPLES.length);
  });

  it.each(specificationExamples)(
    'writes the same skattegrunnlagOgBeregnetSkatt as %s, with its spesifikasjon',
    (file) => {
      const { expected, data } = rebuild(file);
      expect(expected).toContain('<spesifikasjon>');
      expect(writeSkattegrunnlag(data)).toBe(expected);
      validateMva(writeMvaMelding(data));
    },
  );

  it('writes a remark on the whole return after meldingskategori, as the examples do', () => {
    const { data } = rebuild('uttak.xml');
    const xml = writeMvaMelding({
      ...data,
      remark: { text: 'Korrigert: glemt faktura & kreditnota' },
    });
    validateMva(xml);
    expect(xml).toContain(
      '<meldingskategori>alminnelig</meldingskategori>' +
        '<merknad><beskrivelse>Korrigert: glemt faktura &amp; kreditnota</beskrivelse></merknad>' +
        '</mvaMeldingDto>',
    );
    expect(writeMvaMelding(data)).not.toContain('<merknad>');
  });

  it('gives each line a key of its own and asks for the remarks the rules require', () => {
    const at = '2025-02-28';
    const t = { basis: 1_000_000, outputVat: 250_000, inputVat: -250_000 };
    const keys = [
      ...mvaLinesFor('86', t, at),
      ...mvaLinesFor('1', t, at),
      ...mvaLinesFor('1', t, at, 'tapPåKrav'),
    ].map(mvaLineKey);
    expect(keys).toEqual(['86||basis', '86||vat', '1||vat', '1|tapPåKrav|vat']);
    // R020: a negative basis on an output code; R021: a positive deduction.
    expect(mvaRemarkRequired({ code: '3', basis: -10_000, rate: '25', vat: -2_500 })).toBe(true);
    expect(mvaRemarkRequired({ code: '3', basis: 10_000, rate: '25', vat: 2_500 })).toBe(false);
    expect(mvaRemarkRequired({ code: '1', vat: 2_500 })).toBe(true);
    expect(mvaRemarkRequired({ code: '1', vat: -2_500 })).toBe(false);
    // Under half a krone rounds to 0 kr in the file, which then has nothing to explain.
    expect(mvaRemarkRequired({ code: '1', vat: 49 })).toBe(false);
    // Adjustments on code 1 are positive by nature; a reversal always needs a remark (R078).
    expect(mvaRemarkRequired({ code: '1', specification: 'justering', vat: 2_500 })).toBe(false);
    const reversal = 'tilbakeføringAvInngåendeMerverdiavgift';
    expect(mvaRemarkRequired({ code: '1', specification: reversal, vat: 2_500 })).toBe(true);
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
