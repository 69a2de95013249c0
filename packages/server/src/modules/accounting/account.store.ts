import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../../db/schema';

export function listAccounts(db: Kysely<Database>, companyId: number): Promise<AccountRow[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('number')
    .execute();
}

export function findAccounts(db: Kysely<Database>, companyId: number, numbers: string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('number', 'in', numbers)
    .execute();
}

export function listVatAccounts(db: Kysely<Database>, companyId: number) {
  return db.selectFrom('vat_accounts').selectAll().where('company_id', '=', companyId).execute();
}
