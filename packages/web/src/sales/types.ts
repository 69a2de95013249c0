/**
 * The document API's shapes as the server sends them (modules/sales, document.schemas.ts).
 * Quantities are units with up to three decimals; prices and amounts are øre in the
 * document's currency; discounts are basis points (12,5 % = 1250).
 */
import type { DocumentKind } from '@nordbok/core';

export type { DocumentKind };
export type Side = 'sales' | 'purchase';

export interface DocumentSummary {
  id: number;
  kind: DocumentKind;
  number: number;
  date: string;
  dueDate: string | null;
  partyId: number;
  partyName: string;
  status: number;
  currency: string | null;
  net: number;
  gross: number;
  /** What remains to pay on a claim (document currency), else 0. */
  open: number;
  salespersonId: number | null;
  yourReference: string;
}

export interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
  total: number | null;
}

export interface DocumentLink {
  documentId: number;
  kind: DocumentKind;
  number: number;
  lineId: number | null;
  /** The line on this document the link starts or ends at. */
  ownLineId: number | null;
  quantity: number;
  amount: number;
}

export interface DocumentLine {
  id: number;
  lineNo: number;
  itemId: number | null;
  itemNumber: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  discount: number;
  net: number;
  vatCode: string | null;
  account: string | null;
  departmentId: number | null;
  projectId: number | null;
  warehouseId: number | null;
  cost: number;
  margin: number;
  /** Basis points of the net; null when the net is zero. */
  marginPercent: number | null;
  carried: number;
  remaining: number;
  status: number;
}

export interface DocumentEvent {
  id: number;
  lineId: number | null;
  kind: string;
  text: string;
  at: string;
  userName: string | null;
}

export interface VatByCode {
  code: string;
  rate: number;
  base: number;
  vat: number;
}

export interface Document extends DocumentSummary {
  ourReference: string;
  departmentId: number | null;
  projectId: number | null;
  warehouseId: number | null;
  rate: string | null;
  kid: string | null;
  externalNumber: string | null;
  text: string;
  cash: boolean;
  paymentAccount: string | null;
  attachmentId: number | null;
  voucherId: number | null;
  creditsDocumentId: number | null;
  reminderLevel: number;
  vat: number;
  grossNok: number;
  cost: number;
  margin: number;
  marginPercent: number | null;
  paid: number;
  vatByCode: VatByCode[];
  lines: DocumentLine[];
  sources: DocumentLink[];
  targets: DocumentLink[];
  events: DocumentEvent[];
  nextKinds: DocumentKind[];
  editable: boolean;
}

export interface NewLine {
  itemId?: number | null;
  description?: string;
  quantity: number;
  unit?: string;
  /** Left out on an item line: the price the item's price lists give this customer. */
  unitPrice?: number;
  discount?: number;
  vatCode?: string | null;
  account?: string | null;
  warehouseId?: number | null;
}

export interface NewDocument {
  kind: DocumentKind;
  partyId: number;
  date: string;
  dueDate?: string | null;
  currency?: string | null;
  rate?: string | null;
  ourReference?: string;
  yourReference?: string;
  salespersonId?: number | null;
  externalNumber?: string | null;
  kid?: string | null;
  text?: string;
  cash?: boolean;
  paymentAccount?: string | null;
  lines: NewLine[];
}

export interface CarryForward {
  kind: DocumentKind;
  date: string;
  /** Lines to take and how much of each; left out: all that remains of every line. */
  lines?: { lineId: number; quantity: number }[];
  dueDate?: string | null;
  text?: string;
}

export interface NewPayment {
  direction: 'in' | 'out';
  partyId: number;
  date: string;
  /** Øre in the currency. */
  amount: number;
  account?: string;
  currency?: string;
  rate?: string;
  allocations: { documentId: number; amount: number }[];
  excess?: 'on-account' | 'write-off';
}

export interface DocumentQuery {
  side: Side;
  kind?: DocumentKind | undefined;
  status?: number | undefined;
  partyId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  unpaid?: boolean | undefined;
  limit?: number | undefined;
}

export type KidMethod = 'mod10' | 'mod11';

export interface SalesSettings {
  kidMethod: KidMethod;
  kidCustomerDigits: number;
  kidInvoiceDigits: number;
  paymentTermsDays: number;
  salesSeries: string;
  purchaseSeries: string;
  paymentSeries: string;
  customerAccount: string;
  supplierAccount: string;
  salesAccount: string;
  purchaseAccount: string;
  bankAccount: string;
  cashAccount: string;
  feeAccount: string;
  interestAccount: string;
  exchangeGainAccount: string;
  exchangeLossAccount: string;
  writeOffAccount: string;
  /** Øre per reminder. */
  reminderFee: number;
  reminderDays: number;
}
