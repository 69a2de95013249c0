import { toNok } from '@nordbok/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { findMembership } from '../admin/member.store';

/**
 * Salespeople (selgere) are the people sales documents are credited to; each may be a user
 * of the company. A salesperson's budget is a sales target per month in NOK øre, net of VAT,
 * and the sales-versus-budget report sets it against invoiced sales less credit notes.
 */

const id = z.number().int().positive();

export const newSalespersonSchema = z.strictObject({
  code: z.string().trim().min(1, 'A salesperson needs a code.').max(20),
  name: z.string().trim().min(1, 'A salesperson needs a name.').max(100),
  /** The company user who is this salesperson, if any. */
  userId: id.nullable().optional(),
  active: z.boolean().optional(),
});
export type NewSalesperson = z.infer<typeof newSalespersonSchema>;

export const salespersonSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  active: z.boolean(),
});
export type Salesperson = z.infer<typeof salespersonSchema>;

export const salespersonQuerySchema = z.strictObject({
  /** `true` lists only active salespeople (the pickers), `false` only inactive ones. */
  active: z.enum(['true', 'false']).optional(),
});

function salespeopleQuery(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('salespeople as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.code', 's.name', 's.user_id', 's.active', 'u.name as user_name'])
    .where('s.company_id', '=', companyId);
}

function toSalesperson(r: {
  id: number;
  code: string;
  name: string;
  user_id: number | null;
  active: number;
  user_name: string | null;
}): Salesperson {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    userId: r.user_id,
    userName: r.user_name,
    active: r.active === 1,
  };
}

export async function listSalespeople(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof salespersonQuerySchema> = {},
): Promise<Salesperson[]> {
  let q = salespeopleQuery(db, companyId);
  if (query.active) q = q.where('s.active', '=', query.active === 'true' ? 1 : 0);
  return (await q.orderBy('s.code').execute()).map(toSalesperson);
}

