import { isIsoDate } from '@nordbok/core';

/**
 * Exchange rates a user downloads from Norges Bank as CSV, or types in a short file.
 *
 * Norges Bank's file is semicolon separated, one observation per row, with a header that
 * names its columns (an English or Norwegian label column follows most code columns):
 * FREQ, BASE_CUR (the currency), QUOTE_CUR (always NOK), TENOR, DECIMALS, CALCULATED,
 * UNIT_MULT, COLLECTION, TIME_PERIOD (the day) and OBS_VALUE (the rate). UNIT_MULT is the
 * power of ten of units the rate is for: 2 means NOK per 100 units (SEK, DKK, JPY …).
 *
 * The short form is one rate per line, `CUR;YYYY-MM-DD;rate`, NOK per one unit, with a
 * comma or a dot as the decimal mark.
 *
 * Rates come back as decimal strings of NOK per ONE unit with at most 6 decimals
 * ("1.0675" for SEK quoted as 106,75 per 100), computed on the digits, never as floats.
 */
export interface ExchangeRateRow {
  currency: string;
  date: string;
  rate: string;
}

export interface RateFileError {
  /** 1-based line of the file. */
  line: number;
  message: string;
}

const MAX_DECIMALS = 6;
const MAX_WHOLE_DIGITS = 6;
/** Norges Bank's indices, published beside the currencies; they are not exchange rates. */
const INDICES = new Set(['I44', 'TWI']);
const REQUIRED = ['BASE_CUR', 'QUOTE_CUR', 'UNIT_MULT', 'TIME_PERIOD', 'OBS_VALUE'] as const;

