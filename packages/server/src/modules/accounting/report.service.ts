import { fiscalYearOf, fiscalYearSpan, VAT_CODES, type VatDirection, vatCode } from '@nordbok/core';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts, listAccounts } from './account.store';
import { budgetTotals } from './budget.service';

/**
 * The general-ledger reports: trial balance (saldobalanse), general ledger
 * (kontospesifikasjon), income statement, balance sheet, VAT specification and the voucher
 * journal (bokføringsspesifikasjon). All amounts are signed øre; the ledger's own sign is
 * debit positive, and each statement says where it turns that round.
 */

export type Language = 'nb' | 'en';

export interface Dimension {
  id: number;
  code: string;
  name: string;
}

/**
 * A filter on a department and/or a project. It stands for the one asked for and every
 * level below it: department 3 with sub-departments 7 and 9 filters on 3, 7 and 9.
 */
export interface DimensionFilter {
  departments: number[] | null;
  projects: number[] | null;
  department: Dimension | null;
  project: Dimension | null;
}

export interface ReportRange {
  from: string;
  to: string;
  startMonth: number;
  language: Language;
  filter?: DimensionFilter | undefined;
}

export async function dimensionFilter(
  db: Kysely<Database>,
  companyId: number,
  ids: { departmentId?: number | undefined; projectId?: number | undefined },
): Promise<DimensionFilter> {
  const [department, project] = await Promise.all([
    subtree(db, companyId, 'departments', ids.departmentId),
    subtree(db, companyId, 'projects', ids.projectId),
  ]);
  return {
    departments: department?.ids ?? null,
    projects: project?.ids ?? null,
    department: department?.root ?? null,
    project: project?.root ?? null,
  };
}

async function subtree(
  db: Kysely<Database>,
  companyId: number,
  table: 'departments' | 'projects',
  id: number | undefined,
) {
  if (id === undefined) return null;
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code', 'name', 'parent_id'])
    .where('company_id', '=', companyId)
    .execute();
  const root = rows.find((r) => r.id === id);
  if (!root) {
    const [field, noun] =
      table === 'departments' ? ['departmentId', 'Department'] : ['projectId', 'Project'];
    throw AppError.field(field, `${noun} ${id} does not exist.`);
  }
  return {
    root: { id: root.id, code: root.code, name: root.name },
    ids: withDescendants(rows, id),
  };
}

/** The id and everything below it; a parent loop cannot make it run forever. */
function withDescendants(rows: { id: number; parent_id: number | null }[], id: number) {
  const children = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parent_id !== null)
      children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  }
  const found = [id];
  for (let i = 0; i < found.length; i++) {
    for (const child of children.get(found[i]!) ?? [])
      if (!found.includes(child)) found.push(child);
  }
  return found;
}

/** `department_id in (…) and project_id in (…)` on a table, or plain true without a filter. */
function inDimensions(
  filter: DimensionFilter | undefined,
  table: 'account_day_totals' | 'postings',
): Expression<SqlBool> {
  const parts = [];
  if (filter?.departments) {
    parts.push(sql`${sql.ref(`${table}.department_id`)} in (${sql.join(filter.departments)})`);
  }
  if (filter?.projects) {
    parts.push(sql`${sql.ref(`${table}.project_id`)} in (${sql.join(filter.projects)})`);
  }
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`1 = 1`;
}

function sumWhen(condition: ReturnType<typeof sql>, value: unknown) {
  return sql<number>`coalesce(sum(case when ${condition} then ${value} else 0 end), 0)`;
}

/** Turns a sign round without ever producing −0, which tests and JSON treat differently. */
function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}

function total<T>(items: readonly T[], amount: (item: T) => number): number {
  return items.reduce((s, item) => s + amount(item), 0);
}

function yearStartOf(date: string, startMonth: number): string {
  return fiscalYearSpan(fiscalYearOf(date, startMonth), startMonth).startDate;
}