export async function getSalesperson(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number,
): Promise<Salesperson> {
  const row = await salespeopleQuery(db, companyId)
    .where('s.id', '=', salespersonId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Salesperson ${salespersonId} does not exist.`);
  return toSalesperson(row);
}

async function checkInput(
  db: Kysely<Database>,
  companyId: number,
  input: NewSalesperson,
  salespersonId: number | null,
) {
  const taken = await db
    .selectFrom('salespeople')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken && taken.id !== salespersonId) {
    throw AppError.field(
      'code',
      `Salesperson code ${input.code} is taken; choose another code.`,
      'taken',
    );
  }
  if (input.userId && !(await findMembership(db, companyId, input.userId))) {
    throw AppError.field(
      'userId',
      'That user is not a member of this company; add them to the company first or leave the user out.',
    );
  }
}

export async function createSalesperson(
  db: Kysely<Database>,
  companyId: number,
  input: NewSalesperson,
): Promise<Salesperson> {
  return inTransaction(db, async (trx) => {
    await checkInput(trx, companyId, input, null);
    const { id: newId } = await trx
      .insertInto('salespeople')
      .values({
        company_id: companyId,
        code: input.code,
        name: input.name,
        user_id: input.userId ?? null,
        active: input.active === false ? 0 : 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getSalesperson(trx, companyId, newId);
  });
}

export async function changeSalesperson(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number,
  input: NewSalesperson,
): Promise<Salesperson> {
  return inTransaction(db, async (trx) => {
    await getSalesperson(trx, companyId, salespersonId);
    await checkInput(trx, companyId, input, salespersonId);
    await trx
      .updateTable('salespeople')
      .set({
        code: input.code,
        name: input.name,
        user_id: input.userId ?? null,
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
      })
      .where('company_id', '=', companyId)
      .where('id', '=', salespersonId)
      .execute();
    return getSalesperson(trx, companyId, salespersonId);
  });
}

/** Deletes a salesperson no document names, with their budgets; others can only be deactivated. */
export async function deleteSalesperson(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const person = await getSalesperson(trx, companyId, salespersonId);
    const used = await trx
      .selectFrom('documents')
      .select('id')
      .where('company_id', '=', companyId)
      .where('salesperson_id', '=', salespersonId)
      .limit(1)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        `${person.name} is the salesperson on documents and cannot be deleted; mark them inactive instead.`,
      );
    }
    await trx
      .deleteFrom('sales_budgets')
      .where('company_id', '=', companyId)
      .where('salesperson_id', '=', salespersonId)
      .execute();
    await trx
      .deleteFrom('salespeople')
      .where('company_id', '=', companyId)
      .where('id', '=', salespersonId)
      .execute();
  });
}

// ---------------------------------------------------------------------------------------
// Budgets

const budgetAmount = z
  .number()
  .int('Budget amounts are whole øre.')
  .refine(Number.isSafeInteger, 'The amount is too large.');

export const budgetInputSchema = z.strictObject({
  /** January to December, NOK øre net of VAT. */
  months: z.array(budgetAmount).length(12, 'A budget has one amount for each of the 12 months.'),
});

export const budgetSchema = z.object({
  salespersonId: z.number(),
  year: z.number(),
  months: z.array(z.number()),
  total: z.number(),
});
export type Budget = z.infer<typeof budgetSchema>;

export const yearSchema = z.coerce
  .number()
  .int()
  .min(1900, 'Give a year from 1900 to 2999.')
  .max(2999, 'Give a year from 1900 to 2999.');

export async function getBudget(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number,
  year: number,
): Promise<Budget> {
  await getSalesperson(db, companyId, salespersonId);
  const rows = await db
    .selectFrom('sales_budgets')
    .select(['month', 'amount'])
    .where('company_id', '=', companyId)
    .where('salesperson_id', '=', salespersonId)
    .where('year', '=', year)
    .execute();
  const months = Array.from({ length: 12 }, () => 0);
  for (const r of rows) months[r.month - 1] = Number(r.amount);
  return { salespersonId, year, months, total: months.reduce((s, m) => s + m, 0) };
}

/** Replaces a salesperson's budget for a year; months of 0 are not stored. */
export async function saveBudget(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number,
  year: number,
  input: z.infer<typeof budgetInputSchema>,
): Promise<Budget> {
  return inTransaction(db, async (trx) => {
    await getSalesperson(trx, companyId, salespersonId);
    await trx
      .deleteFrom('sales_budgets')
      .where('company_id', '=', companyId)
      .where('salesperson_id', '=', salespersonId)
      .where('year', '=', year)
      .execute();
    const values = input.months
      .map((amount, i) => ({
        company_id: companyId,
        salesperson_id: salespersonId,
        year,
        month: i + 1,
        amount,
      }))
      .filter((v) => v.amount !== 0);
    if (values.length > 0) await trx.insertInto('sales_budgets').values(values).execute();
    return getBudget(trx, companyId, salespersonId, year);
  });
}

// ---------------------------------------------------------------------------------------
// Sales against budget

export const salesVsBudgetQuerySchema = z.strictObject({
  year: yearSchema,
  salespersonId: z.coerce.number().int().positive().optional(),
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']).optional(),
});

const comparisonSchema = z.object({
  /** NOK øre net of VAT: invoices less credit notes. */
  actual: z.number(),
  budget: z.number(),
  /** Actual less budget: positive when ahead of the budget. */
  difference: z.number(),
  /** Actual as a percentage of the budget, one decimal; null without a budget. */
  percent: z.number().nullable(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

const monthComparisonSchema = comparisonSchema.extend({ month: z.number() });

const salespersonLineSchema = z.object({
  /** Null on the line of sales documents without a salesperson. */
  salespersonId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  months: z.array(monthComparisonSchema),
  total: comparisonSchema,
});

export const salesVsBudgetSchema = z.object({
  year: z.number(),
  salespeople: z.array(salespersonLineSchema),
  months: z.array(monthComparisonSchema),
  total: comparisonSchema,
});
export type SalesVsBudget = z.infer<typeof salesVsBudgetSchema>;

function compare(actual: number, budget: number): Comparison {
  return {
    actual,
    budget,
    difference: actual - budget,
    percent: budget === 0 ? null : Math.round((actual * 1000) / budget) / 10,
  };
}

/** The kinds that count as sales, with their sign: a credit note takes back what it credits. */
const SALES_SIGN = { invoice: 1, credit_note: -1 } as const;

/**
 * Net sales in NOK per salesperson and month of the document date, beside the budget.
 * Each document's net is converted at its own rate, as its voucher was. Cancelled documents
 * do not count. Without a salesperson filter, sales with no salesperson get a line of their
 * own so the totals agree with the invoicing.
 */
export async function salesVsBudget(
  db: Kysely<Database>,
  companyId: number,
  query: { year: number; salespersonId?: number | undefined },
): Promise<SalesVsBudget> {
  const { year, salespersonId } = query;
  if (salespersonId) await getSalesperson(db, companyId, salespersonId);
  let docs = db
    .selectFrom('documents')
    .select(['kind', 'date', 'net', 'rate', 'salesperson_id'])
    .where('company_id', '=', companyId)
    .where('kind', 'in', Object.keys(SALES_SIGN))
    .where('status', '!=', 9)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`);
  if (salespersonId) docs = docs.where('salesperson_id', '=', salespersonId);
  let budgets = db
    .selectFrom('sales_budgets')
    .select(['salesperson_id', 'month', 'amount'])
    .where('company_id', '=', companyId)
    .where('year', '=', year);
  if (salespersonId) budgets = budgets.where('salesperson_id', '=', salespersonId);
  const [people, documents, budgetRows] = await Promise.all([
    listSalespeople(db, companyId),
    docs.execute(),
    budgets.execute(),
  ]);

  const key = (id: number | null) => (id === null ? 'none' : String(id));
  const actual = new Map<string, number[]>();
  const budget = new Map<string, number[]>();
  const months = (map: Map<string, number[]>, k: string) => {
    let m = map.get(k);
    if (!m) {
      m = Array.from({ length: 12 }, () => 0);
      map.set(k, m);
    }
    return m;
  };
  for (const d of documents) {
    const sign = SALES_SIGN[d.kind as keyof typeof SALES_SIGN];
    const month = Number(d.date.slice(5, 7));
    const m = months(actual, key(d.salesperson_id));
    m[month - 1] = (m[month - 1] ?? 0) + sign * toNok(Number(d.net), d.rate);
  }
  for (const b of budgetRows) {
    const m = months(budget, key(b.salesperson_id));
    m[b.month - 1] = (m[b.month - 1] ?? 0) + Number(b.amount);
  }

  const lines: SalesVsBudget['salespeople'] = [];
  const add = (salespersonId: number | null, code: string, name: string) => {
    const a = months(actual, key(salespersonId));
    const b = months(budget, key(salespersonId));
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    lines.push({
      salespersonId,
      code,
      name,
      months: a.map((value, i) => ({ month: i + 1, ...compare(value, b[i] ?? 0) })),
      total: compare(sum(a), sum(b)),
    });
  };
  for (const p of people) {
    if (salespersonId && p.id !== salespersonId) continue;
    const k = key(p.id);
    // An inactive salesperson appears only for a year they sold in or had a budget for.
    if (!p.active && !salespersonId && !actual.has(k) && !budget.has(k)) continue;
    add(p.id, p.code, p.name);
  }
  if (!salespersonId && actual.has('none')) add(null, '', '');

  const monthTotals = Array.from({ length: 12 }, (_, i) => {
    const a = lines.reduce((s, l) => s + (l.months[i]?.actual ?? 0), 0);
    const b = lines.reduce((s, l) => s + (l.months[i]?.budget ?? 0), 0);
    return { month: i + 1, ...compare(a, b) };
  });
  return {
    year,
    salespeople: lines,
    months: monthTotals,
    total: compare(
      monthTotals.reduce((s, m) => s + m.actual, 0),
      monthTotals.reduce((s, m) => s + m.budget, 0),
    ),
  };
}
