import type { Posting } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The next number in a series for a fiscal year, taken inside the posting transaction. */
export async function takeVoucherNumber(
  db: Kysely<Database>,
  companyId: number,
  series: string,
  fiscalYear: number,
): Promise<number> {
  const row = await db
    .insertInto('voucher_counters')
    .values({ company_id: companyId, series, fiscal_year: fiscalYear, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['company_id', 'series', 'fiscal_year']).doUpdateSet((eb) => ({
        last_number: eb('voucher_counters.last_number', '+', 1),
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

export async function insertVoucher(db: Kysely<Database>, v: NewVoucher): Promise<number> {
  const row = await db
    .insertInto('vouchers')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredPosting extends Posting {
  description: string;
}

export async function insertPostings(
  db: Kysely<Database>,
  companyId: number,
  voucherId: number,
  date: string,
  postings: StoredPosting[],
) {
  await db
    .insertInto('postings')
    .values(
      postings.map((p, i) => ({
        company_id: companyId,
        voucher_id: voucherId,
        line_no: i + 1,
        date,
        account: p.account,
        amount: p.amount,
        vat_code: p.vatCode,
        vat_kind: p.vatKind,
        description: p.description,
      })),
    )
    .execute();
}

/** Adds the postings to the per-account, per-day debit and credit totals. */
export async function addToDayTotals(
  db: Kysely<Database>,
  companyId: number,
  date: string,
  postings: readonly Posting[],
) {
  const byAccount = new Map<string, { debit: number; credit: number }>();
  for (const p of postings) {
    const t = byAccount.get(p.account) ?? { debit: 0, credit: 0 };
    if (p.amount > 0) t.debit += p.amount;
    else t.credit -= p.amount;
    byAccount.set(p.account, t);
  }
  const rows = [...byAccount].map(([account, t]) => ({
    company_id: companyId,
    account,
    date,
    ...t,
  }));
  await db
    .insertInto('account_day_totals')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['company_id', 'account', 'date']).doUpdateSet((eb) => ({
        debit: eb('account_day_totals.debit', '+', eb.ref('excluded.debit')),
        credit: eb('account_day_totals.credit', '+', eb.ref('excluded.credit')),
      })),
    )
    .execute();
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

export function seriesExists(db: Kysely<Database>, companyId: number, code: string) {
  return db
    .selectFrom('voucher_series')
    .select('code')
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .executeTakeFirst();
}
