import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import { findUserById } from '../admin/user.store';
import { exportSaft, prepareSaftExport } from './saft.service';

const saftQuery = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, {
    message: 'The start date must not be after the end date.',
    path: ['from'],
  });

export function saftRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/companies/:companyId/saft',
      {
        config: { access: { module: 'reports', level: 'read' } },
        schema: {
          tags: ['reports'],
          summary: 'SAF-T Financial 1.30 file for a date range',
          params: companyParams,
          querystring: saftQuery,
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const user = await findUserById(db, requireSession(request).user_id);
        const { from, to } = request.query;
        // Checked before the first byte, so a refusal is still an ordinary problem response.
        const { createdAt, fileName } = await prepareSaftExport(db, companyId, { from, to });
        const body = new PassThrough();
        const options = { from, to, createdAt, userName: user?.name ?? 'Nordbok' };
        exportSaft(db, companyId, options, body).then(
          () => body.end(),
          (error: unknown) => {
            request.log.error({ err: error }, 'SAF-T export failed');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
        return reply
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .type('application/xml; charset=utf-8')
          .send(body);
      },
    );
  };
}
