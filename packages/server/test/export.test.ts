import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/modules/accounting/export/render';
import type { Table } from '../src/modules/accounting/export/table';

function table(rows: Table['rows'], totals?: Table['totals']): Table {
  return {
    title: 'Saldobalanse',
    fileStem: 'saldobalanse-2026-01-01-2026-12-31',
    company: 'Eksport AS',
    subtitle: 'Periode 2026-01-01 – 2026-12-31',
    produced: 'Produsert 03.12.2026, 10:15',
    pageLabel: (n, of) => `Side ${n} av ${of}`,
    columns: [
      { key: 'account', header: 'Konto', kind: 'text' },
      { key: 'name', header: 'Navn', kind: 'text' },
      { key: 'closing', header: 'Utgående saldo', kind: 'amount' },
    ],
    rows,
    ...(totals ? { totals } : {}),
  };
}

const awkward = table(
  [
    { cells: { account: '1920', name: 'Bank', closing: 123456 } },
    { cells: { account: '2700', name: 'Utgående mva, høy sats', closing: -25000 } },
    { cells: { account: '3000', name: 'Salg "stort"', closing: -5 } },
    { cells: { account: '4300', name: 'To\nlinjer', closing: null } },
    { cells: { account: '5000', name: 'Lønn', closing: 100_000_000_00 } },
  ],
  { name: 'Sum', closing: 100_000_098_451 },
);

/** WinAnsi differs from Latin-1 in a few places; these are the ones the reports use. */
const WIN_ANSI: Record<string, string> = { '\x85': '…', '\x96': '–', '\xb7': '·' };

/**
 * The text a PDF shows. pdfkit deflates each page's content stream (its length is in the
 * stream's dictionary) and writes text as hex strings in TJ arrays, split where it kerns:
 * `[<4b> 35 <6f6e746f> 0] TJ` is "Konto".
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\n/g)) {
    const start = match.index + match[0].length;
    const data = pdf.subarray(start, start + Number(match[1]));
    const content = zlib.inflateSync(data).toString('latin1');
    for (const [, array] of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...array!.matchAll(/<([0-9a-f]*)>/g)].map((m) => m[1]).join('');
      const text = Buffer.from(hex, 'hex').toString('latin1');
      lines.push(text.replace(/[\x85\x96\xb7]/g, (c) => WIN_ANSI[c] ?? c));
    }
  }
  return lines.join('\n');
}

describe('report exports', () => {
  it('writes CSV with column keys, dot decimals and quotes only where needed', async () => {
    const file = await renderTable('csv', awkward);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toBe('saldobalanse-2026-01-01-2026-12-31.csv');
    expect(file.body).toBe(
      [
        'account,name,closing',
        '1920,Bank,1234.56',
        '2700,"Utgående mva, høy sats",-250.00',
        '3000,"Salg ""stort""",-0.05',
        '4300,"To\nlinjer",',
        '5000,Lønn,100000000.00',
        '',
      ].join('\n'),
    );
  });

  it('writes text a spreadsheet would run as a formula as plain text', async () => {
    const file = await renderTable(
      'csv',
      table([
        { cells: { account: '1500', name: '=HYPERLINK("http://x","Kunde")', closing: -100 } },
        { cells: { account: '1501', name: '+47 55 12 34 56', closing: 0 } },
        { cells: { account: '1502', name: '@SUM(A1)', closing: 5 } },
        { cells: { account: '1503', name: '-avrunding', closing: -5 } },
      ]),
    );
    expect(String(file.body).split('\n').slice(1, 5)).toEqual([
      `1500,"'=HYPERLINK(""http://x"",""Kunde"")",-1.00`,
      "1501,'+47 55 12 34 56,0.00",
      "1502,'@SUM(A1),0.05",
      "1503,'-avrunding,-0.05",
    ]);
  });

  it('writes XLSX with a heading, bold headers, NOK numbers and a bold total', async () => {
    const file = await renderTable('xlsx', awkward);
    expect(file.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(file.body as Buffer).buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Saldobalanse');
    expect([1, 2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual([
      'Saldobalanse',
      'Eksport AS',
      'Periode 2026-01-01 – 2026-12-31',
      'Produsert 03.12.2026, 10:15',
    ]);
    const header = sheet.getRow(6);
    expect(header.values).toEqual([undefined, 'Konto', 'Navn', 'Utgående saldo']);
    expect(header.getCell(1).font?.bold).toBe(true);
    const bank = sheet.getRow(7);
    expect(bank.getCell(3).value).toBe(1234.56);
    expect(bank.getCell(3).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(8).getCell(3).value).toBe(-250);
    expect(sheet.getRow(10).getCell(3).value).toBeNull();
    const sum = sheet.getRow(12);
    expect(sum.getCell(2).value).toBe('Sum');
    expect(sum.getCell(3).value).toBe(1_000_000_984.51);
    expect(sum.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Utgående mva, høy sats'.length);
  });

  it('writes a PDF with the title, Norwegian amounts and the total', async () => {
    const file = await renderTable('pdf', awkward);
    const pdf = file.body as Buffer;
    expect(file.contentType).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The document's Title entry, an indirect string object: `14 0 obj (Saldobalanse) endobj`.
    expect(pdf.toString('latin1')).toMatch(/obj\s*\(Saldobalanse\)\s*endobj/);
    const text = pdfText(pdf);
    for (const shown of ['Saldobalanse', 'Eksport AS', 'Utgående mva, høy sats', 'Side 1 av 1']) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('1\u00a0234,56');
    expect(text).toContain('-250,00');
    expect(text).toContain('1\u00a0000\u00a0000\u00a0984,51');
    expect(text).toContain('To linjer');
  });

  it('breaks long PDFs into numbered pages that repeat the column headers', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      cells: { account: String(1000 + i), name: `Konto ${i}`, closing: i * 100 },
    }));
    const pdf = (await renderTable('pdf', table(rows))).body as Buffer;
    const text = pdfText(pdf);
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Side ${pages} av ${pages}`);
    expect(text.split('\n').filter((l) => l === 'Utgående saldo')).toHaveLength(pages);
    expect(text).toContain('Konto 149');
  });
});
