import { toDecimalString } from '@nordbok/core';
import type { Cell, Column, Table } from './table';

/**
 * Comma-separated, one line per row, headed by the column keys. Amounts are written for
 * programs, not people: 1 234,56 kr becomes `1234.56` and −250 kr `-250.00`.
 * Shortcoming: text cells starting with = + - @ are written as they are, with no guard
 * against spreadsheet formula injection yet.
 */
export function renderCsv(table: Table): string {
  const header = table.columns.map((c) => quote(c.key));
  const lines = table.rows.map((row) =>
    table.columns.map((c) => csvCell(c, row.cells[c.key] ?? null)),
  );
  return `${[header, ...lines].map((cells) => cells.join(',')).join('\n')}\n`;
}

function csvCell(column: Column, value: Cell): string {
  if (value === null) return '';
  if (column.kind === 'amount' && typeof value === 'number') return toDecimalString(value);
  return quote(defused(String(value)));
}

function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Quotes a value only when it holds a comma, a quote or a line break (RFC 4180). */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
