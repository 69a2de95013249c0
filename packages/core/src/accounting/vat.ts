import { divideRounded, type Ore } from '../money';

/**
 * VAT codes are the SAF-T standard tax codes. Each says which way the VAT goes and at
 * which rate type; the rate itself is dated data (rateOn), never a constant.
 *
 * - output: VAT the company charges on a sale (credit to an output VAT account);
 * - input: deductible VAT on a purchase (debit to an input VAT account);
 * - reverse: the buyer computes output VAT itself on an import or a service bought abroad,
 *   and deducts the same amount as input VAT when `deductible`;
 * - none: no VAT line, but the basis may still be reported (zero-rated, exempt, export).
 */
export type VatDirection = 'output' | 'input' | 'reverse' | 'none';
export type RateType = 'regular' | 'middle' | 'low' | 'rawFish' | 'zero';

export interface VatCode {
  code: string;
  direction: VatDirection;
  rateType: RateType;
  /** For reverse charge: whether the computed VAT is also deducted. */
  deductible: boolean;
  /** Reported in the mva-melding (codes 0, 7, 20, 21 and 22 exist only in SAF-T). */
  reported: boolean;
  nameNb: string;
  nameEn: string;
}

function code(
  c: string,
  direction: VatDirection,
  rateType: RateType,
  nameNb: string,
  nameEn: string,
  options: { deductible?: boolean; reported?: boolean } = {},
): VatCode {
  const deductible = options.deductible ?? direction === 'input';
  return {
    code: c,
    direction,
    rateType,
    deductible,
    reported: options.reported ?? true,
    nameNb,
    nameEn,
  };
}

export const VAT_CODES: readonly VatCode[] = [
  code('0', 'none', 'zero', 'Ingen mva-behandling', 'No VAT treatment', { reported: false }),
  code('1', 'input', 'regular', 'Inngående mva, høy sats', 'Input VAT, regular rate'),
  code('11', 'input', 'middle', 'Inngående mva, middels sats', 'Input VAT, middle rate'),
  code('12', 'input', 'rawFish', 'Inngående mva, råfisk', 'Input VAT, raw fish'),
  code('13', 'input', 'low', 'Inngående mva, lav sats', 'Input VAT, low rate'),
  code(
    '14',
    'input',
    'regular',
    'Fradrag innførselsmva, høy sats',
    'Import VAT deduction, regular',
  ),
  code(
    '15',
    'input',
    'middle',
    'Fradrag innførselsmva, middels sats',
    'Import VAT deduction, middle',
  ),
  code('3', 'output', 'regular', 'Utgående mva, høy sats', 'Output VAT, regular rate'),
  code('31', 'output', 'middle', 'Utgående mva, middels sats', 'Output VAT, middle rate'),
  code('32', 'output', 'rawFish', 'Utgående mva, råfisk', 'Output VAT, raw fish'),
  code('33', 'output', 'low', 'Utgående mva, lav sats', 'Output VAT, low rate'),
  code('5', 'none', 'zero', 'Fritatt innenlands salg', 'Zero-rated domestic sale'),
  code('51', 'none', 'zero', 'Salg til omvendt avgiftsplikt', 'Sale with buyer liable for VAT'),
  code('52', 'none', 'zero', 'Eksport av varer og tjenester', 'Export of goods and services'),
  code('6', 'none', 'zero', 'Omsetning utenfor mva-loven', 'Supply outside the VAT Act'),
  code('7', 'none', 'zero', 'Ingen mva-behandling (inntekter)', 'No VAT treatment (revenue)', {
    reported: false,
  }),
  code(
    '81',
    'reverse',
    'regular',
    'Innførsel av varer, med fradrag',
    'Import of goods, deductible',
    {
      deductible: true,
    },
  ),
  code(
    '82',
    'reverse',
    'regular',
    'Innførsel av varer, uten fradrag',
    'Import of goods, no deduction',
  ),
  code(
    '83',
    'reverse',
    'middle',
    'Innførsel av varer, middels sats, med fradrag',
    'Import of goods, middle, deductible',
    {
      deductible: true,
    },
  ),
  code(
    '84',
    'reverse',
    'middle',
    'Innførsel av varer, middels sats, uten fradrag',
    'Import of goods, middle, no deduction',
  ),
  code('85', 'none', 'zero', 'Innførsel av varer, nullsats', 'Import of goods, zero rate'),
  code(
    '86',
    'reverse',
    'regular',
    'Tjenester kjøpt fra utlandet, med fradrag',
    'Services bought abroad, deductible',
    {
      deductible: true,
    },
  ),
  code(
    '87',
    'reverse',
    'regular',
    'Tjenester kjøpt fra utlandet, uten fradrag',
    'Services bought abroad, no deduction',
  ),
  code(
    '88',
    'reverse',
    'low',
    'Tjenester kjøpt fra utlandet, lav sats, med fradrag',
    'Services bought abroad, low, deductible',
    {
      deductible: true,
    },
  ),
  code(
    '89',
    'reverse',
    'low',
    'Tjenester kjøpt fra utlandet, lav sats, uten fradrag',
    'Services bought abroad, low, no deduction',
  ),
  code(
    '91',
    'reverse',
    'regular',
    'Kjøp av klimakvoter/gull, med fradrag',
    'Emission allowances/gold, deductible',
    {
      deductible: true,
    },
  ),
  code(
    '92',
    'reverse',
    'regular',
    'Kjøp av klimakvoter/gull, uten fradrag',
    'Emission allowances/gold, no deduction',
  ),
];

