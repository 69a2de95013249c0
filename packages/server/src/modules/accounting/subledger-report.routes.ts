import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyParams } from '../admin/company.routes';
import { agedOpenItemsTable, partyLedgerTable } from './export/subledger-tables';
import { answer, formatSchema, scopeOf } from './report.routes';
import { agedOpenItems, partyLedgers } from './subledger-report.service';
import { isoDateSchema } from './voucher.schemas';

const reports = { access: { module: 'reports', level: 'read' } } as const;
const kind = z.enum(['customer', 'supplier']);

const agedSchema = z.object({
  partyId: z.number(),
  name: z.string(),
  number: z.number().nullable(),
  notDue: z.number(),
  days0to30: z.number(),
  days31to60: z.number(),
  days61to90: z.number(),
  over90: z.number(),
  total: z.number(),
});

/** Customer and supplier ledgers, balance lists and aged open items. */
export function subledgerReportRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['reports'];
    const base = '/companies/:companyId/reports';

    app.get(
      `${base}/subledger`,
      {
        config: reports,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            kind,
            from: isoDateSchema,
            to: isoDateSchema,
            partyId: z.coerce.number().int().positive().optional(),
            format: formatSchema,
          }),
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const scope = await scopeOf(db, request, {});
        const parties = await partyLedgers(db, scope.companyId, query);
        const table = () => partyLedgerTable(parties, query.kind, scope.context, query);
        return answer(reply, format, { parties }, table);
      },
    );

    app.get(
      `${base}/aged-open-items`,
      {
        config: reports,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({ kind, at: isoDateSchema, format: formatSchema }),
          response: {
            200: z.object({
              items: z.array(agedSchema),
              total: agedSchema.omit({ partyId: true, name: true, number: true }),
            }),
          },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const scope = await scopeOf(db, request, {});
        const items = await agedOpenItems(db, scope.companyId, query);
        const sum = (
          key: 'notDue' | 'days0to30' | 'days31to60' | 'days61to90' | 'over90' | 'total',
        ) => items.reduce((s, i) => s + i[key], 0);
        const total = {
          notDue: sum('notDue'),
          days0to30: sum('days0to30'),
          days31to60: sum('days31to60'),
          days61to90: sum('days61to90'),
          over90: sum('over90'),
          total: sum('total'),
        };
        const table = () => agedOpenItemsTable(items, query.kind, scope.context, query.at);
        return answer(reply, format, { items, total }, table);
      },
    );
  };
}
