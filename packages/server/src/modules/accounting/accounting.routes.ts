import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { findUserById } from '../admin/user.store';
import { accountChangesSchema, accountSchema, newAccountSchema } from './account.schemas';
import { accounts, addAccount, changeAccount, deleteAccount } from './account.service';
import { addFiscalYear, fiscalYears, lockPeriod } from './period.service';
import { trialBalance, trialBalanceCsv } from './report.service';
import { isoDateSchema, newVoucherSchema, voucherSchema } from './voucher.schemas';
import {
  correctVoucher,
  deleteVoucher,
  getVoucher,
  postVoucher,
  voucherJournal,
} from './voucher.service';

const read = { access: { module: 'accounting', level: 'read' } } as const;
const write = { access: { module: 'accounting', level: 'write' } } as const;
const reports = { access: { module: 'reports', level: 'read' } } as const;

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
      async (request) => ({ items: await accounts(db, requireMembership(request).companyId) }),
    );

    const accountParams = companyParams.extend({ number: z.string().regex(/^\d{4,6}$/) });
    const chart = { access: { module: 'accounting', level: 'write' } } as const;

    app.post(
      `${base}/accounts`,
      {
        config: chart,
        schema: {
          tags,
          params: companyParams,
          body: newAccountSchema,
          response: { 201: accountSchema },
        },
      },
      async (request, reply) => {
        const account = await addAccount(db, requireMembership(request).companyId, request.body);
        return reply.status(201).send(account);
      },
    );

    app.patch(
      `${base}/accounts/:number`,
      {
        config: chart,
        schema: {
          tags,
          params: accountParams,
          body: accountChangesSchema,
          response: { 200: accountSchema },
        },
      },
      (request) =>
        changeAccount(
          db,
          requireMembership(request).companyId,
          request.params.number,
          request.body,
        ),
    );

    app.delete(
      `${base}/accounts/:number`,
      { config: chart, schema: { tags, params: accountParams } },
      async (request, reply) => {
        await deleteAccount(db, requireMembership(request).companyId, request.params.number);
        return reply.status(204).send();
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

    const voucherParams = companyParams.extend({ voucherId: z.coerce.number().int() });

    app.put(
      `${base}/vouchers/:voucherId`,
      {
        config: write,
        schema: {
          tags,
          params: voucherParams,
          body: newVoucherSchema,
          response: { 200: voucherSchema },
        },
      },
      (request) => {
        const ctx = {
          companyId: requireMembership(request).companyId,
          userId: requireSession(request).user_id,
        };
        return correctVoucher(db, ctx, request.params.voucherId, request.body);
      },
    );

    app.delete(
      `${base}/vouchers/:voucherId`,
      { config: write, schema: { tags, params: voucherParams, response: { 200: voucherSchema } } },
      (request) => {
        const ctx = {
          companyId: requireMembership(request).companyId,
          userId: requireSession(request).user_id,
        };
        return deleteVoucher(db, ctx, request.params.voucherId);
      },
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
