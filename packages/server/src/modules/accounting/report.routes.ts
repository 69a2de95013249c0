import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { findUserById } from '../admin/user.store';
import { renderTable } from './export/render';
import {
  balanceSheetTable,
  generalLedgerTable,
  incomeStatementTable,
  type TableContext,
  trialBalanceTable,
  vatSpecificationTable,
  voucherJournalTable,
} from './export/report-tables';
import type { Table } from './export/table';
import { voucherJournalReport } from './journal-report.service';
import { generalLedger, trialBalance } from './report.service';
import { dimensionFilter, type Language } from './report-common';
import { balanceSheet, incomeStatement } from './statement.service';
import { vatSpecification } from './vat-report.service';
import { isoDateSchema } from './voucher.schemas';

const reports = { access: { module: 'reports', level: 'read' } } as const;

export const formatSchema = z.enum(['json', 'csv', 'xlsx', 'pdf']).optional();
type Format = z.infer<typeof formatSchema>;

const scopeShape = {
  departmentId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  format: formatSchema,
};
const rangeShape = { from: isoDateSchema, to: isoDateSchema, ...scopeShape };
const inOrder = (q: { from: string; to: string }) => q.from <= q.to;
const inOrderError = { message: 'The start date must not be after the end date.', path: ['from'] };

const rangeQuery = z.strictObject(rangeShape).refine(inOrder, inOrderError);
const ledgerQuery = z
  .strictObject({
    ...rangeShape,
    account: z
      .string()
      .regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.')
      .optional(),
  })
  .refine(inOrder, inOrderError);
const atQuery = z.strictObject({ at: isoDateSchema, ...scopeShape });

const amount = z.number().int();
const trialBalanceRow = z.object({
  account: z.string(),
  name: z.string(),
  opening: amount,
  debit: amount,
  credit: amount,
  closing: amount,
});
const trialBalanceSchema = z.object({ items: z.array(trialBalanceRow) });

const generalLedgerSchema = z.object({
  accounts: z.array(
    trialBalanceRow.extend({
      postings: z.array(
        z.object({
          postingId: z.number(),
          voucherId: z.number(),
          series: z.string(),
          number: z.number(),
          date: z.string(),
          description: z.string(),
          vatCode: z.string().nullable(),
          amount,
          balance: amount,
          departmentId: z.number().nullable(),
          projectId: z.number().nullable(),
        }),
      ),
    }),
  ),
});

const named = { key: z.string(), nameNb: z.string(), nameEn: z.string() };
const incomeStatementSchema = z.object({
  sections: z.array(
    z.object({
      ...named,
      lines: z.array(
        z.object({
          account: z.string(),
          name: z.string(),
          amount,
          lastYear: amount,
          budget: amount,
        }),
      ),
      total: amount,
      lastYearTotal: amount,
      budgetTotal: amount,
    }),
  ),
  subtotals: z.array(
    z.object({ ...named, after: z.string(), amount, lastYear: amount, budget: amount }),
  ),
  result: amount,
  lastYearResult: amount,
  budgetResult: amount,
});

const balanceSheetSchema = z.object({
  at: z.string(),
  lastYearAt: z.string(),
  sections: z.array(
    z.object({
      ...named,
      lines: z.array(
        z.object({ account: z.string().nullable(), name: z.string(), amount, lastYear: amount }),
      ),
      total: amount,
      lastYearTotal: amount,
    }),
  ),
  totalAssets: amount,
  lastYearTotalAssets: amount,
  totalEquityAndLiabilities: amount,
  lastYearTotalEquityAndLiabilities: amount,
});

const vatSpecificationSchema = z.object({
  items: z.array(
    z.object({
      vatCode: z.string(),
      nameNb: z.string(),
      nameEn: z.string(),
      direction: z.enum(['output', 'input', 'reverse', 'none']),
      basis: amount,
      outputVat: amount,
      inputVat: amount,
      vat: amount,
    }),
  ),
  totalVat: amount,
});

