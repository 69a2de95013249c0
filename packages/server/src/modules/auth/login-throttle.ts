import type { Kysely } from 'kysely';
import type { Database, Flag } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * Failed logins are counted in the database, so every app instance sees the same count.
 * Past the limit inside the window the login is refused before the password is checked.
 */
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export async function refuseIfThrottled(db: Kysely<Database>, email: string, ip: string) {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const failures = (column: 'email' | 'ip', value: string) =>
    db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('succeeded', '=', 0)
      .where('attempted_at', '>', since)
      .executeTakeFirstOrThrow();
  const [byEmail, byIp] = await Promise.all([failures('email', email), failures('ip', ip)]);
  if (Number(byEmail.n) >= MAX_FAILURES_PER_EMAIL || Number(byIp.n) >= MAX_FAILURES_PER_IP) {
    throw new AppError(
      'rate-limited',
      'Too many failed sign-in attempts. Wait 15 minutes and try again.',
    );
  }
}

export async function recordAttempt(
  db: Kysely<Database>,
  email: string,
  ip: string,
  succeeded: boolean,
) {
  const at = new Date().toISOString();
  await db
    .insertInto('login_attempts')
    .values({ email, ip, succeeded: (succeeded ? 1 : 0) as Flag, attempted_at: at })
    .execute();
  if (succeeded) {
    await db
      .deleteFrom('login_attempts')
      .where('email', '=', email)
      .where('succeeded', '=', 0)
      .execute();
  }
}
