import type { NaeringSpecification } from '../naering.service';
import {
  type ColumnDef,
  columns,
  frame,
  periodText,
  pick,
  type TableContext,
  WORDS,
} from './report-tables';
import type { Row, Table } from './table';

const COLUMNS: readonly ColumnDef[] = [
  ['category', 'Kategori', 'Category'],
  ['code', 'Kode', 'Code'],
  ['name', 'Navn', 'Name'],
  ['account', 'Konto', 'Account'],
  ['amount', 'Beløp', 'Amount', 'amount'],
];

/** One line per grouping code with its accounts beneath; invalid codes listed last. */
export function naeringTable(spec: NaeringSpecification, ctx: TableContext): Table {
  const rows: Row[] = spec.lines.flatMap((line) => [
    {
      cells: { category: line.category, code: line.code, name: line.name, amount: line.amount },
      emphasis: true,
    },
    ...line.accounts.map((a) => ({
      cells: { account: a.account, name: a.name, amount: a.amount },
    })),
  ]);
  for (const a of spec.invalid) {
    const flag = pick(ctx, 'UGYLDIG KODE', 'INVALID CODE');
    rows.push({
      cells: {
        category: a.category,
        code: a.code,
        name: `${flag}: ${a.name}`,
        account: a.account,
        amount: a.amount,
      },
    });
  }
  const title = pick(ctx, 'Næringsspesifikasjon', 'Business specification');
  return {
    ...frame(
      ctx,
      title,
      `${pick(ctx, 'naeringsspesifikasjon', 'business-specification')}-${spec.year}`,
      periodText(ctx, spec),
    ),
    columns: columns(COLUMNS, ctx.language),
    rows,
    totals: { name: WORDS[ctx.language].sum, amount: spec.lines.reduce((s, l) => s + l.amount, 0) },
  };
}
