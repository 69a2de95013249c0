/**
 * Money is an integer number of øre. A JS number holds every øre amount up to
 * 90 071 992 547 409,91 NOK exactly; every operation here keeps amounts integral and
 * rounds in one named place, half away from zero.
 */
export type Ore = number;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

/**
 * Reads an amount as people write it: "1 234,56", "1234.56", "-75", "1.234,5".
 * A comma is the decimal mark when present; otherwise a single dot with one or two digits
 * after it is. Anything that is not exactly an øre amount is refused rather than guessed.
 */
export function parseAmount(text: string): Ore {
  const compact = text.trim().replace(/[\s\u00a0]/g, '');
  const normalised = compact.includes(',')
    ? compact.replace(/\./g, '').replace(',', '.')
    : /^-?\d+\.\d{1,2}$/.test(compact)
      ? compact
      : compact.replace(/\./g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(normalised);
  if (!match) throw new MoneyError(`"${text}" is not an amount.`);
  const [, minus, kroner, ore = ''] = match;
  const value = Number(kroner) * 100 + Number(ore.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) throw new MoneyError(`"${text}" is too large.`);
  return minus && value !== 0 ? -value : value;
}

/** 123456 → "1234.56" (machine format: CSV, JSON exports). */
export function toDecimalString(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "1 234,56" as written in Norway (non-breaking spaces between thousands). */
export function formatAmount(ore: Ore): string {
  const [kroner = '0', decimals = '00'] = toDecimalString(Math.abs(ore)).split('.');
  const grouped = kroner.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${ore < 0 ? '-' : ''}${grouped},${decimals}`;
}

/**
 * numerator / denominator rounded half away from zero, computed exactly with BigInt.
 * Example: 12345 × 25 / 100 = 3086.25 → 3086; −12345 × 25 / 125 = −2469.
 */
export function divideRounded(numerator: bigint, denominator: bigint): Ore {
  if (denominator === 0n) throw new MoneyError('Division by zero.');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  const result = Number(negative ? -quotient : quotient);
  return result === 0 ? 0 : result; // never −0
}

export function sum(amounts: Iterable<Ore>): Ore {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}
