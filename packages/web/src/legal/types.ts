/** The shapes of the legal-output answers, as the server sends them (amounts in øre). */

export type TermLength = 'twoMonths' | 'month' | 'year';
export const TERM_LENGTHS: readonly TermLength[] = ['twoMonths', 'month', 'year'];

export interface VatReturnLine {
  code: string;
  nameNb: string;
  nameEn: string;
  basis: number | null;
  /** A percentage, e.g. 25 or 11.11; none for lines without a rate. */
  rate: number | null;
  vat: number;
}

export interface VatWarning {
  voucherId: number;
  /** Series and number together, e.g. "A12". */
  voucher: string;
  date: string;
  account: string;
  amount: number;
  defaultVatCode: string;
}

export interface VatReturn {
  year: number;
  term: number;
  termLength: TermLength;
  from: string;
  to: string;
  lines: VatReturnLine[];
  total: number;
  warnings: VatWarning[];
  closed: boolean;
}

export interface VatClosing {
  year: number;
  term: number;
  from: string;
  to: string;
  voucher: { id: number; series: string; number: number } | null;
}

export interface NaeringLine {
  category: string;
  code: string;
  name: string;
  amount: number;
  accounts: { account: string; name: string; amount: number }[];
}

export interface NaeringSpec {
  year: number;
  from: string;
  to: string;
  lines: NaeringLine[];
  invalid: { account: string; name: string; category: string; code: string; amount: number }[];
}

export interface PayrollMapping {
  date: string;
  account: string;
  amount: string;
  department?: string;
  project?: string;
  text?: string;
}
export type MappingField = keyof PayrollMapping;

export interface PayrollRow {
  line: number;
  date: string;
  account: string;
  department: string | null;
  project: string | null;
  amount: number;
  text: string;
  errors: string[];
}

export interface PayrollPreview {
  mapping: PayrollMapping;
  rows: PayrollRow[];
  debit: number;
  credit: number;
  date: string | null;
  valid: boolean;
}

export interface PayrollImportInput {
  csv: string;
  mapping: PayrollMapping;
  description?: string;
}
