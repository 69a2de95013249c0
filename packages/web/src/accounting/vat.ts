/**
 * The SAF-T standard VAT codes and how a voucher line's VAT is split out, so the entry screen
 * can preview the VAT lines before saving. The server computes the postings that count, by the
 * same rule (packages/core, accounting/vat.ts and posting.ts); test/vat.test.ts holds the two
 * side by side.
 */

export type VatDirection = 'output' | 'input' | 'reverse' | 'none';
type RateType = 'regular' | 'middle' | 'low' | 'rawFish' | 'zero';

export interface VatCodeInfo {
  code: string;
  direction: VatDirection;
  rateType: RateType;
  /** For reverse charge: whether the VAT the buyer computes is deducted again. */
  deductible: boolean;
  nameNb: string;
  nameEn: string;
}

type Row = [string, VatDirection, RateType, string, string, boolean?];

// biome-ignore format: one code per line reads as a table
const ROWS: Row[] = [
  ['0', 'none', 'zero', 'Ingen mva-behandling', 'No VAT treatment'],
  ['1', 'input', 'regular', 'Inngående mva, høy sats', 'Input VAT, regular rate'],
  ['11', 'input', 'middle', 'Inngående mva, middels sats', 'Input VAT, middle rate'],
  ['12', 'input', 'rawFish', 'Inngående mva, råfisk', 'Input VAT, raw fish'],
  ['13', 'input', 'low', 'Inngående mva, lav sats', 'Input VAT, low rate'],
  ['14', 'input', 'regular', 'Fradrag innførselsmva, høy sats', 'Import VAT deduction, regular'],
  ['15', 'input', 'middle', 'Fradrag innførselsmva, middels sats', 'Import VAT deduction, middle'],
  ['3', 'output', 'regular', 'Utgående mva, høy sats', 'Output VAT, regular rate'],
  ['31', 'output', 'middle', 'Utgående mva, middels sats', 'Output VAT, middle rate'],
  ['32', 'output', 'rawFish', 'Utgående mva, råfisk', 'Output VAT, raw fish'],
  ['33', 'output', 'low', 'Utgående mva, lav sats', 'Output VAT, low rate'],
  ['5', 'none', 'zero', 'Fritatt innenlands salg', 'Zero-rated domestic sale'],
  ['51', 'none', 'zero', 'Salg til omvendt avgiftsplikt', 'Sale with buyer liable for VAT'],
  ['52', 'none', 'zero', 'Eksport av varer og tjenester', 'Export of goods and services'],
  ['6', 'none', 'zero', 'Omsetning utenfor mva-loven', 'Supply outside the VAT Act'],
  ['7', 'none', 'zero', 'Ingen mva-behandling (inntekter)', 'No VAT treatment (revenue)'],
  ['81', 'reverse', 'regular', 'Innførsel av varer, med fradrag',
    'Import of goods, deductible', true],
  ['82', 'reverse', 'regular', 'Innførsel av varer, uten fradrag',
    'Import of goods, no deduction'],
  ['83', 'reverse', 'middle', 'Innførsel av varer, middels sats, med fradrag',
    'Import of goods, middle, deductible', true],
  ['84', 'reverse', 'middle', 'Innførsel av varer, middels sats, uten fradrag',
    'Import of goods, middle, no deduction'],
  ['85', 'none', 'zero', 'Innførsel av varer, nullsats', 'Import of goods, zero rate'],
  ['86', 'reverse', 'regular', 'Tjenester kjøpt fra utlandet, med fradrag',
    'Services bought abroad, deductible', true],
  ['87', 'reverse', 'regular', 'Tjenester kjøpt fra utlandet, uten fradrag',
    'Services bought abroad, no deduction'],
  ['88', 'reverse', 'low', 'Tjenester kjøpt fra utlandet, lav sats, med fradrag',
    'Services bought abroad, low, deductible', true],
  ['89', 'reverse', 'low', 'Tjenester kjøpt fra utlandet, lav sats, uten fradrag',
    'Services bought abroad, low, no deduction'],
  ['91', 'reverse', 'regular', 'Kjøp av klimakvoter/gull, med fradrag',
    'Emission allowances/gold, deductible', true],
  ['92', 'reverse', 'regular', 'Kjøp av klimakvoter/gull, uten fradrag',
    'Emission allowances/gold, no deduction'],
];

export const VAT_CODES: readonly VatCodeInfo[] = ROWS.map(
  ([code, direction, rateType, nameNb, nameEn, reverseDeductible]) => ({
    code,
    direction,
    rateType,
    deductible: direction === 'input' || reverseDeductible === true,
    nameNb,
    nameEn,
  }),
);

