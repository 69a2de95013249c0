/**
 * Shapes of the ledger API (/api/v1/companies/:companyId/…). Amounts are signed integer øre:
 * debit positive, credit negative.
 */

import type { VatLineSpecification } from './vat';

export type Subledger = 'customer' | 'supplier';

export interface Account {
  number: string;
  nameNb: string;
  nameEn: string;
  kind: string;
  vatCode: string | null;
  groupingCategory: string;
  groupingCode: string;
  subledger: Subledger | null;
  blocked: boolean;
}

export interface NewAccount {
  number: string;
  nameNb: string;
  nameEn?: string;
  vatCode?: string | null;
  groupingCategory: string;
  groupingCode: string;
}

export type AccountChanges = Partial<Pick<Account, 'nameNb' | 'nameEn' | 'vatCode' | 'blocked'>>;

/** A department or a project: both are dimensions a posting can be tagged with. */
export interface Dimension {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  blocked: boolean;
}

export interface Party {
  id: number;
  name: string;
  orgNumber: string | null;
  customerNumber: number | null;
  supplierNumber: number | null;
}

export interface CurrencyAmount {
  code: string;
  amount: number;
  rate: string;
}

export interface VoucherLineInput {
  account: string;
  amount?: number;
  vatCode?: string | null;
  entry?: 'gross' | 'net';
  description?: string;
  departmentId?: number | null;
  projectId?: number | null;
  partyId?: number | null;
  invoiceNumber?: string | null;
  dueDate?: string | null;
  kid?: string | null;
  currency?: CurrencyAmount | null;
  vatSpecification?: VatLineSpecification | null;
}

export interface VoucherInput {
  series?: string;
  date: string;
  description: string;
  opening?: boolean;
  lines: VoucherLineInput[];
}

export type VatKind = 'base' | 'output' | 'input';

export interface Posting {
  id: number;
  lineNo: number;
  account: string;
  amount: number;
  vatCode: string | null;
  vatKind: VatKind | null;
  /** The VAT return's specification line this posting belongs to (uttak, tapPåKrav, …). */
  vatSpecification?: VatLineSpecification | null;
  description: string;
  departmentId: number | null;
  projectId: number | null;
  partyId: number | null;
  invoiceNumber: string | null;
  dueDate: string | null;
  kid: string | null;
  currency: CurrencyAmount | null;
}

export interface Voucher {
  id: number;
  series: string;
  number: number;
  fiscalYear: number;
  period: number;
  date: string;
  description: string;
  status: 'posted' | 'deleted';
  postings: Posting[];
}

export interface Period {
  period: number;
  startDate: string;
  endDate: string;
  locked: boolean;
}

export interface FiscalYear {
  year: number;
  startDate: string;
  endDate: string;
  periods: Period[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface DateRange {
  from: string;
  to: string;
}

export interface TrialBalanceRow {
  account: string;
  name: string;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

export interface LedgerPosting {
  postingId: number;
  voucherId: number;
  series: string;
  number: number;
  date: string;
  description: string;
  vatCode: string | null;
  amount: number;
  balance: number;
}

export interface LedgerAccount {
  account: string;
  name: string;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
  postings: LedgerPosting[];
}

export interface StatementLine {
  /** Null on a line that is not one account (e.g. the year's result in the balance sheet). */
  account: string | null;
  name: string;
  amount: number;
  lastYear?: number | null;
  budget?: number | null;
}

export interface StatementSection {
  key: string;
  nameNb: string;
  nameEn: string;
  lines: StatementLine[];
  total: number;
  lastYearTotal?: number | null;
  budgetTotal?: number | null;
}

/** A running total shown after the section named by `after`, e.g. the operating result. */
export interface StatementSubtotal {
  key: string;
  nameNb: string;
  nameEn: string;
  after: string;
  amount: number;
  lastYear?: number | null;
  budget?: number | null;
}

export interface IncomeStatement {
  sections: StatementSection[];
  subtotals?: StatementSubtotal[];
  result: number;
  lastYearResult?: number | null;
  budgetResult?: number | null;
}

/** Assets, and equity and liabilities, in sections like those of the income statement. */
export interface BalanceSheet {
  at: string;
  lastYearAt?: string;
  sections: StatementSection[];
  totalAssets: number;
  lastYearTotalAssets?: number | null;
  totalEquityAndLiabilities: number;
  lastYearTotalEquityAndLiabilities?: number | null;
}

export interface VatSpecificationItem {
  vatCode: string;
  nameNb: string;
  nameEn: string;
  direction: string;
  basis: number;
  outputVat?: number;
  inputVat?: number;
  vat: number;
}

export interface VatSpecification {
  items: VatSpecificationItem[];
  totalVat: number;
}

export interface NewParty {
  name: string;
  orgNumber?: string;
  customer?: boolean;
  supplier?: boolean;
}

export interface Settlement {
  id: number;
  /** The posting on the other side: the payment for an invoice, the invoice for a payment. */
  postingId: number;
  amount: number;
  matchedBy: 'kid' | 'invoice-number' | 'manual';
}

/** A posting on a customer or supplier account and how much of it is not yet settled. */
export interface OpenItem {
  postingId: number;
  voucherId: number;
  series: string;
  number: number;
  date: string;
  dueDate: string | null;
  account: string;
  partyId: number;
  invoiceNumber: string | null;
  kid: string | null;
  description: string;
  amount: number;
  open: number;
  settlements: Settlement[];
}

export interface SubledgerPosting {
  postingId: number;
  voucherId: number;
  series: string;
  number: number;
  date: string;
  dueDate: string | null;
  invoiceNumber: string | null;
  kid: string | null;
  description: string;
  amount: number;
  open: number;
  balance: number;
}

export interface PartyLedger {
  partyId: number;
  name: string;
  number: number | null;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
  postings: SubledgerPosting[];
}

export interface AgeBuckets {
  notDue: number;
  days0to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
}

export interface AgedParty extends AgeBuckets {
  partyId: number;
  name: string;
  number: number | null;
}

export interface AgedOpenItems {
  items: AgedParty[];
  total: AgeBuckets;
}

export interface Attachment {
  id: number;
  voucherId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}
