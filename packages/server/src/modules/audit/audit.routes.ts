import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { listAudit, verifyAuditChain } from './audit.service';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const checkSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  brokenAt: z.number().optional(),
  reason: z.string().optional(),
});

export function auditRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];
    const config = { access: { module: 'accounting', level: 'read' } } as const;

    app.get(
      '/companies/:companyId/audit-log',
      {
        config,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            entity: z.string().max(40).optional(),
            id: z.string().max(40).optional(),
          }),
          response: { 200: z.object({ items: z.array(entrySchema) }) },
        },
      },
      async (request) => {
        const { entity, id } = request.query;
        const filter = entity && id ? { entity, id } : undefined;
        const rows = await listAudit(db, requireMembership(request).companyId, filter);
        const items = rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          userId: r.user_id,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
          hash: r.hash,
        }));
        return { items };
      },
    );

    app.get(
      '/companies/:companyId/audit-log/verify',
      { config, schema: { tags, params: companyParams, response: { 200: checkSchema } } },
      (request) => verifyAuditChain(db, requireMembership(request).companyId),
    );
  };
}
