import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CrmTables } from '../modules/crm/crm.tables';
import type { InventoryTables } from '../modules/inventory/inventory.tables';
import type { SalesTables } from '../modules/sales/sales.tables';

/**
 * Column conventions, the same on SQLite and PostgreSQL so one set of queries serves both:
 * ids are integers, money is integer øre (bigint), booleans are 0/1 integers, timestamps are
 * ISO 8601 UTC strings and dates are YYYY-MM-DD strings, JSON is text.
 */
export type Flag = 0 | 1;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  language: Generated<string>;
  is_installation_admin: Generated<Flag>;
  created_at: string;
}

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  org_number: string;
  vat_registered: Generated<Flag>;
  visit_street: Generated<string>;
  visit_postal_code: Generated<string>;
  visit_city: Generated<string>;
  visit_country: Generated<string>;
  postal_street: Generated<string>;
  postal_postal_code: Generated<string>;
  postal_city: Generated<string>;
  postal_country: Generated<string>;
  bank_account: string | null;
  fiscal_year_start_month: Generated<number>;
  base_currency: Generated<string>;
  document_language: Generated<string>;
  email: string | null;
  phone: string | null;
  logo: string | null;
  licence_max_users: Generated<number>;
  allow_voucher_changes: Generated<Flag>;
  created_at: string;
}

export interface CompanyUsersTable {
  company_id: number;
  user_id: number;
  role: string;
  /** JSON object: module → 'none' | 'read' | 'write'. */
  permissions: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, so a leaked table does not hand out live sessions. */
  id: string;
  user_id: number;
  company_id: number | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: Flag;
  attempted_at: string;
}

export interface AccountsTable {
  company_id: number;
  number: string;
  name_nb: string;
  name_en: string;
  kind: string;
  vat_code: string | null;
  grouping_category: string;
  grouping_code: string;
  subledger: string | null;
  blocked: Generated<Flag>;
}

export interface VatAccountsTable {
  company_id: number;
  vat_code: string;
  output_account: string | null;
  input_account: string | null;
}

export interface FiscalYearsTable {
  company_id: number;
  /** The calendar year the fiscal year starts in. */
  year: number;
  start_date: string;
  end_date: string;
}

export interface PeriodsTable {
  company_id: number;
  fiscal_year: number;
  /** 0 is the opening period (inngående balanse), 1–12 the months of the fiscal year. */
  period: number;
  start_date: string;
  end_date: string;
  locked: Generated<Flag>;
}

export interface VoucherSeriesTable {
  company_id: number;
  code: string;
  name_nb: string;
  name_en: string;
}

export interface VoucherCountersTable {
  company_id: number;
  series: string;
  fiscal_year: number;
  last_number: number;
}

export interface VouchersTable {
  id: Generated<number>;
  company_id: number;
  series: string;
  number: number;
  fiscal_year: number;
  period: number;
  date: string;
  description: string;
  status: string;
  created_by: number | null;
  created_at: string;
  modified_at: string;
}

export interface PostingsTable {
  id: Generated<number>;
  company_id: number;
  voucher_id: number;
  line_no: number;
  date: string;
  account: string;
  amount: number;
  vat_code: string | null;
  vat_kind: string | null;
  description: Generated<string>;
  department_id: number | null;
  project_id: number | null;
  /** The customer or supplier of a sub-ledger posting. */
  party_id: number | null;
  invoice_number: string | null;
  due_date: string | null;
  kid: string | null;
  /** Foreign currency: its code, the amount in it (minor units) and the rate used. */
  currency: string | null;
  currency_amount: number | null;
  exchange_rate: string | null;
  /** The mvaSpesifikasjon (uttak, tapPåKrav, …) of a line with a VAT code, on all its postings. */
  vat_specification: string | null;
}

export interface DimensionsTable {
  id: Generated<number>;
  company_id: number;
  code: string;
  name: string;
  parent_id: number | null;
  blocked: Generated<Flag>;
}

export interface PartiesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  org_number: string | null;
  customer_number: number | null;
  supplier_number: number | null;
  created_at: string;
  // The contact register's columns (migration 0006-contacts).
  kind: Generated<'organisation' | 'person'>;
  email: string | null;
  phone: string | null;
  website: string | null;
  notes: string | null;
  payment_terms_days: number | null;
  is_lead: Generated<number>;
  updated_at: string | null;
  /** Blocked for new sales documents (migration 0007-sales). */
  blocked: Generated<Flag>;
}

export interface SettlementsTable {
  id: Generated<number>;
  company_id: number;
  /** The open item (an invoice or bill posting on a sub-ledger account). */
  item_posting_id: number;
  /** The posting that settles it (a payment, a credit note). */
  payment_posting_id: number;
  /** How much of the item is settled, with the item's sign. */
  amount: number;
  /** 'kid', 'invoice-number' or 'manual'. */
  matched_by: string;
  created_at: string;
}

