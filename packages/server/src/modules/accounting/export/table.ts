/**
 * A report laid out as one table, the shape every export format is written from. Reports
 * build a Table (see report-tables.ts); csv.ts, xlsx.ts and pdf.ts only know this shape.
 */

/** Amount cells hold signed integer øre; they become NOK only when a file is written. */
export type Cell = string | number | null;

export interface Column {
  /** The row key, and the CSV header: stable English names that programs can rely on. */
  key: string;
  /** The header people read in the spreadsheet and the PDF, in the user's language. */
  header: string;
  kind: 'text' | 'amount';
}

export interface Row {
  cells: Record<string, Cell>;
  /** Section headings, subtotals and results, set in bold. */
  emphasis?: boolean;
}

export interface Table {
  title: string;
  /** The file name without its extension, in plain ASCII: `saldobalanse-2026-01-01-2026-12-31`. */
  fileStem: string;
  company: string;
  /** Dates and filters on one line. */
  subtitle: string;
  /** When the report was produced: bff § 3-1 asks every specification to show it. */
  produced: string;
  /** Labels the PDF footer uses: `Side 2 av 5`. */
  pageLabel: (page: number, pages: number) => string;
  columns: Column[];
  rows: Row[];
  /**
   * A closing sum line for people (spreadsheet and PDF). CSV leaves it out so that a program
   * reading the file back gets nothing but data lines.
   */
  totals?: Record<string, Cell>;
}