const BY_CODE = new Map(VAT_CODES.map((c) => [c.code, c]));

export function vatCode(codeValue: string): VatCode | undefined {
  return BY_CODE.get(codeValue);
}

/**
 * Rates in basis points (2500 = 25 %), each valid from a date until the next one.
 * Source: the Tax Administration's rate code list (sats.xml).
 */
const RATES: Record<RateType, readonly { from: string; basisPoints: number }[]> = {
  regular: [{ from: '2005-01-01', basisPoints: 2500 }],
  middle: [{ from: '2012-01-01', basisPoints: 1500 }],
  low: [
    { from: '2018-01-01', basisPoints: 1200 },
    { from: '2020-04-01', basisPoints: 600 },
    { from: '2021-10-01', basisPoints: 1200 },
  ],
  rawFish: [{ from: '2005-01-01', basisPoints: 1111 }],
  zero: [{ from: '1970-01-01', basisPoints: 0 }],
};

/** The rate in basis points for a rate type on a date (YYYY-MM-DD). */
export function rateOn(rateType: RateType, date: string): number {
  const periods = RATES[rateType];
  let rate: number | undefined;
  for (const p of periods) if (p.from <= date) rate = p.basisPoints;
  if (rate === undefined) throw new Error(`No ${rateType} VAT rate is known for ${date}.`);
  return rate;
}

/** VAT on a net amount: 10 000,00 at 25 % → 2 500,00. */
export function vatFromNet(net: Ore, basisPoints: number): Ore {
  return divideRounded(BigInt(net) * BigInt(basisPoints), 10_000n);
}

/** The VAT inside a gross amount: 12 500,00 at 25 % → 2 500,00; 100,00 at 15 % → 13,04. */
export function vatFromGross(gross: Ore, basisPoints: number): Ore {
  return divideRounded(BigInt(gross) * BigInt(basisPoints), BigInt(10_000 + basisPoints));
}

/**
 * The specifications (mvaSpesifikasjon.xml) a line of the VAT return can carry, and the VAT
 * codes each is allowed on, as the code list mvaKodeSAFT.xml flags them (uttak, tapPaaKrav,
 * justering, tilbakefoeringAvInngaaendeMerverdiavgift). Two entries of the list are left
 * out on purpose: `justeringMerverdiavgiftskompensasjonFastEiendom` belongs only in the
 * compensation return (meldingskategori kompensasjon), and `kompensasjonsrett` moves the
 * deduction of a reverse-charge purchase into that compensation return; Nordbok writes the
 * ordinary return only.
 */
export const VAT_SPECIFICATIONS = [
  'uttak',
  'tapPåKrav',
  'justering',
  'tilbakeføringAvInngåendeMerverdiavgift',
] as const;
export type VatSpecification = (typeof VAT_SPECIFICATIONS)[number];

const SPECIFICATION_CODES: Record<VatSpecification, readonly string[]> = {
  uttak: ['3', '5', '31', '33'],
  tapPåKrav: ['1', '11', '12', '13'],
  justering: ['1', '81'],
  tilbakeføringAvInngåendeMerverdiavgift: ['1', '81'],
};

export function isVatSpecification(value: string): value is VatSpecification {
  return (VAT_SPECIFICATIONS as readonly string[]).includes(value);
}

/** The VAT codes a specification may stand on. */
export function codesForSpecification(specification: VatSpecification): readonly string[] {
  return SPECIFICATION_CODES[specification];
}

/** The specifications a VAT code allows (none for most codes). */
export function specificationsForCode(code: string): VatSpecification[] {
  return VAT_SPECIFICATIONS.filter((s) => SPECIFICATION_CODES[s].includes(code));
}
