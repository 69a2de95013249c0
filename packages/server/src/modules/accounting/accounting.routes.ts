import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { accountChangesSchema, accountSchema, newAccountSchema } from './account.schemas';
import { accounts, addAccount, changeAccount, deleteAccount } from './account.service';
import { addFiscalYear, fiscalYears, lockPeriod } from './period.service';
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
  };
}
