import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { Database, Flag, UserRow } from '../../db/schema';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  language: string;
  isInstallationAdmin: boolean;
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      language: user.language,
      is_installation_admin: (user.isInstallationAdmin ? 1 : 0) as Flag,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(
  db: Kysely<Database>,
  id: number,
  changes: { name?: string; language?: string; password_hash?: string },
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
