import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyParams } from '../admin/company.routes';
import { naeringTable } from './export/naering-table';
import { naeringsspesifikasjon } from './naering.service';
import { answer, formatSchema, scopeOf } from './report.routes';

const amount = z.number();
const responseSchema = z.object({
  year: z.number(),
  from: z.string(),
  to: z.string(),
  lines: z.array(
    z.object({
      category: z.string(),
      code: z.string(),
      name: z.string(),
      amount,
      accounts: z.array(z.object({ account: z.string(), name: z.string(), amount })),
    }),
  ),
  invalid: z.array(
    z.object({
      account: z.string(),
      name: z.string(),
      category: z.string(),
      code: z.string(),
      amount,
    }),
  ),
});

export function naeringRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/companies/:companyId/reports/naeringsspesifikasjon',
      {
        config: { access: { module: 'reports', level: 'read' } },
        schema: {
          tags: ['reports'],
          params: companyParams,
          querystring: z.strictObject({
            year: z.coerce.number().int().min(2000).max(2100),
            format: formatSchema,
          }),
          response: { 200: responseSchema },
        },
      },
      async (request, reply) => {
        const { year, format } = request.query;
        const scope = await scopeOf(db, request, {});
        const spec = await naeringsspesifikasjon(db, scope.companyId, { ...scope, year });
        return answer(reply, format, spec, () => naeringTable(spec, scope.context));
      },
    );
  };
}