const voucherJournalSchema = z.object({
  vouchers: z.array(
    z.object({
      id: z.number(),
      series: z.string(),
      number: z.number(),
      date: z.string(),
      description: z.string(),
      status: z.enum(['posted', 'deleted']),
      postings: z.array(
        z.object({
          postingId: z.number(),
          lineNo: z.number(),
          account: z.string(),
          accountName: z.string(),
          amount,
          vatCode: z.string().nullable(),
          vatKind: z.string().nullable(),
          description: z.string(),
          departmentId: z.number().nullable(),
          projectId: z.number().nullable(),
        }),
      ),
    }),
  ),
});

interface ScopeQuery {
  departmentId?: number | undefined;
  projectId?: number | undefined;
}

/** Who asks and about what: the company, the user's language and the dimension filter. */
export async function scopeOf(db: Kysely<Database>, request: FastifyRequest, query: ScopeQuery) {
  const { companyId } = requireMembership(request);
  const [company, user, filter] = await Promise.all([
    getCompany(db, companyId),
    findUserById(db, requireSession(request).user_id),
    dimensionFilter(db, companyId, query),
  ]);
  const language: Language = user?.language === 'en' ? 'en' : 'nb';
  const context: TableContext = { language, company: company.name, producedAt: new Date(), filter };
  return { companyId, startMonth: company.fiscalYearStartMonth, language, filter, context };
}

/** JSON as it is, or the report written as a file to download. */
export async function answer<T>(reply: FastifyReply, format: Format, json: T, table: () => Table) {
  if (format === undefined || format === 'json') return json;
  const file = await renderTable(format, table());
  return reply
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .type(file.contentType)
    .send(file.body);
}

export function reportRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['reports'];
    const base = '/companies/:companyId/reports';
    const schema = <Q, R>(querystring: Q, response: R) => ({
      config: reports,
      schema: { tags, params: companyParams, querystring, response: { 200: response } },
    });

    app.get(
      `${base}/trial-balance`,
      schema(rangeQuery, trialBalanceSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const items = await trialBalance(db, scope.companyId, { ...scope, ...query });
        const table = () => trialBalanceTable(items, scope.context, query);
        return answer(reply, query.format, { items }, table);
      },
    );

    app.get(
      `${base}/general-ledger`,
      schema(ledgerQuery, generalLedgerSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const accounts = await generalLedger(db, scope.companyId, { ...scope, ...query });
        const table = () => generalLedgerTable(accounts, scope.context, query);
        return answer(reply, query.format, { accounts }, table);
      },
    );

    app.get(
      `${base}/income-statement`,
      schema(rangeQuery, incomeStatementSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const statement = await incomeStatement(db, scope.companyId, { ...scope, ...query });
        const table = () => incomeStatementTable(statement, scope.context, query);
        return answer(reply, query.format, statement, table);
      },
    );

    app.get(
      `${base}/balance-sheet`,
      schema(atQuery, balanceSheetSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const sheet = await balanceSheet(db, scope.companyId, { ...scope, ...query });
        return answer(reply, query.format, sheet, () => balanceSheetTable(sheet, scope.context));
      },
    );

    app.get(
      `${base}/vat-specification`,
      schema(rangeQuery, vatSpecificationSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const spec = await vatSpecification(db, scope.companyId, { ...scope, ...query });
        const table = () => vatSpecificationTable(spec, scope.context, query);
        return answer(reply, query.format, spec, table);
      },
    );

    app.get(
      `${base}/voucher-journal`,
      schema(rangeQuery, voucherJournalSchema),
      async (request, reply) => {
        const { query } = request;
        const scope = await scopeOf(db, request, query);
        const vouchers = await voucherJournalReport(db, scope.companyId, { ...scope, ...query });
        const table = () => voucherJournalTable(vouchers, scope.context, query);
        return answer(reply, query.format, { vouchers }, table);
      },
    );
  };
}
