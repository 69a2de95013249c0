import type { TermLength } from '@nordbok/formats';
import { AppError } from '../../errors';

export const TERM_LENGTHS = ['twoMonths', 'month', 'year'] as const;

const TERMS_PER_YEAR: Record<TermLength, number> = { month: 12, twoMonths: 6, year: 1 };
const MONTHS_PER_TERM: Record<TermLength, number> = { month: 1, twoMonths: 2, year: 12 };

export interface VatTerm {
  termLength: TermLength;
  year: number;
  term: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** VAT terms follow the calendar year whatever the fiscal year: term 1 starts in January. */
export function vatTerm(termLength: TermLength, year: number, term: number): VatTerm {
  const count = TERMS_PER_YEAR[termLength];
  if (!Number.isInteger(term) || term < 1 || term > count) {
    throw AppError.field('term', `A year has VAT terms 1 to ${count}, not ${term}.`, 'no-term');
  }
  const months = MONTHS_PER_TERM[termLength];
  const firstMonth = (term - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return {
    termLength,
    year,
    term,
    from: `${year}-${pad(firstMonth)}-01`,
    to: lastDayOf(year, lastMonth),
  };
}