export interface BudgetsTable {
  company_id: number;
  fiscal_year: number;
  period: number;
  account: string;
  /** 0 when the budget is not for one department or project. */
  department_id: number;
  project_id: number;
  amount: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  company_id: number;
  voucher_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export interface AccountDayTotalsTable {
  company_id: number;
  account: string;
  date: string;
  /** 1 for the postings of opening-balance vouchers (period 0). */
  opening: Flag;
  /** 0 for postings without a department or project. */
  department_id: number;
  project_id: number;
  debit: number;
  credit: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  company_id: number;
  /** 1, 2, 3 … per company: the position in the chain. */
  seq: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  /** JSON of the record before and after the change (null where there is none). */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  company_id: number;
  seq: number;
  hash: string;
}

export interface CompanySettingsTable {
  company_id: number;
  key: string;
  /** JSON. */
  value: string;
}

export interface Database extends CrmTables, InventoryTables, SalesTables {
  company_settings: CompanySettingsTable;
  saft_imports: SaftImportsTable;
  saft_keys: SaftKeysTable;
  departments: DimensionsTable;
  projects: DimensionsTable;
  parties: PartiesTable;
  contact_search_terms: ContactSearchTermsTable;
  contact_persons: ContactPersonsTable;
  contact_addresses: ContactAddressesTable;
  tags: TagsTable;
  contact_tags: ContactTagsTable;
  contact_timeline: ContactTimelineTable;
  appointments: AppointmentsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  segment_snapshots: SegmentSnapshotsTable;
  settlements: SettlementsTable;
  budgets: BudgetsTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  accounts: AccountsTable;
  vat_accounts: VatAccountsTable;
  fiscal_years: FiscalYearsTable;
  periods: PeriodsTable;
  voucher_series: VoucherSeriesTable;
  voucher_counters: VoucherCountersTable;
  vouchers: VouchersTable;
  postings: PostingsTable;
  account_day_totals: AccountDayTotalsTable;
  users: UsersTable;
  companies: CompaniesTable;
  company_users: CompanyUsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  vat_settings: VatSettingsTable;
  vat_returns: VatReturnsTable;
  vat_return_versions: VatReturnVersionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type NewCompanyRow = Insertable<CompaniesTable>;
export type CompanyUpdate = Updateable<CompaniesTable>;
export type CompanyUserRow = Selectable<CompanyUsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type PeriodRow = Selectable<PeriodsTable>;
export type VoucherRow = Selectable<VouchersTable>;
export type PostingRow = Selectable<PostingsTable>;
export type DimensionRow = Selectable<DimensionsTable>;
export type PartyRow = Selectable<PartiesTable>;
export type SettlementRow = Selectable<SettlementsTable>;

export interface VatSettingsTable {
  company_id: number;
  /** 'twoMonths' (the default when there is no row), 'month' or 'year'. */
  term_length: string;
}

export interface VatReturnsTable {
  company_id: number;
  year: number;
  term_length: string;
  term: number;
  from_date: string;
  to_date: string;
  /** The settlement voucher; null when the term had no VAT to move. */
  voucher_id: number | null;
  closed_by: number | null;
  closed_at: string;
  /** 'closed', or 'correcting' while an administrator has reopened the term. */
  status: Generated<string>;
  /** The latest closed version: 1 for the original return, 2 for the first correction, … */
  version: Generated<number>;
  reopened_by: number | null;
  reopened_at: string | null;
}

/** One closing of a VAT term: the original return or a correction of it. */
export interface VatReturnVersionsTable {
  company_id: number;
  year: number;
  term_length: string;
  term: number;
  version: number;
  /** The (supplementary) settlement voucher of this closing; null when nothing moved. */
  voucher_id: number | null;
  closed_by: number | null;
  closed_at: string;
  /** The return's total VAT in øre at this closing; null for terms closed before versions. */
  total: number | null;
  /** The remark on the whole return (merknad), free text. */
  remark: string | null;
  /** JSON: { key, text }[] remarks on single lines, keyed as mvaLineKey does. */
  line_remarks: string | null;
}

export interface SaftImportsTable {
  id: Generated<number>;
  company_id: number;
  file_name: string;
  sha256: string;
  version: string;
  /** Vouchers this import added (0 when the file had been imported before). */
  vouchers: number;
  /** The import report, JSON. */
  report: string;
  imported_by: number | null;
  imported_at: string;
}

/** What a SAF-T file calls something (`source`) → what Nordbok made of it (`target`). */
export interface SaftKeysTable {
  company_id: number;
  /** 'voucher', 'opening', 'customer', 'supplier' or 'series'. */
  kind: string;
  source: string;
  target: string;
}

// The contact register (migration 0006-contacts).
export interface ContactSearchTermsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  term: string;
}

export interface ContactPersonsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  position: Generated<number>;
}

export interface ContactAddressesTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  kind: 'visit' | 'invoice' | 'delivery';
  line1: string;
  line2: string | null;
  postal_code: string | null;
  city: string | null;
  country_code: Generated<string>;
}

export interface TagsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
}

export interface ContactTagsTable {
  company_id: number;
  party_id: number;
  tag_id: number;
  created_at: string;
}

export interface ContactTimelineTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  occurred_at: string;
  kind: string;
  title: string;
  body: string | null;
  points: Generated<number>;
  source: string | null;
  source_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  company_id: number;
  title: string;
  starts_at: string;
  ends_at: string;
  kind: Generated<string>;
  location: string | null;
  notes: string | null;
  party_id: number | null;
  opportunity_id: number | null;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SegmentsTable {
  id: Generated<number>;
  company_id: number;
  parent_id: number | null;
  name: string;
  kind: 'static' | 'semi' | 'dynamic';
  /** JSON filter (dynamic) */
  rule: string | null;
  /** JSON event rule (semi-dynamic) */
  trigger: string | null;
  created_at: string;
}

export interface SegmentMembersTable {
  company_id: number;
  segment_id: number;
  party_id: number;
  added_at: string;
}

export interface SegmentSnapshotsTable {
  company_id: number;
  segment_id: number;
  day: string;
  size: number;
}
