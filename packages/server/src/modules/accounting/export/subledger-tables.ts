import type { AgedBalance, PartyLedger } from '../subledger-report.service';
import {
  type ColumnDef,
  columns,
  frame,
  periodText,
  pick,
  type Range,
  sides,
  sum,
  type TableContext,
  WORDS,
} from './report-tables';
import type { Row, Table } from './table';

type Kind = 'customer' | 'supplier';

const titles = (kind: Kind) =>
  kind === 'customer'
    ? (['Kundespesifikasjon', 'Customer ledger', 'kundespesifikasjon', 'customer-ledger'] as const)
    : ([
        'Leverandørspesifikasjon',
        'Supplier ledger',
        'leverandorspesifikasjon',
        'supplier-ledger',
      ] as const);

const LEDGER: readonly ColumnDef[] = [
  ['party', 'Nr.', 'No.'],
  ['name', 'Navn', 'Name'],
  ['date', 'Dato', 'Date'],
  ['voucher', 'Bilag', 'Voucher'],
  ['invoice', 'Faktura', 'Invoice'],
  ['dueDate', 'Forfall', 'Due'],
  ['debit', 'Debet', 'Debit', 'amount'],
  ['credit', 'Kredit', 'Credit', 'amount'],
  ['balance', 'Saldo', 'Balance', 'amount'],
];

/** Per customer or supplier: the opening balance, each posting with the balance after it. */
export function partyLedgerTable(
  parties: PartyLedger[],
  kind: Kind,
  ctx: TableContext,
  range: Range,
) {
  const [nb, en, stemNb, stemEn] = titles(kind);
  const words = WORDS[ctx.language];
  const rows: Row[] = parties.flatMap((p) => [
    {
      cells: { party: p.number, name: p.name, voucher: words.opening, balance: p.opening },
      emphasis: true,
    },
    ...p.postings.map((posting) => ({
      cells: {
        party: p.number,
        name: p.name,
        date: posting.date,
        voucher: `${posting.series}${posting.number}`,
        invoice: posting.invoiceNumber,
        dueDate: posting.dueDate,
        ...sides(posting.amount),
        balance: posting.balance,
      },
    })),
  ]);
  return {
    ...frame(
      ctx,
      pick(ctx, nb, en),
      `${pick(ctx, stemNb, stemEn)}-${range.from}-${range.to}`,
      periodText(ctx, range),
    ),
    columns: columns(LEDGER, ctx.language),
    rows,
    totals: { name: words.closing, balance: sum(parties, (p) => p.closing) },
  } satisfies Table;
}

const AGED: readonly ColumnDef[] = [
  ['party', 'Nr.', 'No.'],
  ['name', 'Navn', 'Name'],
  ['notDue', 'Ikke forfalt', 'Not due', 'amount'],
  ['days0to30', '0–30 dager', '0–30 days', 'amount'],
  ['days31to60', '31–60 dager', '31–60 days', 'amount'],
  ['days61to90', '61–90 dager', '61–90 days', 'amount'],
  ['over90', 'Over 90 dager', 'Over 90 days', 'amount'],
  ['total', 'Saldo', 'Balance', 'amount'],
];

const AGED_KEYS = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;

/** Open items per customer or supplier by days past due; the last column is the balance list. */
export function agedOpenItemsTable(
  items: AgedBalance[],
  kind: Kind,
  ctx: TableContext,
  at: string,
) {
  const title =
    kind === 'customer'
      ? ['Aldersfordelte kundeposter', 'Aged receivables']
      : ['Aldersfordelte leverandørposter', 'Aged payables'];
  const stem = `${pick(ctx, 'aldersfordeling', 'aged-open-items')}-${kind}-${at}`;
  const totals: Record<string, number | string> = { name: WORDS[ctx.language].sum };
  for (const key of AGED_KEYS) totals[key] = sum(items, (i) => i[key]);
  return {
    ...frame(ctx, pick(ctx, title[0]!, title[1]!), stem, `${WORDS[ctx.language].at} ${at}`),
    columns: columns(AGED, ctx.language),
    rows: items.map((i) => ({ cells: { ...i, party: i.number } })),
    totals,
  } satisfies Table;
}
