import { isIsoDate } from '../accounting/calendar';

/**
 * Calendar dates written YYYY-MM-DD, counted as whole days since 1970-01-01 so that day
 * differences and "the day after" are plain integer arithmetic, free of time zones.
 */
const MS_PER_DAY = 86_400_000;

export function requireDate(value: string, what: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new RangeError(`The ${what} must be a date written YYYY-MM-DD, not "${value}".`);
  }
  return value;
}

export function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  );
}

export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date `months` calendar months after `date`, on `anchorDay` of that month or on the
 * month's last day when it is shorter: 2026-01-31 + 1 month → 2026-02-28.
 */
export function addMonths(date: string, months: number, anchorDay: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(anchorDay, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
