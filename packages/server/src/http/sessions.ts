import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { listUsers } from '../modules/admin/user.store';
import { openSession, resumeSession } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'nordbok_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every API request and checks the CSRF token on every
 * state-changing one. Sessions live in the database, so any instance can serve any request.
 */
export function registerSessions(app: FastifyInstance, db: Kysely<Database>, config: Config) {
  app.decorateRequest('session', null);
  app.decorateRequest('membership', null);

  app.addHook('onRequest', async (request, reply) => {
    request.session = null;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? ((await resumeSession(db, token)) ?? null) : null;
    if (!request.session && config.authDisabled) await signInSoleUser(db, request, reply, config);
    if (request.session && !SAFE_METHODS.has(request.method)) checkCsrf(request);
  });
}

function checkCsrf(request: FastifyRequest) {
  const sent = request.headers['x-csrf-token'];
  if (sent !== request.session?.csrf_token) {
    throw new AppError('csrf', 'The request lacks a valid x-csrf-token header. Reload the page.');
  }
}

/** Without password protection the one user of the installation is signed in by itself. */
async function signInSoleUser(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
) {
  const users = await listUsers(db);
  if (users.length !== 1 || !users[0]) return;
  const { token, session } = await openSession(db, users[0].id);
  setSessionCookie(reply, token, config);
  request.session = session;
  // A request that arrives without a session cannot carry the CSRF token yet.
  if (!SAFE_METHODS.has(request.method)) {
    throw new AppError('csrf', 'The session was just opened. Reload the page and try again.');
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
