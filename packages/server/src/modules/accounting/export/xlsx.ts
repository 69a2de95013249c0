import { formatAmount } from '@nordbok/core';
import ExcelJS from 'exceljs';
import type { Cell, Column, Row, Table } from './table';

/**
 * Excel's own notation, stored the same in every file: `,` groups thousands and `.` marks
 * the decimals, and Excel shows them as the reader's locale does (1 234,56 in Norway).
 * A literal space, as in `# ##0.00`, would group only the last three digits: 1234 567,89.
 */
const NOK_FORMAT = '#,##0.00';
/** Title, company, dates, produced, a blank line: the column headers go on row 6. */
const HEADER_ROW = 6;
const MAX_WIDTH = 60;

/** One worksheet: a heading block, bold column headers, then amounts as numbers in NOK. */
export async function renderXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nordbok';
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  writeHeading(sheet, table);
  for (const row of table.rows) addRow(sheet, table.columns, row);
  if (table.totals) addRow(sheet, table.columns, { cells: table.totals, emphasis: true });
  setWidths(sheet, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHeading(sheet: ExcelJS.Worksheet, table: Table) {
  sheet.getCell('A1').value = table.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = table.company;
  sheet.getCell('A3').value = table.subtitle;
  sheet.getCell('A4').value = table.produced;

  const header = sheet.getRow(HEADER_ROW);
  header.values = table.columns.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const [i, column] of table.columns.entries()) {
    if (column.kind === 'amount') header.getCell(i + 1).alignment = { horizontal: 'right' };
  }
}

function addRow(sheet: ExcelJS.Worksheet, columns: Column[], row: Row) {
  const added = sheet.addRow(columns.map((c) => xlsxValue(c, row.cells[c.key] ?? null)));
  for (const [i, column] of columns.entries()) {
    if (column.kind === 'amount') added.getCell(i + 1).numFmt = NOK_FORMAT;
  }
  if (row.emphasis) added.font = { bold: true };
}

/** Øre become NOK here and nowhere earlier: 123456 → 1234.56. */
function xlsxValue(column: Column, value: Cell): string | number | null {
  if (column.kind === 'amount' && typeof value === 'number') return value / 100;
  return value;
}

/** Wide enough for the longest header or value, within reason. */
function setWidths(sheet: ExcelJS.Worksheet, table: Table) {
  const rows = table.totals ? [...table.rows, { cells: table.totals }] : table.rows;
  for (const [i, column] of table.columns.entries()) {
    const widest = rows.reduce(
      (w, r) => Math.max(w, shownLength(column, r.cells[column.key] ?? null)),
      column.header.length,
    );
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, widest + 2);
  }
}

function shownLength(column: Column, value: Cell): number {
  if (value === null) return 0;
  if (column.kind === 'amount' && typeof value === 'number') return formatAmount(value).length;
  return String(value).length;
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
