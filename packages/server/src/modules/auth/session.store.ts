import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../../db/schema';

export function insertSession(db: Kysely<Database>, row: SessionRow) {
  return db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(db: Kysely<Database>, id: string, at: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

export function touchSession(db: Kysely<Database>, id: string, seen: string, expires: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: seen, expires_at: expires })
    .where('id', '=', id)
    .execute();
}

export function setSessionCompany(db: Kysely<Database>, id: string, companyId: number | null) {
  return db.updateTable('sessions').set({ company_id: companyId }).where('id', '=', id).execute();
}

export function deleteSession(db: Kysely<Database>, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteExpiredSessions(db: Kysely<Database>, at: string) {
  return db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
}

/** Other users with a session on the company that was used since `since`. */
export async function countOtherActiveUsers(
  db: Kysely<Database>,
  companyId: number,
  userId: number,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .where('company_id', '=', companyId)
    .where('user_id', '!=', userId)
    .where('last_seen_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The company the user worked in last, to open it again on the next login. */
export async function lastCompanyOfUser(db: Kysely<Database>, userId: number) {
  const row = await db
    .selectFrom('sessions')
    .select('company_id')
    .where('user_id', '=', userId)
    .where('company_id', 'is not', null)
    .orderBy('last_seen_at', 'desc')
    .executeTakeFirst();
  return row?.company_id ?? null;
}
