import {
  type ColumnDef,
  columns,
  frame,
  periodText,
  pick,
  type TableContext,
} from '../accounting/export/report-tables';
import type { Table } from '../accounting/export/table';
import type { ForecastMonth, FunnelReport, Range } from './report.service';

const FUNNEL: readonly ColumnDef[] = [
  ['from', 'Fra', 'From'],
  ['to', 'Til', 'To'],
  ['entered', 'Inn', 'Entered'],
  ['converted', 'Videre', 'Converted'],
  ['rate', 'Konvertering %', 'Conversion %'],
  ['averageDays', 'Snitt dager', 'Average days'],
];

/** The funnel report as a table: one line per pair of neighbouring steps. */
export function funnelTable(report: FunnelReport, ctx: TableContext): Table {
  const leads = report.kind === 'leads';
  const title = leads
    ? pick(ctx, 'Trakt for ledetråder', 'Lead funnel')
    : pick(ctx, 'Salgstrakt', 'Sales funnel');
  const name = leads ? pick(ctx, 'ledetrader', 'leads') : pick(ctx, 'salgstrakt', 'sales-funnel');
  const stem = `${name}-${report.from}-${report.to}`;
  return {
    ...frame(ctx, title, stem, periodText(ctx, report)),
    columns: columns(FUNNEL, ctx.language),
    rows: report.steps.map((s) => ({
      cells: {
        from: s.fromName,
        to: s.toName,
        entered: String(s.entered),
        converted: String(s.converted),
        rate: s.rate === null ? null : s.rate.toFixed(1),
        averageDays: s.averageDays === null ? null : s.averageDays.toFixed(1),
      },
    })),
  };
}

const FORECAST: readonly ColumnDef[] = [
  ['month', 'Måned', 'Month'],
  ['count', 'Antall', 'Count'],
  ['amount', 'Beløp', 'Amount', 'amount'],
  ['weighted', 'Vektet', 'Weighted', 'amount'],
];

export function forecastTable(
  forecast: Range & { months: ForecastMonth[]; total: ForecastMonth },
  ctx: TableContext,
): Table {
  const stem = `${pick(ctx, 'salgsprognose', 'sales-forecast')}-${forecast.from}-${forecast.to}`;
  return {
    ...frame(ctx, pick(ctx, 'Salgsprognose', 'Sales forecast'), stem, periodText(ctx, forecast)),
    columns: columns(FORECAST, ctx.language),
    rows: forecast.months.map((m) => ({
      cells: { month: m.month, count: String(m.count), amount: m.amount, weighted: m.weighted },
    })),
    totals: {
      month: pick(ctx, 'Sum', 'Total'),
      count: String(forecast.total.count),
      amount: forecast.total.amount,
      weighted: forecast.total.weighted,
    },
  };
}
