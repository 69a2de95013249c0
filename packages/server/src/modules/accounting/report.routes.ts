import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { findUserById } from '../admin/user.store';
import { trialBalance, trialBalanceCsv } from './report.service';
import { isoDateSchema } from './voucher.schemas';

const reports = { access: { module: 'reports', level: 'read' } } as const;

const rangeQuery = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  format: z.enum(['json', 'csv']).optional(),
});

export function reportRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['reports'];
    const base = '/companies/:companyId';

    app.get(
      `${base}/reports/trial-balance`,
      { config: reports, schema: { tags, params: companyParams, querystring: rangeQuery } },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const company = await getCompany(db, companyId);
        const user = await findUserById(db, requireSession(request).user_id);
        const language = user?.language === 'en' ? 'en' : 'nb';
        const rows = await trialBalance(db, companyId, {
          ...request.query,
          startMonth: company.fiscalYearStartMonth,
          language,
        });
        if (request.query.format === 'csv') {
          return reply.type('text/csv; charset=utf-8').send(trialBalanceCsv(rows));
        }
        return { items: rows };
      },
    );
  };
}
