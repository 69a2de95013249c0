import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { budgets, saveBudget } from './budget.service';
import { oreSchema } from './voucher.schemas';

const read = { access: { module: 'accounting', level: 'read' } } as const;
const write = { access: { module: 'accounting', level: 'write' } } as const;

const budgetLineSchema = z.object({
  account: z.string(),
  departmentId: z.number(),
  projectId: z.number(),
  periods: z.array(z.number()),
});

/** 0 or no value: the budget is not for one department or project. */
const dimensionId = z.number().int().min(0).optional();

const budgetInputSchema = z.strictObject({
  fiscalYear: z.number().int(),
  account: z.string().regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.'),
  departmentId: dimensionId,
  projectId: dimensionId,
  periods: z.array(oreSchema).length(12, 'A budget has one amount for each of the 12 periods.'),
});

export function budgetRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounting'];
    const base = '/companies/:companyId/budgets';

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({ fiscalYear: z.coerce.number().int() }),
          response: { 200: z.object({ items: z.array(budgetLineSchema) }) },
        },
      },
      async (request) => {
        const { companyId } = requireMembership(request);
        return { items: await budgets(db, companyId, request.query.fiscalYear) };
      },
    );

    app.put(
      base,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: budgetInputSchema,
          response: { 200: budgetLineSchema },
        },
      },
      (request) => saveBudget(db, requireMembership(request).companyId, request.body),
    );
  };
}
