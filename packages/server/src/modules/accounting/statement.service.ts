import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { budgetTotals } from './budget.service';
import { accountTotals } from './report.service';
import {
  accountNames,
  type DimensionFilter,
  inDimensions,
  isBalanceSheetAccount,
  type Language,
  negate,
  type ReportRange,
  sumWhen,
  total,
  yearEarlier,
  yearStartOf,
} from './report-common';

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
