import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership } from '../../http/access';
import { companyParams } from './company.routes';
import { grantSchema, memberSchema, newMemberSchema } from './company.schemas';
import { grant, membersOf, revoke } from './member.service';

const memberParams = companyParams.extend({ userId: z.coerce.number().int().positive() });

export function memberRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['members'];
    const config = { access: 'administrator' as const };

    app.get(
      '/companies/:companyId/members',
      {
        config,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(memberSchema) }) },
        },
      },
      async (request) => ({ items: await membersOf(db, requireMembership(request).companyId) }),
    );

    app.post(
      '/companies/:companyId/members',
      {
        config,
        schema: {
          tags,
          params: companyParams,
          body: newMemberSchema,
          response: { 201: memberSchema },
        },
      },
      async (request, reply) => {
        const { email, ...access } = request.body;
        const member = await grant(db, requireMembership(request).companyId, { email }, access);
        return reply.status(201).send(member);
      },
    );

    app.put(
      '/companies/:companyId/members/:userId',
      {
        config,
        schema: { tags, params: memberParams, body: grantSchema, response: { 200: memberSchema } },
      },
      (request) =>
        grant(
          db,
          requireMembership(request).companyId,
          { id: request.params.userId },
          request.body,
        ),
    );

    app.delete(
      '/companies/:companyId/members/:userId',
      { config, schema: { tags, params: memberParams } },
      async (request, reply) => {
        await revoke(db, requireMembership(request).companyId, request.params.userId);
        return reply.status(204).send();
      },
    );
  };
}
