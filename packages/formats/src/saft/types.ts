/**
 * What the SAF-T Financial 1.30 writer takes: plain data, no database types. Money is
 * integer øre, signed debit positive, until the writer turns it into `1234.56` and a side.
 * Dates are YYYY-MM-DD.
 */
export type Ore = number;

export interface SaftAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166 two-letter code. */
  country: string;
  type: 'StreetAddress' | 'PostalAddress';
}

export interface SaftCompany {
  orgNumber: string;
  name: string;
  addresses: SaftAddress[];
  contact: {
    firstName: string;
    lastName: string;
    telephone?: string | null;
    email?: string | null;
  };
  /** Writes TaxRegistrationNumber `<orgnr>MVA` when true. */
  vatRegistered: boolean;
  bankAccount?: string | null;
}

export interface SaftHeader {
  /** The day the file is made. */
  dateCreated: string;
  software: { companyName: string; id: string; version: string };
  company: SaftCompany;
  selection: { start: string; end: string };
  /** Who asked for the file. */
  userId?: string | undefined;
}

export interface SaftAccount {
  id: string;
  description: string;
  groupingCategory: string;
  groupingCode: string;
  opening: Ore;
  closing: Ore;
}

export interface SaftPartyBalance {
  accountId: string;
  opening: Ore;
  closing: Ore;
}

export interface SaftParty {
  id: string;
  name: string;
  orgNumber?: string | null;
  balances: SaftPartyBalance[];
}

export interface SaftTaxCode {
  code: string;
  description: string;
  /** The rate in basis points: 2500 = 25 %. */
  rate: number;
  standardCode: string;
  /** Share of the VAT that may be deducted, in percent: 100 = all, 0 = none. */
  baseRate: number;
}

export interface SaftAnalysisEntry {
  type: string;
  typeDescription: string;
  id: string;
  description: string;
}

export interface SaftMasterFiles {
  accounts: SaftAccount[];
  customers: SaftParty[];
  suppliers: SaftParty[];
  taxCodes: SaftTaxCode[];
  analysis: SaftAnalysisEntry[];
}

export interface SaftEntryTotals {
  /** The number of transactions (vouchers) that follow. */
  entries: number;
  /** Sums of the debit and the credit lines, both positive. */
  debit: Ore;
  credit: Ore;
}

export interface SaftJournal {
  id: string;
  description: string;
  type: string;
}

export interface SaftTax {
  code: string;
  /** Basis points. */
  rate: number;
  /** The VAT basis, signed like the line it is on. */
  base: Ore;
  /** The VAT, debit positive: input VAT debit, output VAT credit. */
  amount: Ore;
}

export interface SaftCurrency {
  code: string;
  /** In the currency's hundredths, signed like the line. */
  amount: number;
  /** Units of NOK per unit of the currency, as a decimal string. */
  rate: string;
}

export interface SaftLine {
  recordId: string;
  accountId: string;
  analysis: { type: string; id: string }[];
  sourceDocumentId?: string | null;
  customerId?: string | null;
  supplierId?: string | null;
  description: string;
  amount: Ore;
  currency?: SaftCurrency | null;
  tax: SaftTax[];
  cid?: string | null;
  dueDate?: string | null;
}

export interface SaftTransaction {
  id: string;
  period: number;
  periodYear: number;
  date: string;
  sourceId?: string | null;
  description: string;
  systemEntryDate: string;
  glPostingDate: string;
  modificationDate?: string | null;
  lines: SaftLine[];
}
