import { fiscalYearSpan } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { Database, PeriodRow } from '../../db/schema';
import { AppError } from '../../errors';
import { listFiscalYears, listPeriods, setPeriodLocked } from './period.store';

export interface FiscalYear {
  year: number;
  startDate: string;
  endDate: string;
  periods: { period: number; startDate: string; endDate: string; locked: boolean }[];
}

/** Opens a fiscal year with its opening period and twelve monthly periods. */
export async function openFiscalYear(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  startMonth: number,
) {
  const span = fiscalYearSpan(year, startMonth);
  await db
    .insertInto('fiscal_years')
    .values({ company_id: companyId, year, start_date: span.startDate, end_date: span.endDate })
    .execute();
  await db
    .insertInto('periods')
    .values(
      span.periods.map((p) => ({
        company_id: companyId,
        fiscal_year: year,
        period: p.period,
        start_date: p.startDate,
        end_date: p.endDate,
      })),
    )
    .execute();
}

export async function fiscalYears(db: Kysely<Database>, companyId: number): Promise<FiscalYear[]> {
  const [years, periods] = await Promise.all([
    listFiscalYears(db, companyId),
    listPeriods(db, companyId),
  ]);
  return years.map((y) => ({
    year: y.year,
    startDate: y.start_date,
    endDate: y.end_date,
    periods: periods
      .filter((p) => p.fiscal_year === y.year)
      .map((p) => ({
        period: p.period,
        startDate: p.start_date,
        endDate: p.end_date,
        locked: p.locked === 1,
      })),
  }));
}

export async function addFiscalYear(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  startMonth: number,
) {
  const existing = await listFiscalYears(db, companyId);
  if (existing.some((y) => y.year === year)) {
    throw AppError.field('year', `Fiscal year ${year} is already open.`, 'duplicate');
  }
  await openFiscalYear(db, companyId, year, startMonth);
}

export async function lockPeriod(
  db: Kysely<Database>,
  companyId: number,
  fiscalYear: number,
  period: number,
  locked: boolean,
) {
  if (!(await setPeriodLocked(db, companyId, fiscalYear, period, locked))) {
    throw new AppError(
      'not-found',
      `Period ${period} of fiscal year ${fiscalYear} does not exist.`,
    );
  }
}

/**
 * Where a voucher dated `date` belongs among the company's periods: its fiscal year and
 * period (0 for an opening balance). Refuses a date outside every open fiscal year and a
 * locked period.
 */
export function placeInPeriod(periods: readonly PeriodRow[], date: string, opening: boolean) {
  const month = periods.find((p) => p.period > 0 && p.start_date <= date && p.end_date >= date);
  if (!month) {
    throw AppError.field('date', `${date} is outside every open fiscal year.`, 'no-fiscal-year');
  }
  const row = opening
    ? periods.find((p) => p.period === 0 && p.fiscal_year === month.fiscal_year)
    : month;
  if (!row || (opening && date !== row.start_date)) {
    const first = row?.start_date ?? 'the first day of the fiscal year';
    throw AppError.field(
      'date',
      `An opening balance is dated ${first}, the first day of the fiscal year.`,
    );
  }
  if (row.locked === 1) {
    throw AppError.field(
      'date',
      `Period ${row.period} of fiscal year ${row.fiscal_year} is locked. An administrator can unlock it.`,
      'locked-period',
    );
  }
  return { fiscalYear: row.fiscal_year, period: row.period };
}
