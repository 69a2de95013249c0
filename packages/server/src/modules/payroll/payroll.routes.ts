import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { voucherSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import {
  importPayroll,
  mappingSchema,
  payrollImportSchema,
  previewPayroll,
  rememberedMapping,
} from './payroll.service';

const write = { access: { module: 'accounting', level: 'write' } } as const;

const previewSchema = z.object({
  mapping: mappingSchema,
  rows: z.array(
    z.object({
      line: z.number(),
      date: z.string(),
      account: z.string(),
      department: z.string().nullable(),
      project: z.string().nullable(),
      departmentId: z.number().nullable(),
      projectId: z.number().nullable(),
      amount: z.number(),
      text: z.string(),
      errors: z.array(z.string()),
    }),
  ),
  debit: z.number(),
  credit: z.number(),
  date: z.string().nullable(),
  valid: z.boolean(),
});

/** Payroll voucher import: the remembered mapping, a preview, and posting the file. */
export function payrollRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['payroll'];
    const base = '/companies/:companyId/payroll-imports';

    app.get(
      `${base}/mapping`,
      { config: write, schema: { tags, params: companyParams, response: { 200: mappingSchema } } },
      (request) => rememberedMapping(db, requireMembership(request).companyId),
    );

    app.post(
      `${base}/preview`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: payrollImportSchema,
          response: { 200: previewSchema },
        },
      },
      (request) => previewPayroll(db, requireMembership(request).companyId, request.body),
    );

    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: payrollImportSchema,
          response: { 201: voucherSchema },
        },
      },
      async (request, reply) => {
        const ctx = {
          companyId: requireMembership(request).companyId,
          userId: requireSession(request).user_id,
        };
        return reply.status(201).send(await importPayroll(db, ctx, request.body));
      },
    );
  };
}
