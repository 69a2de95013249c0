import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Ore } from './types';
import { SAFT_NAMESPACE } from './writer';

/**
 * A streaming reader for SAF-T Financial files of versions 1.10, 1.20 and 1.30. It hands
 * out one record at a time (the header, each account, customer, supplier, tax code and
 * analysis entry, then each transaction with its lines), so a file of a million lines never
 * sits in memory. Only the records Nordbok uses are built; everything else is skipped.
 *
 * The reader checks what a file says about itself: well-formed XML, the SAF-T namespace, a
 * known version, amounts and dates that are amounts and dates, transactions that balance and
 * lines whose accounts are in the file's chart. It throws SaftReadError with the line of the
 * file at the first fault; the importer decides what the records mean.
 */

export type SaftFileVersion = '1.10' | '1.20' | '1.30';

export class SaftReadError extends Error {
  constructor(
    message: string,
    /** The line of the file, 1-based; null when the fault is not at one place. */
    readonly line: number | null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = 'SaftReadError';
  }
}

export interface SaftFileHeader {
  version: SaftFileVersion;
  /** AuditFileVersion as written, e.g. `1.0` in files made for the 1.10 schema. */
  writtenVersion: string;
  software: string;
  company: {
    orgNumber: string;
    name: string;
    vatRegistered: boolean;
    street: string | null;
    postalCode: string | null;
    city: string | null;
  };
  currency: string;
  selection: {
    startDate: string | null;
    endDate: string | null;
    periodStart: number | null;
    periodStartYear: number | null;
    periodEnd: number | null;
    periodEndYear: number | null;
  };
}

export interface SaftFileAccount {
  id: string;
  description: string;
  /** 1.10/1.20: a 2- or 4-character standard account. */
  standardAccountId: string | null;
  groupingCategory: string | null;
  groupingCode: string | null;
  /** Debit positive. */
  opening: Ore;
  /** Null when the file states no closing balance. */
  closing: Ore | null;
  line: number;
}

export interface SaftFileBalance {
  accountId: string;
  opening: Ore;
  closing: Ore | null;
}

export interface SaftFileParty {
  kind: 'customer' | 'supplier';
  id: string;
  name: string;
  orgNumber: string | null;
  balances: SaftFileBalance[];
  line: number;
}

export interface SaftFileTaxCode {
  code: string;
  description: string;
  /** As written, e.g. `25` or `11.11`; null when absent. */
  percentage: string | null;
  standardCode: string | null;
  line: number;
}

export interface SaftFileAnalysis {
  type: string;
  typeDescription: string;
  id: string;
  description: string;
}

export interface SaftFileTax {
  code: string;
  percentage: string | null;
  /** Signed like the amount of the line it is on; null when absent. */
  base: Ore | null;
  /** Debit positive when the file gives a side (1.30); as written otherwise. */
  amount: Ore;
  sided: boolean;
}

export interface SaftFileLine {
  recordId: string;
  accountId: string;
  description: string;
  /** Debit positive, credit negative. */
  amount: Ore;
  customerId: string | null;
  supplierId: string | null;
  analysis: { type: string; id: string }[];
  tax: SaftFileTax[];
  referenceNumber: string | null;
  cid: string | null;
  dueDate: string | null;
  currency: { code: string; amount: number; rate: string } | null;
  line: number;
}

export interface SaftFileTransaction {
  journalId: string;
  journalDescription: string;
  id: string;
  period: number | null;
  periodYear: number | null;
  date: string;
  description: string;
  lines: SaftFileLine[];
  line: number;
}

export interface SaftFileTotals {
  entries: number | null;
  debit: Ore | null;
  credit: Ore | null;
}

export type SaftRecord =
  | { kind: 'header'; header: SaftFileHeader }
  | { kind: 'account'; account: SaftFileAccount }
  | { kind: 'party'; party: SaftFileParty }
  | { kind: 'taxCode'; taxCode: SaftFileTaxCode }
  | { kind: 'analysis'; analysis: SaftFileAnalysis }
  | { kind: 'totals'; totals: SaftFileTotals }
  | { kind: 'transaction'; transaction: SaftFileTransaction };

/** An element of a record, with its text and children, and the line it starts on. */
interface Node {
  name: string;
  text: string;
  children: Node[];
  line: number;
}

