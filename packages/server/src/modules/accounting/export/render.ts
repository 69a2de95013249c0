import { renderCsv } from './csv';
import { renderPdf } from './pdf';
import type { Table } from './table';
import { renderXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface Rendered {
  contentType: string;
  fileName: string;
  body: Buffer | string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Writes a report table as a file to download. */
export async function renderTable(format: ExportFormat, table: Table): Promise<Rendered> {
  const body =
    format === 'csv'
      ? renderCsv(table)
      : format === 'xlsx'
        ? await renderXlsx(table)
        : await renderPdf(table);
  return { contentType: CONTENT_TYPES[format], fileName: `${table.fileStem}.${format}`, body };
}