const BY_CODE = new Map(VAT_CODES.map((c) => [c.code, c]));

export function vatCodeInfo(code: string): VatCodeInfo | undefined {
  return BY_CODE.get(code.trim());
}

export function vatCodeName(info: VatCodeInfo, language: string): string {
  return language === 'en' ? info.nameEn : info.nameNb;
}

/**
 * The specification lines of the VAT return a voucher line can be marked for, with the
 * codes each is allowed on (the server's rule, packages/core accounting/vat.ts).
 */
export const VAT_SPECIFICATION_CODES = {
  uttak: ['3', '5', '31', '33'],
  tapPåKrav: ['1', '11', '12', '13'],
  justering: ['1', '81'],
  tilbakeføringAvInngåendeMerverdiavgift: ['1', '81'],
} as const satisfies Record<string, readonly string[]>;

export type VatLineSpecification = keyof typeof VAT_SPECIFICATION_CODES;

/** The specifications a VAT code allows; none for most codes. */
export function specificationsForCode(code: string): VatLineSpecification[] {
  const entries = Object.entries(VAT_SPECIFICATION_CODES) as [
    VatLineSpecification,
    readonly string[],
  ][];
  return entries.filter(([, codes]) => codes.includes(code.trim())).map(([name]) => name);
}

/** Rates in basis points, each valid from its date until the next one (dated, as rates change). */
const RATES: Record<RateType, readonly (readonly [string, number])[]> = {
  regular: [['2005-01-01', 2500]],
  middle: [['2012-01-01', 1500]],
  low: [
    ['2018-01-01', 1200],
    ['2020-04-01', 600],
    ['2021-10-01', 1200],
  ],
  rawFish: [['2005-01-01', 1111]],
  zero: [['1970-01-01', 0]],
};

export function rateOn(rateType: RateType, date: string): number {
  let rate = 0;
  for (const [from, basisPoints] of RATES[rateType]) if (from <= date) rate = basisPoints;
  return rate;
}

/** 2500 → "25 %", 1111 → "11,11 %". */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;
}

/** numerator / denominator rounded half away from zero, exactly. */
function divideRounded(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  const result = Number(n < 0n ? -magnitude : magnitude);
  return result === 0 ? 0 : result;
}

/** The VAT inside a gross amount: 12 500,00 at 25 % → 2 500,00. */
export function vatFromGross(gross: number, basisPoints: number): number {
  return divideRounded(gross * basisPoints, 10_000 + basisPoints);
}

/** VAT on a net amount: 10 000,00 at 25 % → 2 500,00. */
export function vatFromNet(net: number, basisPoints: number): number {
  return divideRounded(net * basisPoints, 10_000);
}

export interface VatLine {
  code: string;
  kind: 'output' | 'input';
  rate: number;
  amount: number;
}

export type AmountEntry = 'gross' | 'net';

/**
 * The VAT lines the server adds for one voucher line. A sale of 12 500,00 on code 3 entered
 * gross gives output VAT −2 500,00, entered net −3 125,00; a service bought abroad for
 * 10 000,00 on code 86 gives output −2 500,00 and, being deductible, input +2 500,00 (reverse
 * charge is always on the net amount, however it was entered).
 */
export function vatLinesOf(
  amount: number,
  code: string,
  date: string,
  entry: AmountEntry = 'gross',
): VatLine[] {
  const info = vatCodeInfo(code);
  if (!info || info.direction === 'none' || amount === 0) return [];
  const rate = rateOn(info.rateType, date);
  if (info.direction !== 'reverse') {
    const vat = entry === 'net' ? vatFromNet(amount, rate) : vatFromGross(amount, rate);
    return [{ code: info.code, kind: info.direction, rate, amount: vat }];
  }
  const vat = vatFromNet(amount, rate);
  const output: VatLine = { code: info.code, kind: 'output', rate, amount: -vat };
  return info.deductible ? [output, { ...output, kind: 'input', amount: vat }] : [output];
}

/**
 * What a line adds to the voucher beyond its own amount: the VAT put on top of a net amount.
 * Gross lines and reverse charge add nothing, their VAT lines cancelling out in the sum.
 */
export function vatOnTop(amount: number, code: string, date: string, entry: AmountEntry) {
  const info = vatCodeInfo(code);
  if (entry !== 'net' || (info?.direction !== 'input' && info?.direction !== 'output')) return 0;
  return vatLinesOf(amount, code, date, 'net').reduce((sum, line) => sum + line.amount, 0);
}
