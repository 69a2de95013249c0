import { type Kysely, sql } from 'kysely';
import { insertByArrays, isPostgres } from '../../db/bulk';
import type { Database, Flag, PostingRow } from '../../db/schema';

/**
 * Takes `count` numbers in a series for a fiscal year, inside the posting transaction, and
 * returns the last of them. The counter row stays locked until the transaction ends, so
 * concurrent postings wait for each other and a rolled-back posting leaves no gap.
 */
export async function takeVoucherNumbers(
  db: Kysely<Database>,
  companyId: number,
  series: string,
  fiscalYear: number,
  count: number,
): Promise<number> {
  const row = await db
    .insertInto('voucher_counters')
    .values({ company_id: companyId, series, fiscal_year: fiscalYear, last_number: count })
    .onConflict((oc) =>
      oc.columns(['company_id', 'series', 'fiscal_year']).doUpdateSet((eb) => ({
        last_number: eb('voucher_counters.last_number', '+', count),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export interface NewVoucher {
  companyId: number;
  series: string;
  number: number;
  fiscalYear: number;
  period: number;
  date: string;
  description: string;
  createdBy: number | null;
  at: string;
}

/** Inserts vouchers and returns their rows in the order given. */
export async function insertVouchers(db: Kysely<Database>, vouchers: NewVoucher[]) {
  const rows = await db
    .insertInto('vouchers')
    .values(
      vouchers.map((v) => ({
        company_id: v.companyId,
        series: v.series,
        number: v.number,
        fiscal_year: v.fiscalYear,
        period: v.period,
        date: v.date,
        description: v.description,
        status: 'posted',
        created_by: v.createdBy,
        created_at: v.at,
        modified_at: v.at,
      })),
    )
    .returningAll()
    .execute();
  // RETURNING promises no order, but series, year and number identify each voucher.
  const key = (series: string, year: number, number: number) => `${series}/${year}/${number}`;
  const byKey = new Map(rows.map((r) => [key(r.series, r.fiscal_year, r.number), r]));
  return vouchers.map((v) => byKey.get(key(v.series, v.fiscalYear, v.number))!);
}

/** SQLite allows 32 766 bound values a statement; 19 columns a posting row. */
const POSTINGS_PER_INSERT = 1500;

/** Inserts postings; returns their ids keyed by voucher id and line number. */
export async function insertPostings(
  db: Kysely<Database>,
  companyId: number,
  rows: readonly PostingRow[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const values = rows.map(({ id: _id, ...row }) => ({ ...row, company_id: companyId }));
  if (isPostgres(db)) {
    const returning = sql`returning id, voucher_id, line_no`;
    type Inserted = { id: number; voucher_id: number; line_no: number };
    const inserted = await insertByArrays<(typeof values)[number], Inserted>(
      db,
      'postings',
      POSTING_COLUMNS,
      values,
      returning,
    );
    for (const r of inserted) ids.set(`${r.voucher_id}/${r.line_no}`, r.id);
    return ids;
  }
  for (let i = 0; i < values.length; i += POSTINGS_PER_INSERT) {
    const inserted = await db
      .insertInto('postings')
      .values(values.slice(i, i + POSTINGS_PER_INSERT))
      .returning(['id', 'voucher_id', 'line_no'])
      .execute();
    for (const r of inserted) ids.set(`${r.voucher_id}/${r.line_no}`, r.id);
  }
  return ids;
}

const POSTING_COLUMNS = [
  ['company_id', 'int4'],
  ['voucher_id', 'int4'],
  ['line_no', 'int4'],
  ['date', 'text'],
  ['account', 'text'],
  ['amount', 'int8'],
  ['vat_code', 'text'],
  ['vat_kind', 'text'],
  ['description', 'text'],
  ['department_id', 'int4'],
  ['project_id', 'int4'],
  ['party_id', 'int4'],
  ['invoice_number', 'text'],
  ['due_date', 'text'],
  ['kid', 'text'],
  ['currency', 'text'],
  ['currency_amount', 'int8'],
  ['exchange_rate', 'text'],
  ['vat_specification', 'text'],
] as const satisfies readonly (readonly [keyof Omit<PostingRow, 'id'>, string])[];

export interface DayPosting {
  account: string;
  date: string;
  amount: number;
  /** Part of an opening-balance voucher. */
  opening: boolean;
  departmentId: number | null;
  projectId: number | null;
}

const DAY_TOTAL_COLUMNS = [
  ['company_id', 'int4'],
  ['account', 'text'],
  ['date', 'text'],
  ['opening', 'int4'],
  ['department_id', 'int4'],
  ['project_id', 'int4'],
  ['debit', 'int8'],
  ['credit', 'int8'],
] as const;

interface DayTotal {
  account: string;
  date: string;
  opening: Flag;
  department_id: number;
  project_id: number;
  debit: number;
  credit: number;
}

/** Adds postings to the per-account, per-day debit and credit totals (sign −1 takes them out). */
export async function addToDayTotals(
  db: Kysely<Database>,
  companyId: number,
  postings: readonly DayPosting[],
  sign: 1 | -1 = 1,
) {
  const totals = new Map<string, DayTotal>();
  for (const p of postings) {
    const dims = {
      opening: (p.opening ? 1 : 0) as Flag,
      department_id: p.departmentId ?? 0,
      project_id: p.projectId ?? 0,
    };
    const key = `${p.account}/${p.date}/${dims.opening}/${dims.department_id}/${dims.project_id}`;
    const t = totals.get(key) ?? { account: p.account, date: p.date, ...dims, debit: 0, credit: 0 };
    if (p.amount > 0) t.debit += p.amount;
    else t.credit -= p.amount;
    totals.set(key, t);
  }
  const rows = [...totals.values()].map((t) => ({
    company_id: companyId,
    ...t,
    debit: sign * t.debit,
    credit: sign * t.credit,
  }));
  if (isPostgres(db)) {
    const merge = sql`on conflict (company_id, account, date, opening, department_id, project_id)
      do update set debit = account_day_totals.debit + excluded.debit,
        credit = account_day_totals.credit + excluded.credit`;
    await insertByArrays(db, 'account_day_totals', DAY_TOTAL_COLUMNS, rows, merge);
    return;
  }
  for (let i = 0; i < rows.length; i += POSTINGS_PER_INSERT) {
    await db
      .insertInto('account_day_totals')
      .values(rows.slice(i, i + POSTINGS_PER_INSERT))
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'account', 'date', 'opening', 'department_id', 'project_id'])
          .doUpdateSet((eb) => ({
            debit: eb('account_day_totals.debit', '+', eb.ref('excluded.debit')),
            credit: eb('account_day_totals.credit', '+', eb.ref('excluded.credit')),
          })),
      )
      .execute();
  }
}

export function findVoucher(db: Kysely<Database>, companyId: number, id: number) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listPostingsOfVouchers(db: Kysely<Database>, companyId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('postings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('voucher_id', 'in', ids)
    .orderBy('voucher_id')
    .orderBy('line_no')
    .execute();
}

export function listVouchers(
  db: Kysely<Database>,
  companyId: number,
  filter: { from: string; to: string; limit: number; offset: number },
) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('date', '>=', filter.from)
    .where('date', '<=', filter.to)
    .orderBy('date')
    .orderBy('series')
    .orderBy('number')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export function listSeries(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('voucher_series')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
}

export async function deletePostings(db: Kysely<Database>, companyId: number, voucherId: number) {
  await db
    .deleteFrom('postings')
    .where('company_id', '=', companyId)
    .where('voucher_id', '=', voucherId)
    .execute();
}

export async function updateVoucher(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  changes: {
    date?: string;
    period?: number;
    description?: string;
    status?: string;
    modified_at: string;
  },
) {
  return db
    .updateTable('vouchers')
    .set(changes)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findParties(db: Kysely<Database>, companyId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('parties')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute();
}

export function findDimensions(
  db: Kysely<Database>,
  table: 'departments' | 'projects',
  companyId: number,
  ids: number[],
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom(table)
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute();
}

/** Item postings that already carry one of these KIDs. */
export function findPostingsByKid(db: Kysely<Database>, companyId: number, kids: string[]) {
  if (kids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('postings')
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .select([
      'postings.kid',
      'postings.party_id',
      'postings.account',
      'vouchers.series',
      'vouchers.number',
    ])
    .where('postings.company_id', '=', companyId)
    .where('postings.kid', 'in', kids)
    .execute();
}
