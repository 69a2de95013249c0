import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { Database, SessionRow } from '../../db/schema';
import { AppError } from '../../errors';
import type { CompanySummary } from '../admin/company.schemas';
import { companiesOfUser } from '../admin/company.service';
import { findCompany } from '../admin/company.store';
import type { User } from '../admin/user.schemas';
import { toUser } from '../admin/user.service';
import { findUserByEmail, findUserById } from '../admin/user.store';
import { recordAttempt, refuseIfThrottled } from './login-throttle';
import { verifyPassword } from './password';
import {
  countOtherActiveUsers,
  deleteSession,
  findLiveSession,
  insertSession,
  lastCompanyOfUser,
  setSessionCompany,
  touchSession,
} from './session.store';

/** A session ends after this long without a request. */
const IDLE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** A user counts against a company's licence while they made a request this recently. */
export const ACTIVE_WINDOW_MS = 30 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not all turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionView {
  user: User;
  csrfToken: string;
  currentCompanyId: number | null;
  companies: CompanySummary[];
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function login(db: Kysely<Database>, email: string, password: string, ip: string) {
  const normalised = email.trim().toLowerCase();
  await refuseIfThrottled(db, normalised, ip);
  const user = await findUserByEmail(db, normalised);
  const ok = user ? await verifyPassword(user.password_hash, password) : false;
  await recordAttempt(db, normalised, ip, ok);
  if (!user || !ok) throw new AppError('unauthenticated', 'Wrong e-mail address or password.');
  return openSession(db, user.id);
}

/** Starts a session for a user and opens the company they last worked in, licence permitting. */
export async function openSession(db: Kysely<Database>, userId: number) {
  const companyId = await firstUsableCompany(db, userId);
  const token = newToken();
  const at = now();
  const row: SessionRow = {
    id: hashToken(token),
    user_id: userId,
    company_id: companyId,
    csrf_token: newToken(),
    created_at: at,
    last_seen_at: at,
    expires_at: new Date(Date.now() + IDLE_LIMIT_MS).toISOString(),
  };
  await insertSession(db, row);
  return { token, session: row };
}

async function firstUsableCompany(db: Kysely<Database>, userId: number): Promise<number | null> {
  const companies = await companiesOfUser(db, userId);
  if (companies.length === 0) return null;
  const last = await lastCompanyOfUser(db, userId);
  const ordered = [...companies].sort((a, b) => Number(b.id === last) - Number(a.id === last));
  let refusal: AppError | undefined;
  for (const company of ordered) {
    try {
      await checkLicence(db, company.id, userId);
      return company.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal ??= error;
    }
  }
  throw refusal;
}

/** Refuses a user when the company's licence has no free concurrent seat. */
async function checkLicence(db: Kysely<Database>, companyId: number, userId: number) {
  const company = await findCompany(db, companyId);
  if (!company) throw new AppError('not-found', `Company ${companyId} does not exist.`);
  const since = new Date(Date.now() - ACTIVE_WINDOW_MS).toISOString();
  const others = await countOtherActiveUsers(db, companyId, userId, since);
  if (others >= company.licence_max_users) {
    const seats = company.licence_max_users;
    throw new AppError(
      'licence-limit',
      `The licence for ${company.name} allows ${seats} concurrent user${seats === 1 ? '' : 's'}, ` +
        'and all are in use. Try again when someone signs out, or ask for a larger licence.',
    );
  }
}

/** The live session behind a cookie token, kept alive by this request. */
export async function resumeSession(db: Kysely<Database>, token: string) {
  const at = Date.now();
  const session = await findLiveSession(db, hashToken(token), new Date(at).toISOString());
  if (!session) return undefined;
  if (at - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    const seen = new Date(at).toISOString();
    const expires = new Date(at + IDLE_LIMIT_MS).toISOString();
    await touchSession(db, session.id, seen, expires);
    session.last_seen_at = seen;
  }
  return session;
}

export async function viewSession(db: Kysely<Database>, session: SessionRow): Promise<SessionView> {
  const user = await findUserById(db, session.user_id);
  if (!user) throw new AppError('unauthenticated', 'Your user no longer exists.');
  const companies = await companiesOfUser(db, user.id);
  const current = companies.some((c) => c.id === session.company_id) ? session.company_id : null;
  return {
    user: toUser(user),
    csrfToken: session.csrf_token,
    currentCompanyId: current,
    companies,
  };
}

export async function selectCompany(db: Kysely<Database>, session: SessionRow, companyId: number) {
  await checkLicence(db, companyId, session.user_id);
  await setSessionCompany(db, session.id, companyId);
  session.company_id = companyId;
}

export function logout(db: Kysely<Database>, session: SessionRow) {
  return deleteSession(db, session.id);
}