/**
 * The same date a year earlier. A month's last day stays its last day, so a report to
 * 2025-02-28 compares with 2024-02-29 and 2024-02-29 with 2023-02-28.
 */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const lastDay = (y: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const earlier = day === lastDay(year) ? lastDay(year - 1) : Math.min(day, lastDay(year - 1));
  return `${year - 1}-${date.slice(5, 7)}-${String(earlier).padStart(2, '0')}`;
}

async function accountNames(db: Kysely<Database>, companyId: number, language: Language) {
  const accounts = await listAccounts(db, companyId);
  return new Map(accounts.map((a) => [a.number, language === 'en' ? a.name_en : a.name_nb]));
}

async function requireAccount(db: Kysely<Database>, companyId: number, account: string) {
  if ((await findAccounts(db, companyId, [account])).length === 0) {
    throw AppError.field('account', `Account ${account} does not exist.`);
  }
}

const isBalanceSheetAccount = (account: string) => account[0] === '1' || account[0] === '2';

// Trial balance ---------------------------------------------------------------------------

export interface TrialBalanceRow {
  account: string;
  name: string;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

interface AccountTotal {
  account: string;
  /** Debit minus credit of everything that opens the range, and of that within the year. */
  before: number;
  beforeInYear: number;
  debit: number;
  credit: number;
}

/** Sums the per-day totals of each account up to `to`: cheap however many postings. */
async function accountTotals(
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

// Income statement ------------------------------------------------------------------------

interface Grouping {
  key: string;
  nameNb: string;
  nameEn: string;
  /** Inclusive ranges of the account number's first two digits (NS 4102 groups). */
  groups: [number, number][];
}

/**
 * The income statement's sections by NS 4102 group. 84–85 and 87 held extraordinary items
 * in the old standard; Norwegian GAAP no longer has those, so they count as financial
 * items, and 86 (tax on them) as tax. 88–89 are the year's result and its appropriation:
 * they move the result into equity and are not part of it.
 */
const INCOME_SECTIONS: readonly Grouping[] = [
  { key: 'salesRevenue', nameNb: 'Salgsinntekter', nameEn: 'Sales revenue', groups: [[30, 38]] },
  {
    key: 'otherOperatingRevenue',
    nameNb: 'Andre driftsinntekter',
    nameEn: 'Other operating revenue',
    groups: [[39, 39]],
  },
  { key: 'costOfGoods', nameNb: 'Varekostnad', nameEn: 'Cost of goods', groups: [[40, 49]] },
  { key: 'payroll', nameNb: 'Lønnskostnad', nameEn: 'Payroll expenses', groups: [[50, 59]] },
  { key: 'depreciation', nameNb: 'Avskrivninger', nameEn: 'Depreciation', groups: [[60, 60]] },
  {
    key: 'otherOperatingExpenses',
    nameNb: 'Andre driftskostnader',
    nameEn: 'Other operating expenses',
    groups: [[61, 79]],
  },
  {
    key: 'financialIncome',
    nameNb: 'Finansinntekter',
    nameEn: 'Financial income',
    groups: [[80, 80]],
  },
  {
    key: 'financialExpenses',
    nameNb: 'Finanskostnader',
    nameEn: 'Financial expenses',
    groups: [
      [81, 82],
      [84, 85],
      [87, 87],
    ],
  },
  {
    key: 'tax',
    nameNb: 'Skattekostnad',
    nameEn: 'Tax expense',
    groups: [
      [83, 83],
      [86, 86],
    ],
  },
];

/** Results shown after a section: the sum of every section up to and including it. */
const SUBTOTALS = [
  {
    after: 'otherOperatingExpenses',
    key: 'operatingResult',
    nameNb: 'Driftsresultat',
    nameEn: 'Operating result',
  },
  {
    after: 'financialExpenses',
    key: 'resultBeforeTax',
    nameNb: 'Resultat før skattekostnad',
    nameEn: 'Result before tax',
  },
] as const;

function groupingOf(account: string, groupings: readonly Grouping[]): Grouping | undefined {
  const group = Number(account.slice(0, 2));
  return groupings.find((g) => g.groups.some(([low, high]) => group >= low && group <= high));
}

export interface StatementLine {
  account: string;
  name: string;
  amount: number;
  lastYear: number;
  budget: number;
}

export interface StatementSection {
  key: string;
  nameNb: string;
  nameEn: string;
  lines: StatementLine[];
  total: number;
  lastYearTotal: number;
  budgetTotal: number;
}

export interface StatementSubtotal {
  key: string;
  nameNb: string;
  nameEn: string;
  /** The section it follows. */
  after: string;
  amount: number;
  lastYear: number;
  budget: number;
}

export interface IncomeStatement {
  sections: StatementSection[];
  subtotals: StatementSubtotal[];
  result: number;
  lastYearResult: number;
  budgetResult: number;
}

/**
 * The income statement (resultatregnskap) for a range, with the same dates a year earlier
 * and the budget of the whole periods within the range (see budgetTotals).
 *
 * Every line is shown credit positive, the ledger's sign turned round, so income reads as
 * a positive number, costs as negative ones, and the result is simply their sum: sales of
 * 100 000 (a credit, −100 000 in the ledger) and wages of 40 000 (a debit, +40 000) show
 * as +100 000 and −40 000, result +60 000, a profit.
 */
export async function incomeStatement(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange,
): Promise<IncomeStatement> {
  const lastYear = { ...range, from: yearEarlier(range.from), to: yearEarlier(range.to) };
  const [actual, earlier, budget, names] = await Promise.all([
    movements(db, companyId, range),
    movements(db, companyId, lastYear),
    budgetByAccount(db, companyId, range),
    accountNames(db, companyId, range.language),
  ]);
  const numbers = new Set([...actual.keys(), ...earlier.keys(), ...budget.keys()]);
  const lines = [...numbers]
    .sort((a, b) => a.localeCompare(b))
    .map((account) => ({
      account,
      name: names.get(account) ?? '',
      amount: negate(actual.get(account) ?? 0),
      lastYear: negate(earlier.get(account) ?? 0),
      budget: negate(budget.get(account) ?? 0),
    }))
    .filter((l) => l.amount !== 0 || l.lastYear !== 0 || l.budget !== 0);
  const sections = INCOME_SECTIONS.map((s) => statementSection(s, lines));
  return {
    sections,
    subtotals: SUBTOTALS.map((s) => subtotal(s, sections)),
    result: total(sections, (s) => s.total),
    lastYearResult: total(sections, (s) => s.lastYearTotal),
    budgetResult: total(sections, (s) => s.budgetTotal),
  };
}

/** Debit minus credit within the range, per income-statement account. */
async function movements(db: Kysely<Database>, companyId: number, range: ReportRange) {
  const totals = await accountTotals(db, companyId, range);
  return new Map(
    totals
      .filter((t) => groupingOf(t.account, INCOME_SECTIONS))
      .map((t) => [t.account, t.debit - t.credit]),
  );
}

/** Budgets of the filtered departments and projects, per income-statement account. */
async function budgetByAccount(db: Kysely<Database>, companyId: number, range: ReportRange) {
  const rows = await budgetTotals(db, companyId, range);
  const { filter } = range;
  const budget = new Map<string, number>();
  for (const r of rows) {
    if (filter?.departments && !filter.departments.includes(r.departmentId)) continue;
    if (filter?.projects && !filter.projects.includes(r.projectId)) continue;
    if (!groupingOf(r.account, INCOME_SECTIONS)) continue;
    budget.set(r.account, (budget.get(r.account) ?? 0) + r.amount);
  }
  return budget;
}

function statementSection(grouping: Grouping, lines: StatementLine[]): StatementSection {
  const own = lines.filter((l) => groupingOf(l.account, INCOME_SECTIONS) === grouping);
  return {
    key: grouping.key,
    nameNb: grouping.nameNb,
    nameEn: grouping.nameEn,
    lines: own,
    total: total(own, (l) => l.amount),
    lastYearTotal: total(own, (l) => l.lastYear),
    budgetTotal: total(own, (l) => l.budget),
  };
}

function subtotal(
  definition: (typeof SUBTOTALS)[number],
  sections: StatementSection[],
): StatementSubtotal {
  const upTo = sections.slice(0, sections.findIndex((s) => s.key === definition.after) + 1);
  return {
    ...definition,
    amount: total(upTo, (s) => s.total),
    lastYear: total(upTo, (s) => s.lastYearTotal),
    budget: total(upTo, (s) => s.budgetTotal),
  };
}

// Balance sheet ---------------------------------------------------------------------------

const BALANCE_SECTIONS: readonly Grouping[] = [
  { key: 'assets', nameNb: 'Eiendeler', nameEn: 'Assets', groups: [[10, 19]] },
  { key: 'equity', nameNb: 'Egenkapital', nameEn: 'Equity', groups: [[20, 20]] },
  { key: 'liabilities', nameNb: 'Gjeld', nameEn: 'Liabilities', groups: [[21, 29]] },
];

export interface BalanceLine {
  /** Null on the lines for results not yet moved into equity. */
  account: string | null;
  name: string;
  amount: number;
  lastYear: number;
}

export interface BalanceSection {
  key: string;
  nameNb: string;
  nameEn: string;
  lines: BalanceLine[];
  total: number;
  lastYearTotal: number;
}

export interface BalanceSheet {
  at: string;
  lastYearAt: string;
  sections: BalanceSection[];
  totalAssets: number;
  lastYearTotalAssets: number;
  totalEquityAndLiabilities: number;
  lastYearTotalEquityAndLiabilities: number;
}

interface Balances {
  /** Debit minus credit per balance-sheet account. */
  accounts: Map<string, number>;
  /** Debit minus credit of every income-statement account (classes 3–8, 88–89 too). */
  resultThisYear: number;
  resultEarlierYears: number;
}

/**
 * The balance sheet at a date and a year earlier. Assets show debit positive; equity and
 * liabilities credit positive. Until the year is closed, its result still sits on the
 * income-statement accounts, so it is shown as an equity line, with any earlier year not
 * yet closed on a line of its own; then assets equal equity and liabilities, because every
 * voucher balances. Example: equity paid in 30 000 to the bank and sales of 10 000 paid in
 * cash show assets 40 000 = equity 30 000 + this year's result 10 000.
 */
export async function balanceSheet(
  db: Kysely<Database>,
  companyId: number,
  query: { at: string; startMonth: number; language: Language; filter?: DimensionFilter },
): Promise<BalanceSheet> {
  const lastYearAt = yearEarlier(query.at);
  const [now, earlier, names] = await Promise.all([
    balancesAt(db, companyId, query),
    balancesAt(db, companyId, { ...query, at: lastYearAt }),
    accountNames(db, companyId, query.language),
  ]);
  const sections = BALANCE_SECTIONS.map((g) => {
    const lines = accountLines(g, now, earlier, names);
    if (g.key === 'equity') lines.push(...resultLines(now, earlier, query.language));
    return balanceSection(g, lines);
  });
  const [assets, equity, liabilities] = sections as [
    BalanceSection,
    BalanceSection,
    BalanceSection,
  ];
  return {
    at: query.at,
    lastYearAt,
    sections,
    totalAssets: assets.total,
    lastYearTotalAssets: assets.lastYearTotal,
    totalEquityAndLiabilities: equity.total + liabilities.total,
    lastYearTotalEquityAndLiabilities: equity.lastYearTotal + liabilities.lastYearTotal,
  };
}

async function balancesAt(
  db: Kysely<Database>,
  companyId: number,
  query: { at: string; startMonth: number; filter?: DimensionFilter | undefined },
): Promise<Balances> {
  const yearStart = yearStartOf(query.at, query.startMonth);
  const rows = await db
    .selectFrom('account_day_totals')
    .select([
      'account',
      sql<number>`coalesce(sum(debit - credit), 0)`.as('balance'),
      sumWhen(sql`date >= ${yearStart}`, sql`debit - credit`).as('in_year'),
    ])
    .where('company_id', '=', companyId)
    .where('date', '<=', query.at)
    .where(inDimensions(query.filter, 'account_day_totals'))
    .groupBy('account')
    .execute();
  const balances: Balances = { accounts: new Map(), resultThisYear: 0, resultEarlierYears: 0 };
  for (const r of rows) {
    if (isBalanceSheetAccount(r.account)) balances.accounts.set(r.account, Number(r.balance));
    else {
      balances.resultThisYear += Number(r.in_year);
      balances.resultEarlierYears += Number(r.balance) - Number(r.in_year);
    }
  }
  return balances;
}

/** The section's balance-sheet accounts with a balance now or a year earlier. */
function accountLines(
  grouping: Grouping,
  now: Balances,
  earlier: Balances,
  names: Map<string, string>,
): BalanceLine[] {
  // Assets keep the ledger's sign; equity and liabilities are credits, shown positive.
  const sign = grouping.key === 'assets' ? 1 : -1;
  const shown = (n: number) => (n === 0 ? 0 : sign * n);
  const numbers = new Set([...now.accounts.keys(), ...earlier.accounts.keys()]);
  return [...numbers]
    .filter((a) => groupingOf(a, BALANCE_SECTIONS) === grouping)
    .sort((a, b) => a.localeCompare(b))
    .map((account) => ({
      account,
      name: names.get(account) ?? '',
      amount: shown(now.accounts.get(account) ?? 0),
      lastYear: shown(earlier.accounts.get(account) ?? 0),
    }))
    .filter((l) => l.amount !== 0 || l.lastYear !== 0);
}

function balanceSection(grouping: Grouping, lines: BalanceLine[]): BalanceSection {
  return {
    key: grouping.key,
    nameNb: grouping.nameNb,
    nameEn: grouping.nameEn,
    lines,
    total: total(lines, (l) => l.amount),
    lastYearTotal: total(lines, (l) => l.lastYear),
  };
}

/** This year's result always; earlier years' only while one of them is not yet closed. */
function resultLines(now: Balances, earlier: Balances, language: Language): BalanceLine[] {
  const en = language === 'en';
  const lines: BalanceLine[] = [
    {
      account: null,
      name: en ? 'Result for the year so far' : 'Årets resultat hittil',
      amount: negate(now.resultThisYear),
      lastYear: negate(earlier.resultThisYear),
    },
  ];
  if (now.resultEarlierYears !== 0 || earlier.resultEarlierYears !== 0) {
    lines.push({
      account: null,
      name: en ? 'Result of earlier years not yet closed' : 'Udisponert resultat tidligere år',
      amount: negate(now.resultEarlierYears),
      lastYear: negate(earlier.resultEarlierYears),
    });
  }
  return lines;
}

// VAT specification -----------------------------------------------------------------------

export interface VatItem {
  vatCode: string;
  nameNb: string;
  nameEn: string;
  direction: VatDirection;
  basis: number;
  /** Output VAT (payable, positive) and input VAT (deductible, negative). */
  outputVat: number;
  inputVat: number;
  vat: number;
}

export interface VatSpecification {
  items: VatItem[];
  totalVat: number;
}

/**
 * The VAT specification (spesifikasjon av merverdiavgift) per VAT code, from the postings.
 *
 * The basis is the sum of the code's base lines: on revenue accounts (class 3) a credit, so
 * its sign is turned; on purchases a debit, kept. VAT is the VAT lines with their sign turned:
 * output VAT (a credit) counts as payable, input VAT (a debit) as deductible. A service of
 * 10 000 bought abroad with code 86 gives basis 10 000, output 2 500, input −2 500, VAT 0.
 */
export async function vatSpecification(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange,
): Promise<VatSpecification> {
  const rows = await db
    .selectFrom('postings')
    .select((eb) => ['vat_code', 'vat_kind', 'account', eb.fn.sum('amount').as('amount')])
    .where('company_id', '=', companyId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .where('vat_code', 'is not', null)
    .where(inDimensions(range.filter, 'postings'))
    .groupBy(['vat_code', 'vat_kind', 'account'])
    .execute();
  const items = new Map<string, VatItem>();
  for (const r of rows) {
    const item = items.get(r.vat_code!) ?? emptyVatItem(r.vat_code!);
    addToVatItem(item, r.vat_kind, r.account, Number(r.amount));
    items.set(item.vatCode, item);
  }
  const order = (code: string) => VAT_CODES.findIndex((c) => c.code === code);
  const sorted = [...items.values()].sort((a, b) => order(a.vatCode) - order(b.vatCode));
  return { items: sorted, totalVat: total(sorted, (i) => i.vat) };
}

function emptyVatItem(code: string): VatItem {
  const known = vatCode(code);
  return {
    vatCode: code,
    nameNb: known?.nameNb ?? code,
    nameEn: known?.nameEn ?? code,
    direction: known?.direction ?? 'none',
    basis: 0,
    outputVat: 0,
    inputVat: 0,
    vat: 0,
  };
}

function addToVatItem(item: VatItem, kind: string | null, account: string, amount: number) {
  if (kind === 'base') item.basis += account[0] === '3' ? -amount : amount;
  if (kind === 'output') item.outputVat -= amount;
  if (kind === 'input') item.inputVat -= amount;
  item.vat = item.outputVat + item.inputVat;
}

// Voucher journal -------------------------------------------------------------------------

export interface JournalPosting {
  postingId: number;
  lineNo: number;
  account: string;
  accountName: string;
  amount: number;
  vatCode: string | null;
  vatKind: string | null;
  description: string;
  departmentId: number | null;
  projectId: number | null;
}

export interface JournalVoucher {
  id: number;
  series: string;
  number: number;
  date: string;
  description: string;
  status: 'posted' | 'deleted';
  postings: JournalPosting[];
}

/**
 * The voucher journal (bokføringsspesifikasjon): every voucher in the range in date and
 * number order with all its postings. Deleted vouchers stay, without postings, so the
 * series can be seen to be complete. With a department or project filter it lists the
 * vouchers that touch it, each still whole so that it balances.
 */
export async function voucherJournalReport(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange,
): Promise<JournalVoucher[]> {
  const [vouchers, postings, names] = await Promise.all([
    journalVouchers(db, companyId, range),
    journalPostings(db, companyId, range),
    accountNames(db, companyId, range.language),
  ]);
  const byVoucher = new Map<number, JournalPosting[]>();
  for (const p of postings) {
    const posting = toJournalPosting(p, names.get(p.account) ?? '');
    byVoucher.set(p.voucher_id, [...(byVoucher.get(p.voucher_id) ?? []), posting]);
  }
  return vouchers.map((v) => ({
    id: v.id,
    series: v.series,
    number: v.number,
    date: v.date,
    description: v.description,
    status: v.status === 'deleted' ? 'deleted' : 'posted',
    postings: byVoucher.get(v.id) ?? [],
  }));
}

function journalVouchers(db: Kysely<Database>, companyId: number, range: ReportRange) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .$if(Boolean(range.filter?.departments || range.filter?.projects), (qb) =>
      qb.where('id', 'in', (eb) =>
        eb
          .selectFrom('postings')
          .select('voucher_id')
          .where('company_id', '=', companyId)
          .where(inDimensions(range.filter, 'postings')),
      ),
    )
    .orderBy('date')
    .orderBy('series')
    .orderBy('number')
    .execute();
}

/** The postings of the range's vouchers, by joining on the dates rather than a list of ids. */
function journalPostings(db: Kysely<Database>, companyId: number, range: ReportRange) {
  return db
    .selectFrom('postings')
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .selectAll('postings')
    .where('vouchers.company_id', '=', companyId)
    .where('postings.company_id', '=', companyId)
    .where('vouchers.date', '>=', range.from)
    .where('vouchers.date', '<=', range.to)
    .orderBy('postings.voucher_id')
    .orderBy('postings.line_no')
    .execute();
}

function toJournalPosting(
  p: Awaited<ReturnType<typeof journalPostings>>[number],
  accountName: string,
): JournalPosting {
  return {
    postingId: p.id,
    lineNo: p.line_no,
    account: p.account,
    accountName,
    amount: Number(p.amount),
    vatCode: p.vat_code,
    vatKind: p.vat_kind,
    description: p.description,
    departmentId: p.department_id,
    projectId: p.project_id,
  };
}
