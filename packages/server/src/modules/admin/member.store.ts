import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { CompanyUserRow, Database } from '../../db/schema';

export function findMembership(
  db: Kysely<Database>,
  companyId: number,
  userId: number,
): Promise<CompanyUserRow | undefined> {
  return db
    .selectFrom('company_users')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listMembers(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('company_users')
    .innerJoin('users', 'users.id', 'company_users.user_id')
    .select([
      'users.id as user_id',
      'users.email',
      'users.name',
      'company_users.role',
      'company_users.permissions',
    ])
    .where('company_users.company_id', '=', companyId)
    .orderBy('users.email')
    .execute();
}

export async function saveMembership(
  db: Kysely<Database>,
  companyId: number,
  userId: number,
  role: string,
  permissions: string,
): Promise<void> {
  await db
    .insertInto('company_users')
    .values({ company_id: companyId, user_id: userId, role, permissions, created_at: now() })
    .onConflict((oc) => oc.columns(['company_id', 'user_id']).doUpdateSet({ role, permissions }))
    .execute();
}

export async function deleteMembership(
  db: Kysely<Database>,
  companyId: number,
  userId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('company_users')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countAdministrators(db: Kysely<Database>, companyId: number) {
  const row = await db
    .selectFrom('company_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .where('role', '=', 'administrator')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
