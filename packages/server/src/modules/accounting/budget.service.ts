import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts } from './account.store';
import { listFiscalYears } from './period.store';

/**
 * Budgets per account and period (1–12) of a fiscal year, for the company as a whole or
 * for one department or project (id 0 stands for none).
 *
 * Amounts carry the ledger's sign, debit positive: a sales budget of 100 000,00 kr a month
 * is −10 000 000 øre in each period, just as the sales account's balance would be. The
 * income statement turns budget and actual figures round together.
 */
export interface BudgetLine {
  account: string;
  departmentId: number;
  projectId: number;
  /** Twelve amounts in øre, period 1 first. */
  periods: number[];
}

export interface BudgetInput {
  fiscalYear: number;
  account: string;
  departmentId?: number | undefined;
  projectId?: number | undefined;
  periods: number[];
}

export async function budgets(
  db: Kysely<Database>,
  companyId: number,
  fiscalYear: number,
): Promise<BudgetLine[]> {
  await requireFiscalYear(db, companyId, fiscalYear);
  const rows = await db
    .selectFrom('budgets')
    .select(['account', 'department_id', 'project_id', 'period', 'amount'])
    .where('company_id', '=', companyId)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('account')
    .orderBy('department_id')
    .orderBy('project_id')
    .orderBy('period')
    .execute();
  return toLines(rows);
}

interface BudgetRow {
  account: string;
  department_id: number;
  project_id: number;
  period: number;
  amount: number;
}

function toLines(rows: BudgetRow[]): BudgetLine[] {
  const lines = new Map<string, BudgetLine>();
  for (const r of rows) {
    const key = `${r.account}/${r.department_id}/${r.project_id}`;
    const line = lines.get(key) ?? {
      account: r.account,
      departmentId: Number(r.department_id),
      projectId: Number(r.project_id),
      periods: new Array<number>(12).fill(0),
    };
    line.periods[r.period - 1] = Number(r.amount);
    lines.set(key, line);
  }
  return [...lines.values()];
}

/**
 * Replaces the twelve amounts of one budget line. Only periods with an amount are stored,
 * so a line of twelve zeros removes the budget.
 */
export async function saveBudget(
  db: Kysely<Database>,
  companyId: number,
  input: BudgetInput,
): Promise<BudgetLine> {
  const line: BudgetLine = {
    account: input.account,
    departmentId: input.departmentId ?? 0,
    projectId: input.projectId ?? 0,
    periods: input.periods,
  };
  await checkBudget(db, companyId, input.fiscalYear, line);
  await db.transaction().execute(async (trx) => {
    await deleteLine(trx, companyId, input.fiscalYear, line);
    const rows = line.periods
      .map((amount, i) => ({
        company_id: companyId,
        fiscal_year: input.fiscalYear,
        period: i + 1,
        account: line.account,
        department_id: line.departmentId,
        project_id: line.projectId,
        amount,
      }))
      .filter((r) => r.amount !== 0);
    if (rows.length > 0) await trx.insertInto('budgets').values(rows).execute();
  });
  return line;
}

function deleteLine(db: Kysely<Database>, companyId: number, year: number, line: BudgetLine) {
  return db
    .deleteFrom('budgets')
    .where('company_id', '=', companyId)
    .where('fiscal_year', '=', year)
    .where('account', '=', line.account)
    .where('department_id', '=', line.departmentId)
    .where('project_id', '=', line.projectId)
    .execute();
}

async function checkBudget(
  db: Kysely<Database>,
  companyId: number,
  fiscalYear: number,
  line: BudgetLine,
) {
  await requireFiscalYear(db, companyId, fiscalYear);
  if ((await findAccounts(db, companyId, [line.account])).length === 0) {
    throw AppError.field('account', `Account ${line.account} does not exist.`);
  }
  await requireDimension(db, companyId, 'departments', line.departmentId);
  await requireDimension(db, companyId, 'projects', line.projectId);
}

async function requireFiscalYear(db: Kysely<Database>, companyId: number, year: number) {
  const years = await listFiscalYears(db, companyId);
  if (!years.some((y) => y.year === year)) {
    throw AppError.field('fiscalYear', `Fiscal year ${year} does not exist.`);
  }
}

async function requireDimension(
  db: Kysely<Database>,
  companyId: number,
  table: 'departments' | 'projects',
  id: number,
) {
  if (id === 0) return;
  const found = await db
    .selectFrom(table)
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (found) return;
  const [field, noun] =
    table === 'departments' ? ['departmentId', 'Department'] : ['projectId', 'Project'];
  throw AppError.field(field, `${noun} ${id} does not exist.`);
}

export interface BudgetTotal {
  account: string;
  departmentId: number;
  projectId: number;
  amount: number;
}

/**
 * Budget sums per account and dimension over the periods that lie wholly within from–to.
 * A report from 15 January to 31 March counts the budgets of February and March only:
 * budgets are per month, and half a month's budget would be a guess.
 */
export async function budgetTotals(
  db: Kysely<Database>,
  companyId: number,
  range: { from: string; to: string },
): Promise<BudgetTotal[]> {
  const rows = await db
    .selectFrom('budgets as b')
    .innerJoin('periods as p', (join) =>
      join
        .onRef('p.company_id', '=', 'b.company_id')
        .onRef('p.fiscal_year', '=', 'b.fiscal_year')
        .onRef('p.period', '=', 'b.period'),
    )
    .select((eb) => [
      'b.account',
      'b.department_id',
      'b.project_id',
      eb.fn.sum('b.amount').as('amount'),
    ])
    .where('b.company_id', '=', companyId)
    .where('p.start_date', '>=', range.from)
    .where('p.end_date', '<=', range.to)
    .groupBy(['b.account', 'b.department_id', 'b.project_id'])
    .execute();
  return rows.map((r) => ({
    account: r.account,
    departmentId: Number(r.department_id),
    projectId: Number(r.project_id),
    amount: Number(r.amount),
  }));
}
