import type { JournalVoucher } from '../journal-report.service';
import type { LedgerAccount, TrialBalanceRow } from '../report.service';
import type { DimensionFilter, Language } from '../report-common';
import type { BalanceSheet, IncomeStatement, StatementSection } from '../statement.service';
import type { VatSpecification } from '../vat-report.service';
import type { Cell, Column, Row, Table } from './table';

/** What every exported report states besides its figures. */
export interface TableContext {
  language: Language;
  company: string;
  producedAt: Date;
  filter?: DimensionFilter | undefined;
}

export interface Range {
  from: string;
  to: string;
}

export const WORDS = {
  nb: {
    period: 'Periode',
    at: 'Per',
    department: 'Avdeling',
    project: 'Prosjekt',
    produced: 'Produsert',
    page: (n: number, of: number) => `Side ${n} av ${of}`,
    opening: 'Inngående saldo',
    closing: 'Utgående saldo',
    sum: 'Sum',
    deleted: 'slettet',
    result: 'Resultat',
    equityAndLiabilities: 'Sum egenkapital og gjeld',
  },
  en: {
    period: 'Period',
    at: 'At',
    department: 'Department',
    project: 'Project',
    produced: 'Produced',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    opening: 'Opening balance',
    closing: 'Closing balance',
    sum: 'Total',
    deleted: 'deleted',
    result: 'Result',
    equityAndLiabilities: 'Total equity and liabilities',
  },
} as const;

/** [key, Norwegian header, English header, kind] */
export type ColumnDef = readonly [string, string, string, Column['kind']?];

export function columns(defs: readonly ColumnDef[], language: Language): Column[] {
  return defs.map(([key, nb, en, kind]) => ({
    key,
    header: language === 'en' ? en : nb,
    kind: kind ?? 'text',
  }));
}

