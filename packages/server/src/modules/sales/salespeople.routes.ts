import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { type Rendered, renderTable } from '../accounting/export/render';
import {
  type ColumnDef,
  columns,
  frame,
  pick,
  type TableContext,
} from '../accounting/export/report-tables';
import type { Table } from '../accounting/export/table';
import { companyParams } from '../admin/company.routes';
import { getCompany } from '../admin/company.service';
import { listMembers } from '../admin/member.store';
import { findUserById } from '../admin/user.store';
import {
  budgetInputSchema,
  budgetSchema,
  changeSalesperson,
  createSalesperson,
  deleteSalesperson,
  getBudget,
  getSalesperson,
  listSalespeople,
  newSalespersonSchema,
  type SalesVsBudget,
  salespersonQuerySchema,
  salespersonSchema,
  salesVsBudget,
  salesVsBudgetQuerySchema,
  salesVsBudgetSchema,
  saveBudget,
  yearSchema,
} from './salespeople.service';

const read = { access: { module: 'sales', level: 'read' } } as const;
const settingsWrite = { access: { module: 'settings', level: 'write' } } as const;

const salespersonParams = companyParams.extend({
  salespersonId: z.coerce.number().int().positive(),
});
const budgetParams = salespersonParams.extend({ year: yearSchema });

const companyOf = (request: FastifyRequest) => requireMembership(request).companyId;

const REPORT_COLUMNS: readonly ColumnDef[] = [
  ['code', 'Selger', 'Salesperson'],
  ['name', 'Navn', 'Name'],
  ['month', 'Måned', 'Month'],
  ['actual', 'Salg', 'Sales', 'amount'],
  ['budget', 'Budsjett', 'Budget', 'amount'],
  ['difference', 'Avvik', 'Difference', 'amount'],
  ['percent', '% av budsjett', '% of budget'],
];

/** The report as one line per salesperson and month, with each salesperson's year in bold. */
export function salesVsBudgetTable(report: SalesVsBudget, ctx: TableContext): Table {
  const none = pick(ctx, 'Uten selger', 'No salesperson');
  const percent = (p: number | null) => (p === null ? null : p.toFixed(1));
  const title = pick(ctx, 'Salg mot budsjett', 'Sales against budget');
  const stem = `${pick(ctx, 'salg-mot-budsjett', 'sales-vs-budget')}-${report.year}`;
  return {
    ...frame(ctx, title, stem, `${pick(ctx, 'År', 'Year')} ${report.year}`),
    columns: columns(REPORT_COLUMNS, ctx.language),
    rows: report.salespeople.flatMap((line) => {
      const who = { code: line.code || none, name: line.name };
      return [
        ...line.months.map((m) => ({
          cells: {
            ...who,
            month: `${report.year}-${String(m.month).padStart(2, '0')}`,
            actual: m.actual,
            budget: m.budget,
            difference: m.difference,
            percent: percent(m.percent),
          },
        })),
        {
          emphasis: true,
          cells: {
            ...who,
            month: String(report.year),
            actual: line.total.actual,
            budget: line.total.budget,
            difference: line.total.difference,
            percent: percent(line.total.percent),
          },
        },
      ];
    }),
    totals: {
      code: pick(ctx, 'Sum', 'Total'),
      month: String(report.year),
      actual: report.total.actual,
      budget: report.total.budget,
      difference: report.total.difference,
      percent: percent(report.total.percent),
    },
  };
}

async function tableContext(db: Kysely<Database>, request: FastifyRequest): Promise<TableContext> {
  const [company, user] = await Promise.all([
    getCompany(db, companyOf(request)),
    findUserById(db, requireSession(request).user_id),
  ]);
  return {
    language: user?.language === 'en' ? 'en' : 'nb',
    company: company.name,
    producedAt: new Date(),
  };
}

/** A report file to download instead of the JSON answer. */
function sendFile(reply: FastifyReply, file: Rendered) {
  return reply
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .type(file.contentType)
    .send(file.body);
}

/** Salespeople, their monthly budgets and the sales-against-budget report. */
export function salespeopleRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['sales'];
    const base = '/companies/:companyId/salespeople';

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: salespersonQuerySchema,
          response: { 200: z.object({ items: z.array(salespersonSchema) }) },
        },
      },
      async (request) => ({
        items: await listSalespeople(db, companyOf(request), request.query),
      }),
    );
    app.get(
      `${base}/users`,
      {
        config: settingsWrite,
        schema: {
          tags,
          summary: 'The company users a salesperson can be linked to',
          params: companyParams,
          response: {
            200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }),
          },
        },
      },
      async (request) => ({
        items: (await listMembers(db, companyOf(request))).map((m) => ({
          id: m.user_id,
          name: m.name,
        })),
      }),
    );
    app.get(
      `${base}/:salespersonId`,
      {
        config: read,
        schema: { tags, params: salespersonParams, response: { 200: salespersonSchema } },
      },
      (request) => getSalesperson(db, companyOf(request), request.params.salespersonId),
    );
    app.post(
      base,
      {
        config: settingsWrite,
        schema: {
          tags,
          params: companyParams,
          body: newSalespersonSchema,
          response: { 201: salespersonSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSalesperson(db, companyOf(request), request.body)),
    );
    app.put(
      `${base}/:salespersonId`,
      {
        config: settingsWrite,
        schema: {
          tags,
          params: salespersonParams,
          body: newSalespersonSchema,
          response: { 200: salespersonSchema },
        },
      },
      (request) =>
        changeSalesperson(db, companyOf(request), request.params.salespersonId, request.body),
    );
    app.delete(
      `${base}/:salespersonId`,
      { config: settingsWrite, schema: { tags, params: salespersonParams } },
      async (request, reply) => {
        await deleteSalesperson(db, companyOf(request), request.params.salespersonId);
        return reply.status(204).send();
      },
    );
    app.get(
      `${base}/:salespersonId/budgets/:year`,
      {
        config: read,
        schema: { tags, params: budgetParams, response: { 200: budgetSchema } },
      },
      (request) =>
        getBudget(db, companyOf(request), request.params.salespersonId, request.params.year),
    );
    app.put(
      `${base}/:salespersonId/budgets/:year`,
      {
        config: settingsWrite,
        schema: {
          tags,
          params: budgetParams,
          body: budgetInputSchema,
          response: { 200: budgetSchema },
        },
      },
      (request) =>
        saveBudget(
          db,
          companyOf(request),
          request.params.salespersonId,
          request.params.year,
          request.body,
        ),
    );
    app.get(
      '/companies/:companyId/sales-vs-budget',
      {
        config: read,
        schema: {
          tags,
          summary: 'Net sales in NOK per salesperson and month against their budgets',
          params: companyParams,
          querystring: salesVsBudgetQuerySchema,
          response: { 200: salesVsBudgetSchema },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await salesVsBudget(db, companyOf(request), query);
        if (format === undefined || format === 'json') return report;
        const file = await renderTable(
          format,
          salesVsBudgetTable(report, await tableContext(db, request)),
        );
        return sendFile(reply, file);
      },
    );
  };
}
