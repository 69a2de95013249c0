import type { TermLength } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { VatTerm } from './vat-term';

export async function findTermLength(db: Kysely<Database>, companyId: number) {
  const row = await db
    .selectFrom('vat_settings')
    .select('term_length')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return (row?.term_length ?? 'twoMonths') as TermLength;
}

export async function saveTermLength(db: Kysely<Database>, companyId: number, length: TermLength) {
  await db
    .insertInto('vat_settings')
    .values({ company_id: companyId, term_length: length })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ term_length: length }))
    .execute();
}

/** Sums per VAT code, specification, kind and account of the postings dated in the range. */
export function vatTotalsByCode(db: Kysely<Database>, companyId: number, from: string, to: string) {
  return db
    .selectFrom('postings')
    .select((eb) => [
      'vat_code',
      'vat_specification',
      'vat_kind',
      'account',
      eb.fn.sum<string>('amount').as('amount'),
    ])
    .where('company_id', '=', companyId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('vat_code', 'is not', null)
    .groupBy(['vat_code', 'vat_specification', 'vat_kind', 'account'])
    .execute();
}

/** Postings in the range on accounts that have a default VAT code but carry none. */
export function postingsMissingVat(
  db: Kysely<Database>,
  companyId: number,
  from: string,
  to: string,
) {
  return db
    .selectFrom('postings as p')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.company_id', '=', 'p.company_id').onRef('a.number', '=', 'p.account'),
    )
    .innerJoin('vouchers as v', 'v.id', 'p.voucher_id')
    .select([
      'p.id',
      'p.date',
      'p.account',
      'p.amount',
      'a.vat_code as defaultVatCode',
      'v.id as voucherId',
      'v.series',
      'v.number',
      'v.period',
    ])
    .where('p.company_id', '=', companyId)
    .where('p.date', '>=', from)
    .where('p.date', '<=', to)
    .where('p.vat_code', 'is', null)
    .where('a.vat_code', 'is not', null)
    .where('v.period', '>', 0)
    .orderBy('p.date')
    .orderBy('p.id')
    .execute();
}

/** Balances moved by the term's postings on the company's VAT accounts (not openings). */
export async function vatAccountMovements(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const rows = await db
    .selectFrom('vat_accounts')
    .selectAll()
    .where('company_id', '=', companyId)
    .execute();
  const accounts = [
    ...new Set(rows.flatMap((r) => [r.output_account, r.input_account]).filter((a) => a !== null)),
  ];
  if (accounts.length === 0) return [];
  return db
    .selectFrom('postings as p')
    .innerJoin('vouchers as v', 'v.id', 'p.voucher_id')
    .select((eb) => ['p.account', eb.fn.sum<string>('p.amount').as('amount')])
    .where('p.company_id', '=', companyId)
    .where('p.date', '>=', term.from)
    .where('p.date', '<=', term.to)
    .where('v.period', '>', 0)
    .where('p.account', 'in', accounts)
    .groupBy('p.account')
    .orderBy('p.account')
    .execute();
}

export function findClosedTerm(db: Kysely<Database>, companyId: number, term: VatTerm) {
  return db
    .selectFrom('vat_returns')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('year', '=', term.year)
    .where('term_length', '=', term.termLength)
    .where('term', '=', term.term)
    .executeTakeFirst();
}

/** The fiscal periods (not openings) that lie in the term. */
export function periodsInTerm(db: Kysely<Database>, companyId: number, term: VatTerm) {
  return db
    .selectFrom('periods')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('period', '>', 0)
    .where('start_date', '>=', term.from)
    .where('end_date', '<=', term.to)
    .execute();
}

const termKey = (companyId: number, term: VatTerm) => ({
  company_id: companyId,
  year: term.year,
  term_length: term.termLength,
  term: term.term,
});

/** The closings of a term, oldest first, with who closed it and the voucher posted. */
export function listTermVersions(db: Kysely<Database>, companyId: number, term: VatTerm) {
  return db
    .selectFrom('vat_return_versions as r')
    .leftJoin('users as u', 'u.id', 'r.closed_by')
    .leftJoin('vouchers as v', 'v.id', 'r.voucher_id')
    .select([
      'r.version',
      'r.closed_at',
      'r.closed_by',
      'u.name as closed_by_name',
      'r.voucher_id',
      'v.series',
      'v.number',
      'r.total',
      'r.remark',
      'r.line_remarks',
    ])
    .where('r.company_id', '=', companyId)
    .where('r.year', '=', term.year)
    .where('r.term_length', '=', term.termLength)
    .where('r.term', '=', term.term)
    .orderBy('r.version')
    .execute();
}

export interface NewTermVersion {
  version: number;
  voucherId: number | null;
  closedBy: number | null;
  closedAt: string;
  total: number;
  remark: string | null;
  lineRemarks: string | null;
}

export async function insertTermVersion(
  db: Kysely<Database>,
  companyId: number,
  term: VatTerm,
  v: NewTermVersion,
) {
  await db
    .insertInto('vat_return_versions')
    .values({
      ...termKey(companyId, term),
      version: v.version,
      voucher_id: v.voucherId,
      closed_by: v.closedBy,
      closed_at: v.closedAt,
      total: v.total,
      remark: v.remark,
      line_remarks: v.lineRemarks,
    })
    .execute();
}

/**
 * Moves a term from one state to the other, and only from that state: the row lock and the
 * condition make the second of two concurrent requests change nothing (false).
 */
export async function changeTermStatus(
  db: Kysely<Database>,
  companyId: number,
  term: VatTerm,
  change: {
    from: 'closed' | 'correcting';
    to: 'closed' | 'correcting';
    version: number;
    set?: { version?: number; reopened_by?: number | null; reopened_at?: string };
  },
): Promise<boolean> {
  const result = await db
    .updateTable('vat_returns')
    .set({ status: change.to, ...change.set })
    .where('company_id', '=', companyId)
    .where('year', '=', term.year)
    .where('term_length', '=', term.termLength)
    .where('term', '=', term.term)
    .where('status', '=', change.from)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
