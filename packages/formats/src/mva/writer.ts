import { divideRounded, type Ore } from '@nordbok/core';
import { escapeXml } from '../saft/xml';
import type { MvaLine, MvaRemark } from './lines';

export const MVA_NAMESPACE =
  'no:skatteetaten:fastsetting:avgift:mva:skattemeldingformerverdiavgift:v1.0';

export type TermLength = 'month' | 'twoMonths' | 'year';

export interface MvaMeldingData {
  /** Unique per submission (regnskapssystemsreferanse). */
  reference: string;
  systemVersion: string;
  termLength: TermLength;
  /** 1–12 for months, 1–6 for two-month terms, 1 for the year. */
  term: number;
  year: number;
  orgNumber: string;
  lines: readonly MvaLine[];
  /** KID for a refund; left out when there is none. */
  kid?: string;
  category?: 'alminnelig' | 'primaernaering';
  /** A remark on the whole return (merknad on meldingsnivå), e.g. why it was corrected. */
  remark?: MvaRemark;
}

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/**
 * Øre to whole kroner, half away from zero. Basis and VAT of a line are rounded on their
 * own: each moves at most 50 øre, so basis × rate and the VAT stay within R019's tolerance
 * of 1 kr per line; the total is then the sum of the rounded lines, as R018 requires.
 */
export function toKroner(ore: Ore): number {
  return divideRounded(BigInt(ore), 100n);
}

/** The total the return states: the sum of the lines' VAT in whole kroner (R018). */
export function mvaTotalKroner(lines: readonly MvaLine[]): number {
  return lines.reduce((sum, line) => sum + toKroner(line.vat), 0);
}

function periodElement(termLength: TermLength, term: number): string {
  if (termLength === 'year') return el('skattleggingsperiodeAar', 'aarlig');
  if (termLength === 'month') return el('skattleggingsperiodeMaaned', month(term));
  return el('skattleggingsperiodeToMaaneder', `${month(2 * term - 1)}-${month(2 * term)}`);
}

function month(n: number): string {
  const name = MONTHS[n - 1];
  if (!name) throw new RangeError(`No month ${n}.`);
  return name;
}

function el(name: string, content: string | number | undefined): string {
  if (content === undefined) return '';
  return `<${name}>${typeof content === 'number' ? content : escapeXml(content)}</${name}>`;
}

function remark(value: MvaRemark | undefined): string {
  if (!value) return '';
  const inner =
    'text' in value ? el('beskrivelse', value.text) : el('utvalgtMerknad', value.selected);
  return `<merknad>${inner}</merknad>`;
}

function line(l: MvaLine): string {
  const basis = l.basis === undefined ? undefined : toKroner(l.basis);
  return (
    '<mvaSpesifikasjonslinje>' +
    el('mvaKode', l.code) +
    el('spesifikasjon', l.specification) +
    el('mvaKodeRegnskapsystem', l.internalCode) +
    el('grunnlag', basis) +
    el('sats', l.rate) +
    el('merverdiavgift', toKroner(l.vat)) +
    remark(l.remark) +
    '</mvaSpesifikasjonslinje>'
  );
}

/** The `skattegrunnlagOgBeregnetSkatt` element alone (compared with the official examples). */
export function writeSkattegrunnlag(data: MvaMeldingData): string {
  return (
    '<skattegrunnlagOgBeregnetSkatt>' +
    '<skattleggingsperiode>' +
    `<periode>${periodElement(data.termLength, data.term)}</periode>` +
    el('aar', data.year) +
    '</skattleggingsperiode>' +
    el('fastsattMerverdiavgift', mvaTotalKroner(data.lines)) +
    data.lines.map(line).join('') +
    '</skattegrunnlagOgBeregnetSkatt>'
  );
}

/** The VAT return (mva-melding v1.0) as an XML document, elements in the schema's order. */
export function writeMvaMelding(data: MvaMeldingData): string {
  const system = el('systemnavn', 'Nordbok') + el('systemversjon', data.systemVersion);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<mvaMeldingDto xmlns="${MVA_NAMESPACE}">` +
    `<innsending>${el('regnskapssystemsreferanse', data.reference)}` +
    `<regnskapssystem>${system}</regnskapssystem></innsending>` +
    writeSkattegrunnlag(data) +
    `<betalingsinformasjon>${el('kundeIdentifikasjonsnummer', data.kid)}</betalingsinformasjon>` +
    `<skattepliktig>${el('organisasjonsnummer', data.orgNumber)}</skattepliktig>` +
    el('meldingskategori', data.category ?? 'alminnelig') +
    remark(data.remark) +
    '</mvaMeldingDto>\n'
  );
}
