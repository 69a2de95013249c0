import { formatAmount } from '@nordbok/core';
import PDFDocument from 'pdfkit';
import type { Cell, Column, Row, Table } from './table';

type Doc = PDFKit.PDFDocument;

const MARGIN = 36;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 8;
const ROW_HEIGHT = 13;
const PAD = 4;
/** Kept free at the foot of every page for the page number. */
const FOOTER = 18;
const MIN_TEXT_WIDTH = 30;

interface Placed {
  column: Column;
  x: number;
  width: number;
}

/**
 * A4 landscape: title, company, dates and when it was produced, then the table. Amounts are
 * right-aligned as written in Norway (1 234,56), the column headers repeat on every page,
 * and every page ends with `Side n av m`.
 */
export function renderPdf(table: Table): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: table.title, Author: table.company, Creator: 'Nordbok' },
  });
  const finished = collect(doc);
  const placed = layOut(doc, table);

  let y = writeHeader(doc, placed, writeHeading(doc, table));
  for (const row of allRows(table)) y = writeRow(doc, placed, row, y);

  numberPages(doc, table);
  doc.end();
  return finished;
}

/** The bytes of a PDF as pdfkit writes it, once it has ended. */
export function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function allRows(table: Table): Row[] {
  return table.totals ? [...table.rows, { cells: table.totals, emphasis: true }] : table.rows;
}

function shown(column: Column, value: Cell): string {
  if (value === null) return '';
  if (column.kind === 'amount' && typeof value === 'number') return formatAmount(value);
  // A cell is one line: a line break in a description would run into the next row.
  return String(value).replace(/\s+/g, ' ');
}

/** Places the columns side by side across the page; see shareWidth for how. */
function layOut(doc: Doc, table: Table): Placed[] {
  const natural = table.columns.map((c) => naturalWidth(doc, table, c));
  const widths = shareWidth(table.columns, natural, doc.page.width - 2 * MARGIN);
  let x = MARGIN;
  return table.columns.map((column, i) => {
    const placed = { column, x, width: widths[i] ?? 0 };
    x += placed.width;
    return placed;
  });
}

/** What a column needs to show its header and every value unclipped, measured in bold. */
function naturalWidth(doc: Doc, table: Table, column: Column): number {
  doc.font(BOLD).fontSize(SIZE);
  let widest = doc.widthOfString(column.header);
  for (const row of allRows(table)) {
    widest = Math.max(widest, doc.widthOfString(shown(column, row.cells[column.key] ?? null)));
  }
  // One point to spare, so that rounding in the sums never clips the widest value.
  return widest + 2 * PAD + 1;
}

/**
 * Amount columns get what they need. Text columns share the rest in proportion to what
 * they need, so they stretch to fill the page or shrink (and clip with …) to fit it.
 */
function shareWidth(columns: Column[], natural: number[], available: number): number[] {
  const isText = (i: number) => columns[i]?.kind === 'text';
  const total = (keep: (i: number) => boolean) =>
    natural.reduce((s, w, i) => (keep(i) ? s + w : s), 0);
  const textNeeds = total(isText);
  if (textNeeds === 0) return natural;
  const room = Math.max(available - total((i) => !isText(i)), 0);
  return natural.map((w, i) => (isText(i) ? Math.max(MIN_TEXT_WIDTH, (room * w) / textNeeds) : w));
}

/** Title, company, dates and the production time; returns where the table starts. */
function writeHeading(doc: Doc, table: Table): number {
  doc.font(BOLD).fontSize(16).text(table.title, MARGIN, MARGIN, { lineBreak: false });
  doc.font(FONT).fontSize(10);
  const lines = [table.company, table.subtitle, table.produced];
  for (const [i, line] of lines.entries()) {
    doc.text(line, MARGIN, MARGIN + 24 + i * 13, { lineBreak: false });
  }
  return MARGIN + 24 + lines.length * 13 + 12;
}

function writeHeader(doc: Doc, placed: Placed[], y: number): number {
  doc.font(BOLD).fontSize(SIZE);
  for (const p of placed) writeCell(doc, p, p.column.header, y);
  const under = y + ROW_HEIGHT - 3;
  doc
    .moveTo(MARGIN, under)
    .lineTo(doc.page.width - MARGIN, under)
    .lineWidth(0.5)
    .stroke();
  return y + ROW_HEIGHT + 2;
}

/** Writes one row at y, first moving to a new page (with the headers) when it would not fit. */
function writeRow(doc: Doc, placed: Placed[], row: Row, y: number): number {
  let top = y;
  if (top + ROW_HEIGHT > doc.page.height - MARGIN - FOOTER) {
    doc.addPage();
    top = writeHeader(doc, placed, MARGIN);
  }
  doc.font(row.emphasis ? BOLD : FONT).fontSize(SIZE);
  for (const p of placed) writeCell(doc, p, shown(p.column, row.cells[p.column.key] ?? null), top);
  return top + ROW_HEIGHT;
}

/** Positions are computed here, so pdfkit never wraps a cell or breaks a page on its own. */
function writeCell(doc: Doc, placed: Placed, text: string, y: number) {
  const fitted = clip(doc, text, placed.width - 2 * PAD);
  const x =
    placed.column.kind === 'amount'
      ? placed.x + placed.width - PAD - doc.widthOfString(fitted)
      : placed.x + PAD;
  doc.text(fitted, x, y, { lineBreak: false });
}

function clip(doc: Doc, text: string, room: number): string {
  if (doc.widthOfString(text) <= room) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The footer goes in last, when the number of pages is known. */
function numberPages(doc: Doc, table: Table) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    doc.font(FONT).fontSize(7);
    const y = doc.page.height - MARGIN - 8;
    const label = table.pageLabel(i + 1, count);
    doc.text(`${table.title} · ${table.company}`, MARGIN, y, { lineBreak: false });
    doc.text(label, doc.page.width - MARGIN - doc.widthOfString(label), y, { lineBreak: false });
  }
}