/** Paths (local names below AuditFile) whose elements are read whole and handed out. */
const RECORDS = new Set([
  'Header',
  'MasterFiles/GeneralLedgerAccounts/Account',
  'MasterFiles/Customers/Customer',
  'MasterFiles/Suppliers/Supplier',
  'MasterFiles/TaxTable/TaxTableEntry',
  'MasterFiles/AnalysisTypeTable/AnalysisTypeTableEntry',
  'GeneralLedgerEntries/NumberOfEntries',
  'GeneralLedgerEntries/TotalDebit',
  'GeneralLedgerEntries/TotalCredit',
  'GeneralLedgerEntries/Journal/JournalID',
  'GeneralLedgerEntries/Journal/Description',
  'GeneralLedgerEntries/Journal/Transaction',
]);

/**
 * Reads a SAF-T file from chunks of text or bytes (a file stream, a request body) and
 * yields its records in file order.
 */
export async function* readSaft(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<SaftRecord> {
  const state = new ReaderState();
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('opentag', (tag) => state.open(tag, parser.line));
  parser.on('text', (text) => state.text(text));
  parser.on('cdata', (text) => state.text(text));
  parser.on('closetag', () => state.close());
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw new SaftReadError('The file is not UTF-8 text.', parser.line);
    }
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    write(parser, text);
    yield* state.take();
  }
  try {
    write(parser, decoder.decode());
  } catch (error) {
    if (error instanceof SaftReadError) throw error;
    throw new SaftReadError('The file is not UTF-8 text.', parser.line);
  }
  try {
    parser.close();
  } catch (error) {
    throw new SaftReadError(
      `The file ends too early, it looks cut off (${xmlReason(error)}).`,
      parser.line,
    );
  }
  if (!state.sawRoot) throw new SaftReadError('The file is empty.', null);
  if (!state.closedRoot)
    throw new SaftReadError('The file ends too early, it looks cut off.', null);
  yield* state.take();
}

function write(parser: SaxesParser, text: string) {
  try {
    parser.write(text);
  } catch (error) {
    if (error instanceof SaftReadError) throw error;
    throw new SaftReadError(`This is not valid XML: ${xmlReason(error)}.`, parser.line);
  }
}

/** saxes messages start with `line:column: `; the line is given separately. */
function xmlReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[^:]*:\d+:\d+: /, '').replace(/\.$/, '');
}

class ReaderState {
  sawRoot = false;
  closedRoot = false;
  private path: string[] = [];
  private depth = 0;
  /** The record being read, and the open elements inside it. */
  private stack: Node[] = [];
  private recordDepth = -1;
  private ready: SaftRecord[] = [];
  private header: SaftFileHeader | null = null;
  private accounts = new Set<string>();
  private journal = { id: '', description: '' };
  private totals: SaftFileTotals = { entries: null, debit: null, credit: null };
  private totalsSent = false;

  open(tag: SaxesTagNS, line: number) {
    if (this.depth === 0) {
      if (tag.local !== 'AuditFile' || tag.uri !== SAFT_NAMESPACE) {
        throw new SaftReadError(
          `This is not a SAF-T Financial file: the root element is <${tag.name}> in namespace ` +
            `"${tag.uri || 'none'}", not <AuditFile> in ${SAFT_NAMESPACE}.`,
          line,
        );
      }
      this.sawRoot = true;
      this.depth = 1;
      return;
    }
    this.depth += 1;
    this.path.push(tag.local);
    if (this.stack.length > 0) {
      const node: Node = { name: tag.local, text: '', children: [], line };
      this.stack[this.stack.length - 1]!.children.push(node);
      this.stack.push(node);
      return;
    }
    const where = this.path.join('/');
    if (where === 'GeneralLedgerEntries/Journal') this.journal = { id: '', description: '' };
    if (where.startsWith('GeneralLedgerEntries/Journal')) this.sendTotals();
    if (RECORDS.has(where)) {
      this.stack.push({ name: tag.local, text: '', children: [], line });
      this.recordDepth = this.depth;
    }
  }

  text(text: string) {
    const node = this.stack[this.stack.length - 1];
    if (node) node.text += text;
  }

  close() {
    if (this.depth === 1) {
      this.closedRoot = true;
      this.depth = 0;
      return;
    }
    const where = this.path.join('/');
    if (this.depth === this.recordDepth) {
      const node = this.stack.pop()!;
      this.recordDepth = -1;
      this.record(where, node);
    } else if (this.stack.length > 0) {
      this.stack.pop();
    }
    if (where === 'GeneralLedgerEntries') this.sendTotals();
    this.path.pop();
    this.depth -= 1;
  }

  *take(): Generator<SaftRecord> {
    const ready = this.ready;
    this.ready = [];
    yield* ready;
  }

  private sendTotals() {
    if (this.totalsSent) return;
    this.totalsSent = true;
    this.ready.push({ kind: 'totals', totals: this.totals });
  }

