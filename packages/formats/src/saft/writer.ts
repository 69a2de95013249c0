import type { Writable } from 'node:stream';
import type {
  Ore,
  SaftAccount,
  SaftAddress,
  SaftAnalysisEntry,
  SaftCompany,
  SaftCurrency,
  SaftEntryTotals,
  SaftHeader,
  SaftJournal,
  SaftLine,
  SaftMasterFiles,
  SaftParty,
  SaftTax,
  SaftTaxCode,
  SaftTransaction,
} from './types';
import { XmlStream } from './xml';

/**
 * A streaming writer of SAF-T Financial 1.30 (Norwegian_SAF-T_Financial_Schema_v_1.30.xsd).
 * Header and master files are written first; then the journals, one transaction at a time,
 * so the caller can read vouchers in chunks. Elements follow the XSD's order exactly, and
 * every text is cut to the schema's length for its element.
 */
export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';
export const SAFT_VERSION = '1.30';

/** The XSD's text types by their maximum length. */
const LONG = 256;
const MIDDLE2 = 70;
const MIDDLE1 = 35;
const SHORT = 18;
const CODE = 9;

/** Signed øre as a decimal with two places: −123456 → `-1234.56`. The one money formatter. */
export function formatAmount(ore: Ore): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Not a whole number of øre: ${ore}`);
  const abs = Math.abs(ore);
  const sign = ore < 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The debit or credit element name for a signed amount; zero counts as debit. */
function side(amount: Ore, debit: string, credit: string): [string, string] {
  return amount < 0 ? [credit, formatAmount(-amount)] : [debit, formatAmount(amount)];
}

export class SaftWriter {
  private readonly xml: XmlStream;
  private inJournal = false;

  constructor(out: Writable) {
    this.xml = new XmlStream(out);
  }

  /** Everything before the first journal: header, master files and the entries' totals. */
  async begin(header: SaftHeader, master: SaftMasterFiles, totals: SaftEntryTotals) {
    const x = this.xml;
    x.declaration();
    x.open('AuditFile', { xmlns: SAFT_NAMESPACE });
    this.header(header);
    await this.masterFiles(master);
    x.open('GeneralLedgerEntries');
    x.leaf('NumberOfEntries', totals.entries);
    x.leaf('TotalDebit', formatAmount(totals.debit));
    x.leaf('TotalCredit', formatAmount(totals.credit));
    await x.flush();
  }

  /** Starts a journal (one per voucher series), closing the one before. */
  journal(journal: SaftJournal): void {
    this.endJournal();
    const x = this.xml;
    x.open('Journal');
    x.leaf('JournalID', journal.id, SHORT);
    x.leaf('Description', journal.description || journal.id, LONG);
    x.leaf('Type', journal.type, CODE);
    this.inJournal = true;
  }

  async transaction(t: SaftTransaction): Promise<void> {
    if (!this.inJournal) throw new Error('A transaction must be inside a journal.');
    const x = this.xml;
    x.open('Transaction');
    x.leaf('TransactionID', t.id, MIDDLE2);
    x.leaf('Period', t.period);
    x.leaf('PeriodYear', t.periodYear);
    x.leaf('TransactionDate', t.date);
    x.leaf('SourceID', t.sourceId, MIDDLE1);
    x.leaf('Description', t.description || t.id, LONG);
    x.leaf('SystemEntryDate', t.systemEntryDate);
    x.leaf('GLPostingDate', t.glPostingDate);
    x.leaf('ModificationDate', t.modificationDate);
    for (const line of t.lines) this.line(line);
    x.close('Transaction');
    await x.flush();
  }

  async end(): Promise<void> {
    this.endJournal();
    this.xml.close('GeneralLedgerEntries');
    this.xml.close('AuditFile');
    await this.xml.flush(true);
  }

  private endJournal() {
    if (this.inJournal) this.xml.close('Journal');
    this.inJournal = false;
  }

  private header(h: SaftHeader) {
    const x = this.xml;
    x.open('Header');
    x.leaf('AuditFileVersion', SAFT_VERSION);
    x.leaf('AuditFileCountry', 'NO');
    x.leaf('AuditFileDateCreated', h.dateCreated);
    x.leaf('SoftwareCompanyName', h.software.companyName, MIDDLE2);
    x.leaf('SoftwareID', h.software.id, LONG);
    x.leaf('SoftwareVersion', h.software.version, SHORT);
    this.company(h.company);
    x.leaf('DefaultCurrencyCode', 'NOK');
    x.open('SelectionCriteria');
    x.leaf('SelectionStartDate', h.selection.start);
    x.leaf('SelectionEndDate', h.selection.end);
    x.close('SelectionCriteria');
    x.leaf('TaxAccountingBasis', 'A');
    x.leaf('UserID', h.userId, LONG);
    x.close('Header');
  }

  private company(c: SaftCompany) {
    const x = this.xml;
    x.open('Company');
    x.leaf('RegistrationNumber', c.orgNumber, MIDDLE1);
    x.leaf('Name', c.name, LONG);
    for (const address of c.addresses) this.address(address);
    x.open('Contact');
    x.open('ContactPerson');
    x.leaf('FirstName', c.contact.firstName, MIDDLE1);
    x.leaf('LastName', c.contact.lastName, MIDDLE2);
    x.close('ContactPerson');
    x.leaf('Telephone', c.contact.telephone, SHORT);
    x.leaf('Email', c.contact.email, MIDDLE2);
    x.close('Contact');
    if (c.vatRegistered) {
      x.open('TaxRegistration');
      x.leaf('TaxRegistrationNumber', `${c.orgNumber}MVA`, MIDDLE1);
      x.leaf('TaxAuthority', 'Skatteetaten');
      x.close('TaxRegistration');
    }
    if (c.bankAccount) {
      x.open('BankAccount');
      x.leaf('BankAccountNumber', c.bankAccount, MIDDLE1);
      x.close('BankAccount');
    }
    x.close('Company');
  }

  private address(a: SaftAddress) {
    // An address with nothing in it says nothing; the schema does not require one.
    if (!a.street && !a.postalCode && !a.city) return;
    const x = this.xml;
    x.open('Address');
    x.leaf('StreetName', a.street, LONG);
    x.leaf('City', a.city, LONG);
    x.leaf('PostalCode', a.postalCode, MIDDLE2);
    if (/^[A-Z]{2}$/.test(a.country)) x.leaf('Country', a.country);
    x.leaf('AddressType', a.type);
    x.close('Address');
  }

  private async masterFiles(m: SaftMasterFiles) {
    const x = this.xml;
    x.open('MasterFiles');
    if (m.accounts.length > 0) {
      x.open('GeneralLedgerAccounts');
      for (const account of m.accounts) this.account(account);
      x.close('GeneralLedgerAccounts');
    }
    await x.flush();
    await this.parties('Customers', 'Customer', 'CustomerID', m.customers);
    await this.parties('Suppliers', 'Supplier', 'SupplierID', m.suppliers);
    this.taxTable(m.taxCodes);
    this.analysisTable(m.analysis);
    x.close('MasterFiles');
  }

  private account(a: SaftAccount) {
    const x = this.xml;
    x.open('Account');
    x.leaf('AccountID', a.id, MIDDLE2);
    x.leaf('AccountDescription', a.description || a.id, LONG);
    x.leaf('GroupingCategory', a.groupingCategory, LONG);
    x.leaf('GroupingCode', a.groupingCode, MIDDLE1);
    x.leaf('AccountType', 'GL');
    this.balances(a.opening, a.closing);
    x.close('Account');
  }

  /** Exactly one of debit and credit for the opening and for the closing balance. */
  private balances(opening: Ore, closing: Ore) {
    this.xml.leaf(...side(opening, 'OpeningDebitBalance', 'OpeningCreditBalance'));
    this.xml.leaf(...side(closing, 'ClosingDebitBalance', 'ClosingCreditBalance'));
  }

  private async parties(list: string, item: string, idName: string, parties: SaftParty[]) {
    if (parties.length === 0) return;
    const x = this.xml;
    x.open(list);
    for (const p of parties) {
      x.open(item);
      x.leaf('RegistrationNumber', p.orgNumber, MIDDLE1);
      x.leaf('Name', p.name || p.id, LONG);
      x.leaf(idName, p.id, MIDDLE1);
      for (const b of p.balances) {
        x.open('BalanceAccount');
        x.leaf('AccountID', b.accountId, MIDDLE2);
        this.balances(b.opening, b.closing);
        x.close('BalanceAccount');
      }
      x.close(item);
      await x.flush();
    }
    x.close(list);
  }

  private taxTable(codes: SaftTaxCode[]) {
    if (codes.length === 0) return;
    const x = this.xml;
    x.open('TaxTable');
    x.open('TaxTableEntry');
    x.leaf('TaxType', 'MVA');
    x.leaf('Description', 'Merverdiavgift');
    for (const c of codes) {
      x.open('TaxCodeDetails');
      x.leaf('TaxCode', c.code, MIDDLE2);
      x.leaf('Description', c.description, LONG);
      x.leaf('TaxPercentage', formatAmount(c.rate));
      x.leaf('Country', 'NO');
      x.leaf('StandardTaxCode', /^[0-9anAN]{1,2}$/.test(c.standardCode) ? c.standardCode : 'NA');
      x.leaf('BaseRate', c.baseRate);
      x.close('TaxCodeDetails');
    }
    x.close('TaxTableEntry');
    x.close('TaxTable');
  }

  private analysisTable(entries: SaftAnalysisEntry[]) {
    if (entries.length === 0) return;
    const x = this.xml;
    x.open('AnalysisTypeTable');
    for (const e of entries) {
      x.open('AnalysisTypeTableEntry');
      x.leaf('AnalysisType', e.type, CODE);
      x.leaf('AnalysisTypeDescription', e.typeDescription, LONG);
      x.leaf('AnalysisID', e.id, MIDDLE1);
      x.leaf('AnalysisIDDescription', e.description || e.id, LONG);
      x.close('AnalysisTypeTableEntry');
    }
    x.close('AnalysisTypeTable');
  }

  private line(l: SaftLine) {
    const x = this.xml;
    x.open('Line');
    x.leaf('RecordID', l.recordId, SHORT);
    x.leaf('AccountID', l.accountId, MIDDLE2);
    for (const a of l.analysis) {
      x.open('Analysis');
      x.leaf('AnalysisType', a.type, CODE);
      x.leaf('AnalysisID', a.id, LONG);
      this.amount(l.amount, 'DebitAnalysisAmount', 'CreditAnalysisAmount');
      x.close('Analysis');
    }
    x.leaf('SourceDocumentID', l.sourceDocumentId, MIDDLE1);
    x.leaf('CustomerID', l.customerId, MIDDLE1);
    x.leaf('SupplierID', l.supplierId, MIDDLE1);
    x.leaf('Description', l.description || l.accountId, LONG);
    this.amount(l.amount, 'DebitAmount', 'CreditAmount', l.currency);
    for (const t of l.tax) this.tax(t);
    x.leaf('CID', l.cid, MIDDLE1);
    x.leaf('DueDate', l.dueDate);
    x.close('Line');
  }

  /** An AmountStructure on its side, with the foreign currency when the line has one. */
  private amount(amount: Ore, debit: string, credit: string, currency?: SaftCurrency | null) {
    const x = this.xml;
    const [name, value] = side(amount, debit, credit);
    x.open(name);
    x.leaf('Amount', value);
    if (currency && /^[A-Z]{3}$/.test(currency.code)) {
      x.leaf('CurrencyCode', currency.code);
      x.leaf('CurrencyAmount', formatAmount(Math.abs(currency.amount)));
      if (/^\d{1,10}(\.\d{1,8})?$/.test(currency.rate)) x.leaf('ExchangeRate', currency.rate);
    }
    x.close(name);
  }

  private tax(t: SaftTax) {
    const x = this.xml;
    x.open('TaxInformation');
    x.leaf('TaxType', 'MVA');
    x.leaf('TaxCode', t.code, MIDDLE2);
    x.leaf('TaxPercentage', formatAmount(t.rate));
    x.leaf('Country', 'NO');
    x.leaf('TaxBase', formatAmount(Math.abs(t.base)));
    this.amount(t.amount, 'DebitTaxAmount', 'CreditTaxAmount');
    x.close('TaxInformation');
  }
}
