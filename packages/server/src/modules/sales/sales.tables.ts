import type { Generated } from 'kysely';
import type { Flag } from '../../db/schema';

/**
 * The sales and purchasing area's tables (migration 0007-sales). Quantities are thousandths,
 * money is øre (in the document's currency on documents and lines; `gross_nok` is the NOK
 * the ledger holds), discounts are basis points (1 % = 100).
 */
export interface SalesSettingsTable {
  company_id: number;
  kid_method: Generated<string>;
  kid_customer_digits: Generated<number>;
  kid_invoice_digits: Generated<number>;
  payment_terms_days: Generated<number>;
  sales_series: Generated<string>;
  purchase_series: Generated<string>;
  payment_series: Generated<string>;
  customer_account: Generated<string>;
  supplier_account: Generated<string>;
  sales_account: Generated<string>;
  purchase_account: Generated<string>;
  bank_account: Generated<string>;
  cash_account: Generated<string>;
  fee_account: Generated<string>;
  interest_account: Generated<string>;
  exchange_gain_account: Generated<string>;
  exchange_loss_account: Generated<string>;
  write_off_account: Generated<string>;
  reminder_fee: Generated<number>;
  reminder_days: Generated<number>;
}

export interface DocumentNumbersTable {
  company_id: number;
  kind: string;
  next: number;
}

export interface SalespeopleTable {
  id: Generated<number>;
  company_id: number;
  code: string;
  name: string;
  user_id: number | null;
  active: Generated<Flag>;
}

export interface SalesBudgetsTable {
  company_id: number;
  salesperson_id: number;
  year: number;
  month: number;
  amount: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  company_id: number;
  kind: string;
  number: number;
  party_id: number;
  date: string;
  due_date: string | null;
  status: Generated<number>;
  currency: string | null;
  rate: string | null;
  our_reference: Generated<string>;
  your_reference: Generated<string>;
  salesperson_id: number | null;
  department_id: number | null;
  project_id: number | null;
  warehouse_id: number | null;
  kid: string | null;
  /** The supplier's own invoice number on a bill. */
  external_number: string | null;
  text: Generated<string>;
  cash: Generated<Flag>;
  payment_account: string | null;
  attachment_id: number | null;
  voucher_id: number | null;
  stock_batch_id: number | null;
  credits_document_id: number | null;
  recurring_id: number | null;
  reminder_level: Generated<number>;
  net: Generated<number>;
  vat: Generated<number>;
  gross: Generated<number>;
  gross_nok: Generated<number>;
  cost: Generated<number>;
  paid: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentLinesTable {
  id: Generated<number>;
  company_id: number;
  document_id: number;
  line_no: number;
  item_id: number | null;
  description: string;
  quantity: number;
  unit: Generated<string>;
  unit_price: number;
  discount: Generated<number>;
  net: number;
  vat_code: string | null;
  account: string | null;
  department_id: number | null;
  project_id: number | null;
  warehouse_id: number | null;
  cost: Generated<number>;
  /** How much of the quantity later documents have taken. */
  carried: Generated<number>;
  status: Generated<number>;
}

export interface DocumentLinksTable {
  id: Generated<number>;
  company_id: number;
  source_document_id: number;
  source_line_id: number | null;
  target_document_id: number;
  target_line_id: number | null;
  quantity: Generated<number>;
  /** On a payment's link to what it pays: the amount, in the paid document's currency. */
  amount: Generated<number>;
}

export interface DocumentEventsTable {
  id: Generated<number>;
  company_id: number;
  document_id: number;
  line_id: number | null;
  kind: string;
  text: Generated<string>;
  at: string;
  user_id: number | null;
}

export interface RecurringDocumentsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  kind: string;
  description: string;
  interval: string;
  next_date: string;
  end_date: string | null;
  /** JSON: the lines each new document gets, as a new document's input takes them. */
  lines: string;
  active: Generated<Flag>;
  subscription_id: number | null;
  created_at: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  item_id: number;
  quantity: Generated<number>;
  start_date: string;
  end_date: string;
  renewal: string;
  status: Generated<string>;
  source_document_id: number | null;
  created_at: string;
}

export interface CurrencyRatesTable {
  currency: string;
  date: string;
  rate: string;
  source: Generated<string>;
}

export interface LatePaymentRatesTable {
  valid_from: string;
  interest_basis_points: number;
  inkassosats: number;
}

export interface SalesTables {
  sales_settings: SalesSettingsTable;
  document_numbers: DocumentNumbersTable;
  salespeople: SalespeopleTable;
  sales_budgets: SalesBudgetsTable;
  documents: DocumentsTable;
  document_lines: DocumentLinesTable;
  document_links: DocumentLinksTable;
  document_events: DocumentEventsTable;
  recurring_documents: RecurringDocumentsTable;
  subscriptions: SubscriptionsTable;
  currency_rates: CurrencyRatesTable;
  late_payment_rates: LatePaymentRatesTable;
}