  private needHeader(line: number): SaftFileHeader {
    if (!this.header) throw new SaftReadError('The Header must come first in the file.', line);
    return this.header;
  }

  private record(where: string, node: Node) {
    switch (where) {
      case 'Header':
        this.header = readHeader(node);
        this.ready.push({ kind: 'header', header: this.header });
        return;
      case 'MasterFiles/GeneralLedgerAccounts/Account': {
        this.needHeader(node.line);
        const account = readAccount(node);
        if (this.accounts.has(account.id)) {
          throw new SaftReadError(`Account ${account.id} is listed twice.`, node.line);
        }
        this.accounts.add(account.id);
        this.ready.push({ kind: 'account', account });
        return;
      }
      case 'MasterFiles/Customers/Customer':
      case 'MasterFiles/Suppliers/Supplier':
        this.needHeader(node.line);
        this.ready.push({
          kind: 'party',
          party: readParty(node, where.endsWith('Customer') ? 'customer' : 'supplier'),
        });
        return;
      case 'MasterFiles/TaxTable/TaxTableEntry':
        for (const details of all(node, 'TaxCodeDetails')) {
          this.ready.push({ kind: 'taxCode', taxCode: readTaxCode(details) });
        }
        return;
      case 'MasterFiles/AnalysisTypeTable/AnalysisTypeTableEntry':
        this.ready.push({
          kind: 'analysis',
          analysis: {
            type: required(node, 'AnalysisType'),
            typeDescription: optional(node, 'AnalysisTypeDescription') ?? '',
            id: required(node, 'AnalysisID'),
            description: optional(node, 'AnalysisIDDescription') ?? '',
          },
        });
        return;
      case 'GeneralLedgerEntries/NumberOfEntries':
        this.totals.entries = wholeNumber(node);
        return;
      case 'GeneralLedgerEntries/TotalDebit':
        this.totals.debit = amount(node);
        return;
      case 'GeneralLedgerEntries/TotalCredit':
        this.totals.credit = amount(node);
        return;
      case 'GeneralLedgerEntries/Journal/JournalID':
        this.journal.id = node.text.trim();
        return;
      case 'GeneralLedgerEntries/Journal/Description':
        this.journal.description = node.text.trim();
        return;
      case 'GeneralLedgerEntries/Journal/Transaction': {
        this.needHeader(node.line);
        const transaction = readTransaction(node, this.journal);
        this.checkTransaction(transaction);
        this.ready.push({ kind: 'transaction', transaction });
        return;
      }
    }
  }

  private checkTransaction(t: SaftFileTransaction) {
    const where = `Transaction ${t.journalId}/${t.id}`;
    if (t.lines.length === 0) throw new SaftReadError(`${where} has no lines.`, t.line);
    let debit = 0;
    let credit = 0;
    for (const l of t.lines) {
      if (!this.accounts.has(l.accountId)) {
        throw new SaftReadError(
          `${where}: account ${l.accountId} is not among the file's GeneralLedgerAccounts.`,
          l.line,
        );
      }
      if (l.amount > 0) debit += l.amount;
      else credit -= l.amount;
    }
    if (debit !== credit) {
      throw new SaftReadError(
        `${where} does not balance: debit ${money(debit)}, credit ${money(credit)}.`,
        t.line,
      );
    }
  }
}

