import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema';
import { AppError } from '../../errors';
import { hashPassword } from '../auth/password';
import { type NewUserInput, newUserSchema, type User } from './user.schemas';
import { findUserByEmail, insertUser, listUsers, updateUser } from './user.store';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language === 'en' ? 'en' : 'nb',
    isInstallationAdmin: row.is_installation_admin === 1,
  };
}

export async function createUser(db: Kysely<Database>, input: NewUserInput): Promise<User> {
  const data = newUserSchema.parse(input);
  if (await findUserByEmail(db, data.email)) {
    throw AppError.field('email', `A user with e-mail ${data.email} already exists.`, 'duplicate');
  }
  const row = await insertUser(db, {
    email: data.email,
    name: data.name,
    passwordHash: await hashPassword(data.password),
    language: data.language ?? 'nb',
    isInstallationAdmin: data.isInstallationAdmin ?? false,
  });
  return toUser(row);
}

export async function allUsers(db: Kysely<Database>): Promise<User[]> {
  return (await listUsers(db)).map(toUser);
}

export async function changeProfile(
  db: Kysely<Database>,
  userId: number,
  changes: { name?: string; language?: string },
): Promise<User> {
  const row = await updateUser(db, userId, changes);
  if (!row) throw new AppError('not-found', 'The user no longer exists.');
  return toUser(row);
}
