import type { Kysely } from 'kysely';
import type { CompanyRow, CompanyUpdate, Database, NewCompanyRow } from '../../db/schema';

export function insertCompany(db: Kysely<Database>, row: NewCompanyRow): Promise<CompanyRow> {
  return db.insertInto('companies').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findCompany(db: Kysely<Database>, id: number): Promise<CompanyRow | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateCompany(
  db: Kysely<Database>,
  id: number,
  changes: CompanyUpdate,
): Promise<CompanyRow | undefined> {
  return db
    .updateTable('companies')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function listCompanies(db: Kysely<Database>) {
  return db.selectFrom('companies').select(['id', 'name', 'org_number']).orderBy('name').execute();
}

/** The companies a user belongs to, with the role and permissions they hold in each. */
export function listCompaniesOfUser(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('company_users')
    .innerJoin('companies', 'companies.id', 'company_users.company_id')
    .select([
      'companies.id',
      'companies.name',
      'companies.org_number',
      'company_users.role',
      'company_users.permissions',
    ])
    .where('company_users.user_id', '=', userId)
    .orderBy('companies.name')
    .execute();
}
