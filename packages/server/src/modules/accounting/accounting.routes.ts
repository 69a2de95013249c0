import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { findUserById } from '../admin/user.store';
import { listAccounts } from './account.store';
import { addFiscalYear, fiscalYears, lockPeriod } from './period.service';
import { trialBalance, trialBalanceCsv } from './report.service';
import { isoDateSchema, newVoucherSchema, voucherSchema } from './voucher.schemas';
import { getVoucher, postVoucher, voucherJournal } from './voucher.service';

const read = { access: { module: 'accounting', level: 'read' } } as const;
const write = { access: { module: 'accounting', level: 'write' } } as const;
const reports = { access: { module: 'reports', level: 'read' } } as const;

const accountSchema = z.object({
  number: z.string(),
  nameNb: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  vatCode: z.string().nullable(),
  groupingCategory: z.string(),
  groupingCode: z.string(),
  subledger: z.enum(['customer', 'supplier']).nullable(),
  blocked: z.boolean(),
});

const fiscalYearSchema = z.object({
  year: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  periods: z.array(
    z.object({
      period: z.number(),
      startDate: z.string(),
      endDate: z.string(),
      locked: z.boolean(),
    }),
  ),
});

const rangeQuery = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  format: z.enum(['json', 'csv']).optional(),
});

export function accountingRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounting'];
    const base = '/companies/:companyId';

    app.get(
      `${base}/accounts`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(accountSchema) }) },
        },
      },
      async (request) => {
        const rows = await listAccounts(db, requireMembership(request).companyId);
        const items = rows.map((a) => ({
          number: a.number,
          nameNb: a.name_nb,
          nameEn: a.name_en,
          kind: a.kind,
          vatCode: a.vat_code,
          groupingCategory: a.grouping_category,
          groupingCode: a.grouping_code,
          subledger: a.subledger as 'customer' | 'supplier' | null,
          blocked: a.blocked === 1,
        }));
        return { items };
      },
    );

    app.get(
      `${base}/fiscal-years`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(fiscalYearSchema) }) },
        },
      },
      async (request) => ({ items: await fiscalYears(db, requireMembership(request).companyId) }),
    );

    app.post(
      `${base}/fiscal-years`,
      {
        config: { access: 'administrator' },
        schema: {
          tags,
          params: companyParams,
          body: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const company = await getCompany(db, companyId);
        await addFiscalYear(db, companyId, request.body.year, company.fiscalYearStartMonth);
        return reply.status(201).send(await fiscalYears(db, companyId));
      },
    );

    app.put(
      `${base}/fiscal-years/:year/periods/:period/lock`,
      {
        config: { access: 'administrator' },
        schema: {
          tags,
          params: companyParams.extend({
            year: z.coerce.number().int(),
            period: z.coerce.number().int().min(0).max(12),
          }),
          body: z.strictObject({ locked: z.boolean() }),
        },
      },
      async (request, reply) => {
        const { year, period } = request.params;
        await lockPeriod(
          db,
          requireMembership(request).companyId,
          year,
          period,
          request.body.locked,
        );
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/vouchers`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newVoucherSchema,
          response: { 201: voucherSchema },
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const ctx = { companyId, userId: requireSession(request).user_id };
        return reply.status(201).send(await postVoucher(db, ctx, request.body));
      },
    );

    app.get(
      `${base}/vouchers`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            from: isoDateSchema,
            to: isoDateSchema,
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ items: z.array(voucherSchema) }) },
        },
      },
      async (request) => ({
        items: await voucherJournal(db, requireMembership(request).companyId, request.query),
      }),
    );

    app.get(
      `${base}/vouchers/:voucherId`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams.extend({ voucherId: z.coerce.number().int() }),
          response: { 200: voucherSchema },
        },
      },
      (request) => getVoucher(db, requireMembership(request).companyId, request.params.voucherId),
    );

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
