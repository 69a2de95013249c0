import { fiscalYearSpan, periodOf } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import {
  findFiscalYearByDate,
  findPeriod,
  listFiscalYears,
  listPeriods,
  setPeriodLocked,
} from './period.store';

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
 * Where a voucher dated `date` belongs: its fiscal year and period (0 for an opening
 * balance). Refuses a date outside every open fiscal year and a locked period.
 */
export async function placeInPeriod(
  db: Kysely<Database>,
  companyId: number,
  date: string,
  startMonth: number,
  opening: boolean,
) {
  const year = await findFiscalYearByDate(db, companyId, date);
  if (!year) {
    throw AppError.field('date', `${date} is outside every open fiscal year.`, 'no-fiscal-year');
  }
  if (opening && date !== year.start_date) {
    throw AppError.field(
      'date',
      `An opening balance is dated ${year.start_date}, the first day of the fiscal year.`,
    );
  }
  const period = opening ? 0 : periodOf(date, startMonth);
  const row = await findPeriod(db, companyId, year.year, period);
  if (row?.locked === 1) {
    throw AppError.field(
      'date',
      `Period ${period} of fiscal year ${year.year} is locked. An administrator can unlock it.`,
      'locked-period',
    );
  }
  return { fiscalYear: year.year, period };
}
