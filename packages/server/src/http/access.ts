import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../db/schema';
import { AppError } from '../errors';
import { findMembership } from '../modules/admin/member.store';
import {
  type Access,
  allows,
  effectivePermissions,
  type Module,
  type Permissions,
  parsePermissions,
  type Role,
} from '../modules/admin/permissions';

/**
 * What a company route needs: a module and a level, the company's administrator role, or
 * just being a member of the company.
 * Every route under /companies/:companyId must declare one; the server refuses to start
 * with a route that does not, so no endpoint can slip past the check.
 */
export type RouteAccess =
  | { module: Module; level: Exclude<Access, 'none'> }
  | 'administrator'
  | 'member';

export interface Membership {
  companyId: number;
  role: Role;
  permissions: Permissions;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRow | null;
    membership: Membership | null;
  }
  interface FastifyInstance {
    /** Every route under /companies/:companyId, for tests that walk them all. */
    companyRoutes: { method: string; url: string }[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable without a session (login, health, the OpenAPI document). */
    public?: boolean;
  }
}

export const COMPANY_PREFIX = '/api/v1/companies/:companyId';

export function requireSession(request: FastifyRequest): SessionRow {
  if (!request.session) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.session;
}

export function requireMembership(request: FastifyRequest): Membership {
  if (!request.membership) throw new Error('Route has no company access check.');
  return request.membership;
}

/** The company of a /companies/:companyId route the request was let into. */
export const companyIdOf = (request: FastifyRequest): number =>
  requireMembership(request).companyId;

/** The signed-in user's id. */
export const userIdOf = (request: FastifyRequest): number => requireSession(request).user_id;

export function registerAccessChecks(app: FastifyInstance, db: Kysely<Database>) {
  app.decorate('companyRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(COMPANY_PREFIX)) return;
    if (!route.config?.access) {
      throw new Error(`${route.method} ${route.url} lacks an access declaration.`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.companyRoutes.push({ method, url: route.url });
    }
  });

  // Checked as soon as the route is known, before the body is even parsed: an outsider
  // learns nothing about a company's endpoints, not even their validation rules.
  app.addHook('onRequest', async (request) => {
    request.membership = null;
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api/') || config.public) return;
    const session = requireSession(request);
    if (config.access) request.membership = await checkAccess(db, request, session, config.access);
  });
}

async function checkAccess(
  db: Kysely<Database>,
  request: FastifyRequest,
  session: SessionRow,
  access: RouteAccess,
): Promise<Membership> {
  const companyId = Number((request.params as { companyId?: string }).companyId);
  const row = Number.isSafeInteger(companyId)
    ? await findMembership(db, companyId, session.user_id)
    : undefined;
  // A company the user has no access to is reported as missing, not as forbidden.
  if (!row) throw new AppError('not-found', `Company ${companyId} does not exist.`);

  const role = row.role as Role;
  const permissions = effectivePermissions(role, parsePermissions(row.permissions));
  if (access === 'member') {
    // Belonging to the company is enough.
  } else if (access === 'administrator') {
    if (role !== 'administrator') {
      throw new AppError('forbidden', 'Only the company administrator can do this.');
    }
  } else if (!allows(permissions[access.module], access.level)) {
    throw refusal(role, access);
  }
  return { companyId, role, permissions };
}

function refusal(role: Role, access: { module: Module; level: Access }): AppError {
  if (role === 'guest' && access.level === 'write') {
    return new AppError('read-only', 'Guests can look but not change anything.');
  }
  return new AppError('forbidden', `You have no ${access.level} access to ${access.module}.`);
}

/**
 * For routes whose area depends on what they touch (a document is sales or purchasing by
 * its kind): checks the member's access to that module once the thing is known.
 */
export function requireModuleAccess(
  request: FastifyRequest,
  module: Module,
  level: Exclude<Access, 'none'>,
): Membership {
  const membership = requireMembership(request);
  if (!allows(membership.permissions[module], level)) {
    throw refusal(membership.role, { module, level });
  }
  return membership;
}
