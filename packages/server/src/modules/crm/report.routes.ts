import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { renderTable } from '../accounting/export/render';
import type { TableContext } from '../accounting/export/report-tables';
import type { Table } from '../accounting/export/table';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { findUserById } from '../admin/user.store';
import { crmRead } from './lead.routes';
import { leadFunnel, opportunityFunnel, salesForecast } from './report.service';
import { forecastTable, funnelTable } from './report.tables';

const rangeQuery = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    format: z.enum(['json', 'csv', 'xlsx', 'pdf']).optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'The start date must not be after the end date.',
    path: ['from'],
  });

const funnelQuery = z
  .strictObject({
    kind: z.enum(['leads', 'opportunities']),
    from: isoDateSchema,
    to: isoDateSchema,
    format: z.enum(['json', 'csv', 'xlsx', 'pdf']).optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'The start date must not be after the end date.',
    path: ['from'],
  });

const funnelSchema = z.object({
  kind: z.enum(['leads', 'opportunities']),
  from: z.string(),
  to: z.string(),
  reached: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })),
  steps: z.array(
    z.object({
      fromId: z.number(),
      fromName: z.string(),
      toId: z.number(),
      toName: z.string(),
      entered: z.number(),
      converted: z.number(),
      rate: z.number().nullable(),
      averageDays: z.number().nullable(),
    }),
  ),
  lost: z.number().nullable(),
});

const monthSchema = z.object({
  month: z.string(),
  count: z.number(),
  amount: z.number(),
  weighted: z.number(),
});
const forecastSchema = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(monthSchema),
  total: monthSchema,
});

async function context(db: Kysely<Database>, request: FastifyRequest): Promise<TableContext> {
  const { companyId } = requireMembership(request);
  const [company, user] = await Promise.all([
    getCompany(db, companyId),
    findUserById(db, requireSession(request).user_id),
  ]);
  return {
    language: user?.language === 'en' ? 'en' : 'nb',
    company: company.name,
    producedAt: new Date(),
  };
}

/** JSON, or the report as a file in the same formats as the ledger's reports. */
async function answer<T>(
  reply: FastifyReply,
  format: string | undefined,
  json: T,
  table: () => Promise<Table>,
) {
  if (format === undefined || format === 'json') return json;
  const file = await renderTable(format as 'csv' | 'xlsx' | 'pdf', await table());
  return reply
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .type(file.contentType)
    .send(file.body);
}

export function crmReportRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['crm'];
    const base = '/companies/:companyId/crm/reports';

    app.get(
      `${base}/funnel`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'Conversion and mean time between neighbouring lead statuses or sales stages',
          params: companyParams,
          querystring: funnelQuery,
          response: { 200: funnelSchema },
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const { kind, from, to, format } = request.query;
        const make = kind === 'leads' ? leadFunnel : opportunityFunnel;
        const report = await make(db, companyId, { from, to });
        return answer(reply, format, report, async () =>
          funnelTable(report, await context(db, request)),
        );
      },
    );

    app.get(
      `${base}/forecast`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'Open opportunities by expected close month, amount and amount × probability',
          params: companyParams,
          querystring: rangeQuery,
          response: { 200: forecastSchema },
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const { from, to, format } = request.query;
        const forecast = await salesForecast(db, companyId, { from, to });
        return answer(reply, format, forecast, async () =>
          forecastTable(forecast, await context(db, request)),
        );
      },
    );
  };
}
