import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

import {
  accountNames,
  inDimensions,
  isBalanceSheetAccount,
  type ReportRange,
  requireAccount,
  sumWhen,
  yearStartOf,
} from './report-common';

// Trial balance ---------------------------------------------------------------------------

export interface TrialBalanceRow {
  account: string;
  name: string;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

export interface AccountTotal {
  account: string;
  /** Debit minus credit of everything that opens the range, and of that within the year. */
  before: number;
  beforeInYear: number;
  debit: number;
  credit: number;
}

/** Sums the per-day totals of each account up to `to`: cheap however many postings. */
export async function accountTotals(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange & { account?: string | undefined },
): Promise<AccountTotal[]> {
  const { from, to, account } = range;
  const yearStart = yearStartOf(from, range.startMonth);
  // What opens the range: everything dated before it, and an opening balance dated its first day.
  const opens = sql`(date < ${from} or (opening = 1 and date = ${from}))`;
  const rows = await db
    .selectFrom('account_day_totals')
    .select((eb) => [
      'account',
      sumWhen(opens, sql`debit - credit`).as('before'),
      sumWhen(sql`date >= ${yearStart} and ${opens}`, sql`debit - credit`).as('before_in_year'),
      sumWhen(sql`not ${opens}`, eb.ref('debit')).as('debit'),
      sumWhen(sql`not ${opens}`, eb.ref('credit')).as('credit'),
    ])
    .where('company_id', '=', companyId)
    .where('date', '<=', to)
    .where(inDimensions(range.filter, 'account_day_totals'))
    .$if(account !== undefined, (qb) => qb.where('account', '=', account!))
    .groupBy('account')
    .execute();
  return rows.map((r) => ({
    account: r.account,
    before: Number(r.before),
    beforeInYear: Number(r.before_in_year),
    debit: Number(r.debit),
    credit: Number(r.credit),
  }));
}

/**
 * The trial balance (saldobalanse) for any dates. Balance-sheet accounts (classes 1–2)
 * open with everything before `from`; income-statement accounts open with what was posted
 * earlier in the same fiscal year; an opening balance on the first day is opening, not
 * movement. Read from the per-day totals, never from every posting.
 */
export async function trialBalance(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange & { account?: string | undefined },
): Promise<TrialBalanceRow[]> {
  const [totals, names] = await Promise.all([
    accountTotals(db, companyId, range),
    accountNames(db, companyId, range.language),
  ]);
  return totals
    .map(({ account, before, beforeInYear, debit, credit }) => {
      const opening = isBalanceSheetAccount(account) ? before : beforeInYear;
      const closing = opening + debit - credit;
      return { account, name: names.get(account) ?? '', opening, debit, credit, closing };
    })
    .filter((r) => r.opening !== 0 || r.debit !== 0 || r.credit !== 0)
    .sort((a, b) => a.account.localeCompare(b.account));
}

// General ledger --------------------------------------------------------------------------

export interface LedgerPosting {
  postingId: number;
  voucherId: number;
  series: string;
  number: number;
  date: string;
  description: string;
  vatCode: string | null;
  amount: number;
  /** The account's balance after this posting. */
  balance: number;
  departmentId: number | null;
  projectId: number | null;
}

export interface LedgerAccount extends TrialBalanceRow {
  postings: LedgerPosting[];
}

/**
 * The general ledger (kontospesifikasjon): per account its opening balance as in the trial
 * balance, every posting in the range with the balance after it, and the closing balance.
 * An account that opens at 1 000 and gets +500 and −200 shows balances 1 500 and 1 300.
 */
export async function generalLedger(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange & { account?: string | undefined },
): Promise<LedgerAccount[]> {
  if (range.account !== undefined) await requireAccount(db, companyId, range.account);
  const [balances, postings] = await Promise.all([
    trialBalance(db, companyId, range),
    ledgerPostings(db, companyId, range),
  ]);
  const byAccount = new Map<string, LedgerRow[]>();
  for (const p of postings) byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), p]);
  return balances.map((b) => ({
    ...b,
    postings: withBalances(b.opening, byAccount.get(b.account) ?? []),
  }));
}

type LedgerRow = Awaited<ReturnType<typeof ledgerPostings>>[number];

/**
 * Postings in the range, leaving out an opening balance dated `from` itself: the trial
 * balance counts that as opening, and so does the ledger.
 */
function ledgerPostings(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange & { account?: string | undefined },
) {
  const { from, to, account } = range;
  return db
    .selectFrom('postings')
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .select([
      'postings.id',
      'postings.voucher_id',
      'vouchers.series',
      'vouchers.number',
      'postings.date',
      'postings.account',
      'postings.description',
      'vouchers.description as voucher_description',
      'postings.vat_code',
      'postings.amount',
      'postings.department_id',
      'postings.project_id',
    ])
    .where('postings.company_id', '=', companyId)
    .where('vouchers.company_id', '=', companyId)
    .where('postings.date', '>=', from)
    .where('postings.date', '<=', to)
    .where((eb) => eb.not(eb.and([eb('vouchers.period', '=', 0), eb('postings.date', '=', from)])))
    .where(inDimensions(range.filter, 'postings'))
    .$if(account !== undefined, (qb) => qb.where('postings.account', '=', account!))
    .orderBy('postings.account')
    .orderBy('postings.date')
    .orderBy('vouchers.series')
    .orderBy('vouchers.number')
    .orderBy('postings.line_no')
    .execute();
}

function withBalances(opening: number, rows: LedgerRow[]): LedgerPosting[] {
  let balance = opening;
  return rows.map((r) => {
    balance += Number(r.amount);
    return {
      postingId: r.id,
      voucherId: r.voucher_id,
      series: r.series,
      number: r.number,
      date: r.date,
      description: r.description || r.voucher_description,
      vatCode: r.vat_code,
      amount: Number(r.amount),
      balance,
      departmentId: r.department_id,
      projectId: r.project_id,
    };
  });
}