export function parseExchangeRates(text: string): {
  rates: ExchangeRateRow[];
  errors: RateFileError[];
} {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: { line: number; fields: string[] }[] = [];
  lines.forEach((content, i) => {
    if (content.trim() !== '') rows.push({ line: i + 1, fields: splitLine(content) });
  });
  const rates: ExchangeRateRow[] = [];
  const errors: RateFileError[] = [];
  const first = rows[0];
  if (!first) {
    errors.push({ line: 1, message: 'The file holds no exchange rates.' });
    return { rates, errors };
  }
  const seen = new Map<string, { line: number; rate: string }>();
  const accept = (line: number, row: ExchangeRateRow) => {
    const key = `${row.currency} ${row.date}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, { line, rate: row.rate });
      rates.push(row);
    } else if (earlier.rate !== row.rate) {
      errors.push({
        line,
        message:
          `${row.currency} on ${row.date} already has the rate ` +
          `${earlier.rate} on line ${earlier.line}; keep one of them.`,
      });
    }
  };

  const header = first.fields.map((f) => f.toUpperCase());
  if (header.includes('BASE_CUR') || header.includes('OBS_VALUE')) {
    const missing = REQUIRED.filter((name) => !header.includes(name));
    if (missing.length > 0) {
      errors.push({
        line: first.line,
        message:
          `The header lacks the column${missing.length > 1 ? 's' : ''} ` +
          `${missing.join(', ')}; download the rates from Norges Bank as CSV again.`,
      });
      return { rates, errors };
    }
    const column = Object.fromEntries(
      REQUIRED.map((name) => [name, header.indexOf(name)]),
    ) as Record<(typeof REQUIRED)[number], number>;
    for (const { line, fields } of rows.slice(1)) {
      if (fields.length < header.length) {
        errors.push({
          line,
          message: `The row has ${fields.length} fields, but the header names ${header.length}.`,
        });
        continue;
      }
      const field = (name: (typeof REQUIRED)[number]) => (fields[column[name]] ?? '').trim();
      const currency = field('BASE_CUR').toUpperCase();
      if (INDICES.has(currency)) continue;
      const quote = field('QUOTE_CUR').toUpperCase();
      if (quote !== 'NOK') {
        errors.push({ line, message: `The rate is quoted in ${quote || 'nothing'}, not in NOK.` });
        continue;
      }
      const unitMult = field('UNIT_MULT');
      if (!/^\d$/.test(unitMult)) {
        errors.push({
          line,
          message: `UNIT_MULT "${unitMult}" is not a power of ten from 0 to 9.`,
        });
        continue;
      }
      const result = readRow(currency, field('TIME_PERIOD'), field('OBS_VALUE'), Number(unitMult));
      if ('message' in result) errors.push({ line, message: result.message });
      else accept(line, result);
    }
    return { rates, errors };
  }

  // The short form; a first line without a date and a rate is taken as a header.
  const body =
    !/\d/.test(first.fields[2] ?? '') && !isIsoDate((first.fields[1] ?? '').trim())
      ? rows.slice(1)
      : rows;
  for (const { line, fields } of body) {
    if (fields.length !== 3) {
      errors.push({
        line,
        message:
          `A rate line has three fields, currency;date;rate ` +
          `(like USD;2026-01-02;10,1234), not ${fields.length}.`,
      });
      continue;
    }
    const [currency = '', date = '', value = ''] = fields.map((f) => f.trim());
    const result = readRow(currency.toUpperCase(), date, value, 0);
    if ('message' in result) errors.push({ line, message: result.message });
    else accept(line, result);
  }
  return { rates, errors };
}

function readRow(
  currency: string,
  date: string,
  value: string,
  unitMult: number,
): ExchangeRateRow | { message: string } {
  if (!/^[A-Z]{3}$/.test(currency)) {
    return { message: `"${currency}" is not a three-letter currency code.` };
  }
  if (currency === 'NOK') return { message: 'NOK is the base currency and has no rate.' };
  if (!isIsoDate(date)) {
    return /^\d{4}-\d{2}$|^\d{4}$/.test(date)
      ? { message: `"${date}" is a month or a year, not a day; download daily rates.` }
      : { message: `"${date}" is not a date written YYYY-MM-DD.` };
  }
  if (value === '') return { message: `${currency} has no rate on ${date}.` };
  const rate = perUnit(value, unitMult);
  if (typeof rate !== 'string') return { message: `${currency} on ${date}: ${rate.message}` };
  return { currency, date, rate };
}

/**
 * A rate as written ("106,75", "1 145.56", "10.1234") divided by 10^unitMult, rounded half
 * up to 6 decimals, as a decimal string without trailing zeros.
 */
function perUnit(written: string, unitMult: number): string | { message: string } {
  const compact = written.replace(/[\s\u00a0\u202f']/g, '');
  const comma = compact.lastIndexOf(',');
  const dot = compact.lastIndexOf('.');
  const mark = comma > dot ? ',' : '.';
  const other = mark === ',' ? '.' : ',';
  const [whole = '', fraction = '', ...rest] = compact.split(mark);
  const wholeDigits = whole.split(other).join('');
  if (rest.length > 0 || !/^\d+$/.test(wholeDigits) || !/^\d*$/.test(fraction)) {
    return { message: `"${written}" is not a rate; write it like 10,1234.` };
  }
  let units = BigInt(wholeDigits + fraction);
  let scale = fraction.length + unitMult;
  if (scale > MAX_DECIMALS) {
    const divisor = 10n ** BigInt(scale - MAX_DECIMALS);
    units = (units * 2n + divisor) / (2n * divisor);
    scale = MAX_DECIMALS;
  }
  if (units === 0n) return { message: `the rate "${written}" is zero or too small to keep.` };
  const digits = units.toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const decimals = digits.slice(digits.length - scale).replace(/0+$/, '');
  if (integer.length > MAX_WHOLE_DIGITS) {
    return { message: `the rate "${written}" is too large for NOK per unit.` };
  }
  return decimals ? `${integer}.${decimals}` : integer;
}

/** Splits a line on semicolons; a field in double quotes may hold semicolons and "" for ". */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (c === ';') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}