/** Title, company, dates, filters and production time: what every report file starts with. */
export function frame(ctx: TableContext, title: string, fileStem: string, when: string) {
  const words = WORDS[ctx.language];
  const filters = [
    ctx.filter?.department && `${words.department} ${dimension(ctx.filter.department)}`,
    ctx.filter?.project && `${words.project} ${dimension(ctx.filter.project)}`,
  ].filter(Boolean);
  const time = new Intl.DateTimeFormat(ctx.language === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(ctx.producedAt);
  return {
    title,
    fileStem,
    company: ctx.company,
    subtitle: [when, ...filters].join(' · '),
    produced: `${words.produced} ${time}`,
    pageLabel: words.page,
  };
}

function dimension(d: { code: string; name: string }) {
  return `${d.code} ${d.name}`;
}

export function periodText(ctx: TableContext, range: Range) {
  return `${WORDS[ctx.language].period} ${range.from} – ${range.to}`;
}

export function pick(ctx: TableContext, nb: string, en: string) {
  return ctx.language === 'en' ? en : nb;
}

/** Debit and credit columns from a signed amount: +500 is debit 500, −200 credit 200. */
export function sides(amount: number): { debit: Cell; credit: Cell } {
  return { debit: amount > 0 ? amount : null, credit: amount < 0 ? -amount : null };
}

export function sum<T>(items: readonly T[], amount: (item: T) => number) {
  return items.reduce((s, item) => s + amount(item), 0);
}

// Trial balance ---------------------------------------------------------------------------

const TRIAL_BALANCE: readonly ColumnDef[] = [
  ['account', 'Konto', 'Account'],
  ['name', 'Navn', 'Name'],
  ['opening', 'Inngående saldo', 'Opening balance', 'amount'],
  ['debit', 'Debet', 'Debit', 'amount'],
  ['credit', 'Kredit', 'Credit', 'amount'],
  ['closing', 'Utgående saldo', 'Closing balance', 'amount'],
];

export function trialBalanceTable(rows: TrialBalanceRow[], ctx: TableContext, range: Range) {
  const stem = `${pick(ctx, 'saldobalanse', 'trial-balance')}-${range.from}-${range.to}`;
  const table: Table = {
    ...frame(ctx, pick(ctx, 'Saldobalanse', 'Trial balance'), stem, periodText(ctx, range)),
    columns: columns(TRIAL_BALANCE, ctx.language),
    rows: rows.map((r) => ({ cells: { ...r } })),
    totals: {
      name: WORDS[ctx.language].sum,
      opening: sum(rows, (r) => r.opening),
      debit: sum(rows, (r) => r.debit),
      credit: sum(rows, (r) => r.credit),
      closing: sum(rows, (r) => r.closing),
    },
  };
  return table;
}

// General ledger --------------------------------------------------------------------------

const GENERAL_LEDGER: readonly ColumnDef[] = [
  ['account', 'Konto', 'Account'],
  ['name', 'Navn', 'Name'],
  ['date', 'Dato', 'Date'],
  ['voucher', 'Bilag', 'Voucher'],
  ['description', 'Tekst', 'Description'],
  ['vatCode', 'Mva-kode', 'VAT code'],
  ['debit', 'Debet', 'Debit', 'amount'],
  ['credit', 'Kredit', 'Credit', 'amount'],
  ['balance', 'Saldo', 'Balance', 'amount'],
];

/** Per account: an opening line, its postings with the balance after each, a closing line. */
export function generalLedgerTable(accounts: LedgerAccount[], ctx: TableContext, range: Range) {
  const words = WORDS[ctx.language];
  const stem = `${pick(ctx, 'hovedbok', 'general-ledger')}-${range.from}-${range.to}`;
  const title = pick(ctx, 'Hovedbok (kontospesifikasjon)', 'General ledger');
  const rows = accounts.flatMap((a): Row[] => [
    {
      cells: { account: a.account, name: a.name, description: words.opening, balance: a.opening },
      emphasis: true,
    },
    ...a.postings.map((p) => ({
      cells: {
        account: a.account,
        date: p.date,
        voucher: `${p.series} ${p.number}`,
        description: p.description,
        vatCode: p.vatCode,
        ...sides(p.amount),
        balance: p.balance,
      },
    })),
    {
      cells: {
        account: a.account,
        description: words.closing,
        debit: a.debit,
        credit: a.credit,
        balance: a.closing,
      },
      emphasis: true,
    },
  ]);
  const table: Table = {
    ...frame(ctx, title, stem, periodText(ctx, range)),
    columns: columns(GENERAL_LEDGER, ctx.language),
    rows,
  };
  return table;
}

// Income statement ------------------------------------------------------------------------

const INCOME_STATEMENT: readonly ColumnDef[] = [
  ['account', 'Konto', 'Account'],
  ['name', 'Navn', 'Name'],
  ['amount', 'Beløp', 'Amount', 'amount'],
  ['lastYear', 'I fjor', 'Last year', 'amount'],
  ['budget', 'Budsjett', 'Budget', 'amount'],
];

/** Sections with lines get a heading and a sum; the subtotals and the result always show. */
export function incomeStatementTable(statement: IncomeStatement, ctx: TableContext, range: Range) {
  const words = WORDS[ctx.language];
  const stem = `${pick(ctx, 'resultatregnskap', 'income-statement')}-${range.from}-${range.to}`;
  const rows = statement.sections.flatMap((section): Row[] => [
    ...sectionRows(section, ctx),
    ...statement.subtotals
      .filter((s) => s.after === section.key)
      .map((s) => ({ cells: { name: pick(ctx, s.nameNb, s.nameEn), ...s }, emphasis: true })),
  ]);
  const result = {
    name: words.result,
    amount: statement.result,
    lastYear: statement.lastYearResult,
    budget: statement.budgetResult,
  };
  const table: Table = {
    ...frame(ctx, pick(ctx, 'Resultatregnskap', 'Income statement'), stem, periodText(ctx, range)),
    columns: columns(INCOME_STATEMENT, ctx.language),
    rows: [...rows, { cells: result, emphasis: true }],
  };
  return table;
}

function sectionRows(section: StatementSection, ctx: TableContext): Row[] {
  if (section.lines.length === 0) return [];
  const name = pick(ctx, section.nameNb, section.nameEn);
  const sumRow = {
    name: `${WORDS[ctx.language].sum} ${name.toLowerCase()}`,
    amount: section.total,
    lastYear: section.lastYearTotal,
    budget: section.budgetTotal,
  };
  return [
    { cells: { name }, emphasis: true },
    ...section.lines.map((l) => ({ cells: { ...l } })),
    { cells: sumRow, emphasis: true },
  ];
}

// Balance sheet ---------------------------------------------------------------------------

/** The amount columns are headed by their dates. */
export function balanceSheetTable(sheet: BalanceSheet, ctx: TableContext) {
  const words = WORDS[ctx.language];
  const defs: ColumnDef[] = [
    ['account', 'Konto', 'Account'],
    ['name', 'Navn', 'Name'],
    ['amount', sheet.at, sheet.at, 'amount'],
    ['lastYear', sheet.lastYearAt, sheet.lastYearAt, 'amount'],
  ];
  const rows = sheet.sections.flatMap((section): Row[] => {
    const name = pick(ctx, section.nameNb, section.nameEn);
    const sumName = `${words.sum} ${name.toLowerCase()}`;
    return [
      { cells: { name }, emphasis: true },
      ...section.lines.map((l) => ({ cells: { ...l } })),
      {
        cells: { name: sumName, amount: section.total, lastYear: section.lastYearTotal },
        emphasis: true,
      },
    ];
  });
  const both = {
    name: words.equityAndLiabilities,
    amount: sheet.totalEquityAndLiabilities,
    lastYear: sheet.lastYearTotalEquityAndLiabilities,
  };
  const stem = `${pick(ctx, 'balanse', 'balance-sheet')}-${sheet.at}`;
  const table: Table = {
    ...frame(ctx, pick(ctx, 'Balanse', 'Balance sheet'), stem, `${words.at} ${sheet.at}`),
    columns: columns(defs, ctx.language),
    rows: [...rows, { cells: both, emphasis: true }],
  };
  return table;
}

// VAT specification -----------------------------------------------------------------------

const VAT_SPECIFICATION: readonly ColumnDef[] = [
  ['vatCode', 'Mva-kode', 'VAT code'],
  ['name', 'Beskrivelse', 'Description'],
  ['basis', 'Grunnlag', 'Basis', 'amount'],
  ['outputVat', 'Utgående mva', 'Output VAT', 'amount'],
  ['inputVat', 'Inngående mva', 'Input VAT', 'amount'],
  ['vat', 'Mva', 'VAT', 'amount'],
];

export function vatSpecificationTable(spec: VatSpecification, ctx: TableContext, range: Range) {
  const stem = `${pick(ctx, 'mva-spesifikasjon', 'vat-specification')}-${range.from}-${range.to}`;
  const title = pick(ctx, 'Spesifikasjon av merverdiavgift', 'VAT specification');
  const table: Table = {
    ...frame(ctx, title, stem, periodText(ctx, range)),
    columns: columns(VAT_SPECIFICATION, ctx.language),
    rows: spec.items.map((i) => ({ cells: { ...i, name: pick(ctx, i.nameNb, i.nameEn) } })),
    totals: {
      name: WORDS[ctx.language].sum,
      outputVat: sum(spec.items, (i) => i.outputVat),
      inputVat: sum(spec.items, (i) => i.inputVat),
      vat: spec.totalVat,
    },
  };
  return table;
}

// Voucher journal -------------------------------------------------------------------------

const VOUCHER_JOURNAL: readonly ColumnDef[] = [
  ['voucher', 'Bilag', 'Voucher'],
  ['date', 'Dato', 'Date'],
  ['account', 'Konto', 'Account'],
  ['name', 'Kontonavn', 'Account name'],
  ['description', 'Tekst', 'Description'],
  ['vatCode', 'Mva-kode', 'VAT code'],
  ['debit', 'Debet', 'Debit', 'amount'],
  ['credit', 'Kredit', 'Credit', 'amount'],
];

/** A heading line per voucher, then its postings; a deleted voucher keeps its heading. */
export function voucherJournalTable(vouchers: JournalVoucher[], ctx: TableContext, range: Range) {
  const words = WORDS[ctx.language];
  const name = pick(ctx, 'bokforingsspesifikasjon', 'voucher-journal');
  const stem = `${name}-${range.from}-${range.to}`;
  const title = pick(ctx, 'Bokføringsspesifikasjon', 'Voucher journal');
  const rows = vouchers.flatMap((v): Row[] => {
    const voucher = `${v.series} ${v.number}`;
    const text = v.status === 'deleted' ? `${v.description} (${words.deleted})` : v.description;
    return [
      { cells: { voucher, date: v.date, description: text }, emphasis: true },
      ...v.postings.map((p) => ({
        cells: {
          voucher,
          date: v.date,
          account: p.account,
          name: p.accountName,
          description: p.description,
          vatCode: p.vatCode,
          ...sides(p.amount),
        },
      })),
    ];
  });
  const postings = vouchers.flatMap((v) => v.postings);
  const table: Table = {
    ...frame(ctx, title, stem, periodText(ctx, range)),
    columns: columns(VOUCHER_JOURNAL, ctx.language),
    rows,
    totals: {
      description: words.sum,
      debit: sum(postings, (p) => Math.max(p.amount, 0)),
      credit: sum(postings, (p) => Math.max(-p.amount, 0)),
    },
  };
  return table;
}
