import type { VatLineSpecification } from '../accounting/vat';

/** The shapes of the legal-output answers, as the server sends them (amounts in øre). */

export type TermLength = 'twoMonths' | 'month' | 'year';
export const TERM_LENGTHS: readonly TermLength[] = ['twoMonths', 'month', 'year'];

export interface VatReturnLine {
  /** Tells the line apart: code, specification, and basis or deduction line. */
  key: string;
  code: string;
  specification: VatLineSpecification | null;
  nameNb: string;
  nameEn: string;
  basis: number | null;
  /** A percentage, e.g. 25 or 11.11; none for lines without a rate. */
  rate: number | null;
  vat: number;
  /** The remark written for the line at the latest closing. */
  remark: string | null;
  /** The Tax Administration's rules want a remark on this line. */
  remarkRequired: boolean;
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
  /** Open until closed; `correcting` while an administrator has reopened it. */
  status: VatTermStatus;
  /** The latest closed version: 1 the original return, 2 the first correction, … */
  version: number | null;
  /** The remark on the whole return from the latest closing. */
  remark: string | null;
  history: VatReturnVersion[];
  /** VAT not yet settled to 2740, signed as the total; what closing a correction settles. */
  unsettled: number;
}

export type VatTermStatus = 'open' | 'closed' | 'correcting';

export interface VoucherRef {
  id: number;
  series: string;
  number: number;
}

export interface VatReturnVersion {
  version: number;
  closedAt: string;
  closedBy: { id: number; name: string } | null;
  voucher: VoucherRef | null;
  total: number | null;
  remark: string | null;
}

/** What closing is given: a remark on the whole return and on single lines (by key). */
export interface VatCloseRemarks {
  remark?: string;
  lineRemarks?: { key: string; text: string }[];
}

export interface VatClosing {
  year: number;
  term: number;
  from: string;
  to: string;
  version: number;
  voucher: VoucherRef | null;
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
