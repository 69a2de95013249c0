import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { requireSession } from '../../http/access';
import { clearSessionCookie, setSessionCookie } from '../../http/sessions';
import { loginSchema, sessionViewSchema } from './auth.schemas';
import { login, logout, selectCompany, viewSession } from './auth.service';

const companyParams = z.strictObject({ companyId: z.coerce.number().int().positive() });

export function authRoutes(db: Kysely<Database>, config: Config): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: { tags, body: loginSchema, response: { 200: sessionViewSchema } },
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const { token, session } = await login(db, email, password, request.ip);
        setSessionCookie(reply, token, config);
        return viewSession(db, session);
      },
    );

    app.get(
      '/auth/session',
      { schema: { tags, response: { 200: sessionViewSchema } } },
      (request) => viewSession(db, requireSession(request)),
    );

    app.post('/auth/logout', { schema: { tags } }, async (request, reply) => {
      await logout(db, requireSession(request));
      clearSessionCookie(reply);
      return reply.status(204).send();
    });

    app.post(
      '/companies/:companyId/select',
      {
        config: { access: 'member' },
        schema: { tags, params: companyParams, response: { 200: sessionViewSchema } },
      },
      async (request) => {
        const session = requireSession(request);
        await selectCompany(db, session, request.params.companyId);
        return viewSession(db, session);
      },
    );
  };
}