function money(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// --- Turning nodes into records -------------------------------------------------------

function child(node: Node, name: string): Node | undefined {
  return node.children.find((c) => c.name === name);
}

function all(node: Node, name: string): Node[] {
  return node.children.filter((c) => c.name === name);
}

function optional(node: Node, name: string): string | null {
  const found = child(node, name);
  if (!found) return null;
  const text = found.text.trim();
  return text === '' ? null : text;
}

function required(node: Node, name: string): string {
  const value = optional(node, name);
  if (value === null) throw new SaftReadError(`<${node.name}> lacks <${name}>.`, node.line);
  return value;
}

const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;

/** `1234.5` → 123450 øre; more than two decimals or anything else is refused. */
function amount(node: Node): Ore {
  const text = node.text.trim();
  if (!AMOUNT.test(text)) {
    throw new SaftReadError(`<${node.name}> holds "${text}", which is not an amount.`, node.line);
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const ore = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -ore : ore;
}

function amountIn(node: Node, name: string): Ore | null {
  const found = child(node, name);
  return found ? amount(found) : null;
}

function wholeNumber(node: Node): number {
  const text = node.text.trim();
  if (!/^\d{1,9}$/.test(text)) {
    throw new SaftReadError(`<${node.name}> holds "${text}", not a whole number.`, node.line);
  }
  return Number(text);
}

function numberIn(node: Node, name: string): number | null {
  const found = child(node, name);
  return found ? wholeNumber(found) : null;
}

function dateIn(node: Node, name: string, need: true): string;
function dateIn(node: Node, name: string, need: false): string | null;
function dateIn(node: Node, name: string, need: boolean): string | null {
  const found = child(node, name);
  if (!found) {
    if (need) throw new SaftReadError(`<${node.name}> lacks <${name}>.`, node.line);
    return null;
  }
  const text = found.text.trim();
  const date = text.slice(0, 10);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid) throw new SaftReadError(`<${name}> holds "${text}", not a date.`, found.line);
  return date;
}

/** Debit positive: a `…Debit…` element as it is, a `…Credit…` one turned. */
function balance(node: Node, debitName: string, creditName: string): Ore | null {
  const debit = amountIn(node, debitName);
  const credit = amountIn(node, creditName);
  if (debit === null && credit === null) return null;
  return (debit ?? 0) - (credit ?? 0);
}

function versionOf(written: string, line: number): SaftFileVersion {
  if (written === '1.30' || written === '1.3') return '1.30';
  if (written === '1.20' || written === '1.2') return '1.20';
  if (['1.10', '1.1', '1.0', '1.00'].includes(written)) return '1.10';
  throw new SaftReadError(
    `AuditFileVersion ${written} is not one Nordbok reads (1.10, 1.20 or 1.30).`,
    line,
  );
}

function readHeader(node: Node): SaftFileHeader {
  const written = required(node, 'AuditFileVersion');
  const company = child(node, 'Company');
  if (!company) throw new SaftReadError('The Header lacks <Company>.', node.line);
  const address = child(company, 'Address');
  const street = address
    ? [optional(address, 'StreetName'), optional(address, 'Number')].filter(Boolean).join(' ')
    : '';
  const taxNumbers = all(company, 'TaxRegistration').map(
    (t) => optional(t, 'TaxRegistrationNumber') ?? '',
  );
  const selection = child(node, 'SelectionCriteria');
  return {
    version: versionOf(written, node.line),
    writtenVersion: written,
    software: [optional(node, 'SoftwareCompanyName'), optional(node, 'SoftwareID')]
      .filter(Boolean)
      .join(' '),
    company: {
      orgNumber: required(company, 'RegistrationNumber').replace(/\s/g, ''),
      name: required(company, 'Name'),
      vatRegistered: taxNumbers.some((n) => /MVA$/i.test(n.trim())),
      street: street || null,
      postalCode: address ? optional(address, 'PostalCode') : null,
      city: address ? optional(address, 'City') : null,
    },
    currency: optional(node, 'DefaultCurrencyCode') ?? 'NOK',
    selection: {
      startDate: selection ? dateIn(selection, 'SelectionStartDate', false) : null,
      endDate: selection ? dateIn(selection, 'SelectionEndDate', false) : null,
      periodStart: selection ? numberIn(selection, 'PeriodStart') : null,
      periodStartYear: selection ? numberIn(selection, 'PeriodStartYear') : null,
      periodEnd: selection ? numberIn(selection, 'PeriodEnd') : null,
      periodEndYear: selection ? numberIn(selection, 'PeriodEndYear') : null,
    },
  };
}

function readAccount(node: Node): SaftFileAccount {
  return {
    id: required(node, 'AccountID'),
    description: optional(node, 'AccountDescription') ?? '',
    standardAccountId: optional(node, 'StandardAccountID'),
    groupingCategory: optional(node, 'GroupingCategory'),
    groupingCode: optional(node, 'GroupingCode'),
    opening: balance(node, 'OpeningDebitBalance', 'OpeningCreditBalance') ?? 0,
    closing: balance(node, 'ClosingDebitBalance', 'ClosingCreditBalance'),
    line: node.line,
  };
}

/**
 * 1.20 and 1.30 give a party's balances per control account in BalanceAccount; 1.10 gives
 * one AccountID with its balances on the party itself.
 */
function readParty(node: Node, kind: 'customer' | 'supplier'): SaftFileParty {
  const idName = kind === 'customer' ? 'CustomerID' : 'SupplierID';
  const balances: SaftFileBalance[] = all(node, 'BalanceAccount').map((b) => ({
    accountId: required(b, 'AccountID'),
    opening: balance(b, 'OpeningDebitBalance', 'OpeningCreditBalance') ?? 0,
    closing: balance(b, 'ClosingDebitBalance', 'ClosingCreditBalance'),
  }));
  const direct = optional(node, 'AccountID');
  if (direct) {
    balances.push({
      accountId: direct,
      opening: balance(node, 'OpeningDebitBalance', 'OpeningCreditBalance') ?? 0,
      closing: balance(node, 'ClosingDebitBalance', 'ClosingCreditBalance'),
    });
  }
  return {
    kind,
    id: required(node, idName),
    name: optional(node, 'Name') ?? required(node, idName),
    orgNumber: optional(node, 'RegistrationNumber'),
    balances,
    line: node.line,
  };
}

function readTaxCode(node: Node): SaftFileTaxCode {
  return {
    code: required(node, 'TaxCode'),
    description: optional(node, 'Description') ?? '',
    percentage: optional(node, 'TaxPercentage'),
    standardCode: optional(node, 'StandardTaxCode'),
    line: node.line,
  };
}

function readTransaction(
  node: Node,
  journal: { id: string; description: string },
): SaftFileTransaction {
  const id = required(node, 'TransactionID');
  return {
    journalId: journal.id,
    journalDescription: journal.description,
    id,
    period: numberIn(node, 'Period'),
    periodYear: numberIn(node, 'PeriodYear'),
    date: dateIn(node, 'TransactionDate', true),
    description: optional(node, 'Description') ?? '',
    lines: all(node, 'Line').map(readLine),
    line: node.line,
  };
}

function readLine(node: Node): SaftFileLine {
  const debit = child(node, 'DebitAmount');
  const credit = child(node, 'CreditAmount');
  const side = debit ?? credit;
  if (!side || (debit && credit)) {
    throw new SaftReadError('A line needs either <DebitAmount> or <CreditAmount>.', node.line);
  }
  const amountNode = child(side, 'Amount');
  if (!amountNode) throw new SaftReadError(`<${side.name}> lacks <Amount>.`, side.line);
  const value = amount(amountNode);
  const signed = debit ? value : -value;
  return {
    recordId: optional(node, 'RecordID') ?? '',
    accountId: required(node, 'AccountID'),
    description: optional(node, 'Description') ?? '',
    amount: signed,
    customerId: optional(node, 'CustomerID'),
    supplierId: optional(node, 'SupplierID'),
    analysis: all(node, 'Analysis').map((a) => ({
      type: required(a, 'AnalysisType'),
      id: required(a, 'AnalysisID'),
    })),
    tax: all(node, 'TaxInformation').map((t) => readTax(t, Math.sign(signed))),
    referenceNumber: optional(node, 'ReferenceNumber') ?? optional(node, 'SourceDocumentID'),
    cid: optional(node, 'CID'),
    dueDate: dateIn(node, 'DueDate', false),
    currency: currencyOf(side, Math.sign(signed)),
    line: node.line,
  };
}

function readTax(node: Node, sign: number): SaftFileTax {
  const debit = child(node, 'DebitTaxAmount');
  const credit = child(node, 'CreditTaxAmount');
  const sidedNode = debit ?? credit;
  const plain = sidedNode ?? child(node, 'TaxAmount');
  const amountNode = plain ? child(plain, 'Amount') : undefined;
  const value = amountNode ? amount(amountNode) : 0;
  const baseNode = child(node, 'TaxBase');
  const base = baseNode ? decimalOre(baseNode) : null;
  return {
    code: required(node, 'TaxCode'),
    percentage: optional(node, 'TaxPercentage'),
    base: base === null ? null : sign < 0 ? -Math.abs(base) : Math.abs(base),
    amount: credit ? -value : value,
    sided: sidedNode !== undefined,
  };
}

/** TaxBase is any decimal in the schema: rounded to øre, half away from zero. */
function decimalOre(node: Node): Ore {
  const text = node.text.trim();
  if (!/^-?\d{1,16}(\.\d+)?$/.test(text)) {
    throw new SaftReadError(`<${node.name}> holds "${text}", which is not an amount.`, node.line);
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  const ore = cents + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  return negative ? -ore : ore;
}

function currencyOf(side: Node, sign: number): SaftFileLine['currency'] {
  const code = optional(side, 'CurrencyCode');
  const amountNode = child(side, 'CurrencyAmount');
  const rate = optional(side, 'ExchangeRate');
  if (!code || !amountNode || !rate || code === 'NOK') return null;
  if (!/^\d{1,10}(\.\d{1,8})?$/.test(rate)) return null;
  const value = Math.abs(amount(amountNode));
  return { code, amount: sign < 0 ? -value : value, rate };
}
