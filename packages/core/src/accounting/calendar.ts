/**
 * Fiscal years and their periods. A fiscal year is named by the calendar year it starts
 * in: with start month 7, fiscal year 2026 runs 2026-07-01 to 2027-06-30, and its period 1
 * is July 2026, period 12 June 2027. Period 0 holds the opening balance on the first day.
 */
export interface PeriodSpan {
  period: number;
  startDate: string;
  endDate: string;
}

export interface FiscalYearSpan {
  year: number;
  startDate: string;
  endDate: string;
  periods: PeriodSpan[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-01`;
}

function monthEnd(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(last)}`;
}

export function fiscalYearSpan(year: number, startMonth: number): FiscalYearSpan {
  const startDate = monthStart(year, startMonth);
  const periods: PeriodSpan[] = [{ period: 0, startDate, endDate: startDate }];
  for (let i = 0; i < 12; i++) {
    const month = startMonth + i;
    periods.push({
      period: i + 1,
      startDate: monthStart(year, month),
      endDate: monthEnd(year, month),
    });
  }
  return { year, startDate, endDate: monthEnd(year, startMonth + 11), periods };
}

/** The fiscal year (by its name) that a date falls in. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** The ordinary period (1–12) of a date in its fiscal year. */
export function periodOf(date: string, startMonth: number): number {
  const month = Number(date.slice(5, 7));
  return ((month - startMonth + 12) % 12) + 1;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The day before a date: "2026-03-01" → "2026-02-28". */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
