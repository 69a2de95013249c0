import type { TermLength } from './types';

const TERMS_PER_YEAR: Record<TermLength, number> = { twoMonths: 6, month: 12, year: 1 };
const MONTHS_PER_TERM: Record<TermLength, number> = { twoMonths: 2, month: 1, year: 12 };

export const termCount = (length: TermLength) => TERMS_PER_YEAR[length];

/** The term holding a date; VAT terms follow the calendar year, term 1 starting in January. */
export function termOfDate(length: TermLength, iso: string): number {
  const month = Number(iso.slice(5, 7));
  return Math.floor((month - 1) / MONTHS_PER_TERM[length]) + 1;
}

/**
 * A term's months in words: "Januar–februar", "Mars", or for a yearly term `wholeYear`.
 * Only the first letter is raised, so Norwegian months stay in lower case after the dash.
 */
export function termName(length: TermLength, term: number, language: string, wholeYear = '') {
  if (length === 'year') return wholeYear;
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    month: 'long',
    timeZone: 'UTC',
  });
  const months = MONTHS_PER_TERM[length];
  const first = (term - 1) * months;
  const names = Array.from({ length: months }, (_, i) =>
    format.format(new Date(Date.UTC(2024, first + i, 15))),
  );
  const name = names.join('–');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
