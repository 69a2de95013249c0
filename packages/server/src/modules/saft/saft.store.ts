import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { sumWhen } from '../accounting/report-common';

/**
 * The SQL of the SAF-T export. Every query is company-scoped. Vouchers are exported when
 * they are dated in the range and not deleted, except an opening balance dated the range's
 * first day: the trial balance counts that as the opening balance, and so does the file's
 * master data, so it would otherwise be counted twice.
 */
export interface ExportRange {
  from: string;
  to: string;
}

function exportedVouchers(db: Kysely<Database>, companyId: number, range: ExportRange) {
  return db
    .selectFrom('vouchers')
    .where('vouchers.company_id', '=', companyId)
    .where('vouchers.status', '!=', 'deleted')
    .where('vouchers.date', '>=', range.from)
    .where('vouchers.date', '<=', range.to)
    .where((eb) =>
      eb.not(eb.and([eb('vouchers.period', '=', 0), eb('vouchers.date', '=', range.from)])),
    );
}

/** How many vouchers and what the debit and credit lines add up to, before writing any. */
export async function entryTotals(db: Kysely<Database>, companyId: number, range: ExportRange) {
  const [count, sums] = await Promise.all([
    exportedVouchers(db, companyId, range)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    exportedVouchers(db, companyId, range)
      .innerJoin('postings', 'postings.voucher_id', 'vouchers.id')
      .where('postings.company_id', '=', companyId)
      .select([
        sumWhen(sql`postings.amount > 0`, sql`postings.amount`).as('debit'),
        sumWhen(sql`postings.amount < 0`, sql`-postings.amount`).as('credit'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { entries: Number(count.n), debit: Number(sums.debit), credit: Number(sums.credit) };
}

/** The series that have vouchers in the range, each of which becomes a journal. */
export function seriesInRange(db: Kysely<Database>, companyId: number, range: ExportRange) {
  return exportedVouchers(db, companyId, range)
    .leftJoin('voucher_series', (j) =>
      j
        .onRef('voucher_series.company_id', '=', 'vouchers.company_id')
        .onRef('voucher_series.code', '=', 'vouchers.series'),
    )
    .select(['vouchers.series', 'voucher_series.name_nb'])
    .groupBy(['vouchers.series', 'voucher_series.name_nb'])
    .orderBy('vouchers.series')
    .execute();
}

/** One page of a series' vouchers after `afterId` (keyset paging, so no page is re-read). */
export function voucherPage(
  db: Kysely<Database>,
  companyId: number,
  range: ExportRange & { series: string; afterId: number; limit: number },
) {
  return exportedVouchers(db, companyId, range)
    .where('vouchers.series', '=', range.series)
    .where('vouchers.id', '>', range.afterId)
    .select([
      'vouchers.id',
      'vouchers.series',
      'vouchers.number',
      'vouchers.fiscal_year',
      'vouchers.period',
      'vouchers.date',
      'vouchers.description',
      'vouchers.created_by',
      'vouchers.created_at',
      'vouchers.modified_at',
    ])
    .orderBy('vouchers.id')
    .limit(range.limit)
    .execute();
}

export type VoucherPageRow = Awaited<ReturnType<typeof voucherPage>>[number];

export function postingsOf(db: Kysely<Database>, companyId: number, voucherIds: number[]) {
  if (voucherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('postings')
    .select([
      'voucher_id',
      'line_no',
      'account',
      'amount',
      'vat_code',
      'vat_kind',
      'description',
      'department_id',
      'project_id',
      'party_id',
      'invoice_number',
      'due_date',
      'kid',
      'currency',
      'currency_amount',
      'exchange_rate',
    ])
    .where('company_id', '=', companyId)
    .where('voucher_id', 'in', voucherIds)
    .orderBy('voucher_id')
    .orderBy('line_no')
    .execute();
}

export type PostingPageRow = Awaited<ReturnType<typeof postingsOf>>[number];

/** The VAT codes on the exported postings, for the tax table. */
export async function vatCodesInRange(db: Kysely<Database>, companyId: number, range: ExportRange) {
  const rows = await exportedVouchers(db, companyId, range)
    .innerJoin('postings', 'postings.voucher_id', 'vouchers.id')
    .where('postings.company_id', '=', companyId)
    .where('postings.vat_code', 'is not', null)
    .select('postings.vat_code')
    .distinct()
    .execute();
  return rows.map((r) => r.vat_code ?? '').filter((c) => c !== '');
}

/**
 * Each party's opening and closing balance per control account, summed in the database.
 * The rows are those the sub-ledger reports read (postings with a party on an account with
 * a sub-ledger), and what opens the range is what opens it in the trial balance.
 */
export async function partyBalances(
  db: Kysely<Database>,
  companyId: number,
  range: ExportRange & { kind: 'customer' | 'supplier' },
) {
  const opens = sql`(postings.date < ${range.from}
    or (vouchers.period = 0 and postings.date = ${range.from}))`;
  const rows = await db
    .selectFrom('postings')
    .innerJoin('accounts', (j) =>
      j
        .onRef('accounts.company_id', '=', 'postings.company_id')
        .onRef('accounts.number', '=', 'postings.account'),
    )
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .where('postings.company_id', '=', companyId)
    .where('accounts.subledger', '=', range.kind)
    .where('postings.party_id', 'is not', null)
    .where('postings.date', '<=', range.to)
    .select([
      'postings.party_id',
      'postings.account',
      sumWhen(opens, sql`postings.amount`).as('opening'),
      sql<number>`coalesce(sum(postings.amount), 0)`.as('closing'),
    ])
    .groupBy(['postings.party_id', 'postings.account'])
    .orderBy('postings.account')
    .execute();
  return rows.map((r) => ({
    partyId: r.party_id ?? 0,
    account: r.account,
    opening: Number(r.opening),
    closing: Number(r.closing),
  }));
}

export function partiesOf(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('parties')
    .select(['id', 'name', 'org_number', 'customer_number', 'supplier_number'])
    .where('company_id', '=', companyId)
    .orderBy('id')
    .execute();
}

export function dimensionsOf(
  db: Kysely<Database>,
  companyId: number,
  table: 'departments' | 'projects',
) {
  return db
    .selectFrom(table)
    .select(['id', 'code', 'name'])
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
}

/** Names of the users who posted vouchers of the company, for SourceID. */
export async function voucherAuthors(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      db
        .selectFrom('vouchers')
        .select('created_by')
        .where('company_id', '=', companyId)
        .where('created_by', 'is not', null)
        .distinct(),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
