import type { Kysely } from 'kysely';
import type { Database, Flag } from '../../db/schema';

export function listFiscalYears(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('fiscal_years')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('year')
    .execute();
}

export function listPeriods(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('periods')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('fiscal_year')
    .orderBy('period')
    .execute();
}

export async function setPeriodLocked(
  db: Kysely<Database>,
  companyId: number,
  fiscalYear: number,
  period: number,
  locked: boolean,
) {
  const result = await db
    .updateTable('periods')
    .set({ locked: (locked ? 1 : 0) as Flag })
    .where('company_id', '=', companyId)
    .where('fiscal_year', '=', fiscalYear)
    .where('period', '=', period)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
