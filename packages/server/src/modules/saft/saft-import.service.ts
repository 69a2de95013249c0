import path from 'node:path';
import {
  DEFAULT_CHART,
  fiscalYearOf,
  fiscalYearSpan,
  vatCode as knownVatCode,
} from '@nordbok/core';
import {
  isGroupingCode,
  isValidOrgNumber,
  type SaftFileLine,
  type SaftFileTransaction,
} from '@nordbok/formats';
import type { Kysely } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { AccountRow, Database } from '../../db/schema';
import { AppError } from '../../errors';
import { kindOf } from '../accounting/account.service';
import { listAccounts, listVatAccounts } from '../accounting/account.store';
import { openFiscalYear } from '../accounting/period.service';
import { listFiscalYears } from '../accounting/period.store';
import { postRecordedVouchers } from '../accounting/voucher.service';
import type { LinePosting, RecordedVoucher } from '../accounting/voucher-rules';
import { changeCompany, createCompany } from '../admin/company.service';
import { findCompany } from '../admin/company.store';
import { grantInstallationAdmins } from '../admin/member.service';
import { reindexContact } from '../contacts/contact-search';
import { partyKey, type SaftScan, scanSaft, transactionKey, transactionsOf } from './saft-scan';

/**
 * SAF-T import: a file from another system becomes a company's ledger in Nordbok — chart,
 * customers, suppliers, departments, projects, journals as voucher series, the opening
 * balance and every transaction as a voucher. The file is read twice: once to check it and
 * learn what it holds, once to post. All the writing is one database transaction, so a
 * fault leaves nothing behind. What the file contradicts in itself is kept balanced through
 * a suspense account and reported with its amounts; what cannot be mapped is reported too.
 * Keys recorded for every transaction, party and journal make a second import of the same
 * file (or an overlapping one) add nothing twice.
 */

/** Where differences in the file go, so the ledger stays balanced. Created when needed. */
export const SUSPENSE_ACCOUNT = '2999';
const SUSPENSE_NAMES = {
  nb: 'Avvik fra SAF-T-import (må avklares)',
  en: 'SAF-T import differences (to be cleared)',
};

/** Vouchers posted per call; each call checks and numbers its batch together. */
const BATCH = 250;

export interface ImportProgress {
  phase: 'reading' | 'importing' | 'checking';
  done: number;
  total: number;
}

export interface SaftImportInput {
  file: string;
  /** The name the user knows the file by. */
  fileName?: string | undefined;
  /** Fill this company; without it the company with the file's org number, or a new one. */
  companyId?: number | undefined;
  userId: number | null;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface Contradiction {
  kind:
    | 'opening-not-zero'
    | 'opening-differs-from-ledger'
    | 'closing-differs'
    | 'subledger-differs'
    | 'party-closing-differs'
    | 'totals-differ';
  /** The file's account or party it concerns. */
  subject: string;
  stated: number;
  computed: number;
  difference: number;
  message: string;
}

export interface Unmapped {
  kind: 'account' | 'tax-code' | 'analysis-type' | 'vat-line' | 'party' | 'dimension';
  id: string;
  message: string;
  /** Lines affected, where that is known. */
  lines?: number;
}

export interface SaftImportReport {
  importId: number;
  companyId: number;
  companyName: string;
  createdCompany: boolean;
  file: {
    name: string;
    version: string;
    writtenVersion: string;
    software: string;
    orgNumber: string;
    sha256: string;
    from: string;
    to: string;
  };
  /** True when this very file had been imported into the company before. */
  importedBefore: boolean;
  counts: {
    accountsCreated: number;
    customersCreated: number;
    suppliersCreated: number;
    departmentsCreated: number;
    projectsCreated: number;
    seriesCreated: number;
    vouchersImported: number;
    vouchersAlreadyThere: number;
    lines: number;
  };
  series: { journal: string; series: string }[];
  taxCodes: { code: string; standardCode: string | null; vatCode: string | null }[];
  accounts: { fileAccount: string; account: string; how: 'created' | 'standard' | 'suspense' }[];
  contradictions: Contradiction[];
  unmapped: Unmapped[];
  suspense: { account: string; amount: number } | null;
}

export async function importSaft(
  db: Kysely<Database>,
  input: SaftImportInput,
): Promise<SaftImportReport> {
  const progress = input.onProgress;
  const scan = await scanSaft(input.file, (done, total) =>
    progress?.({ phase: 'reading', done, total }),
  );
  checkHeader(scan);
  return inTransaction(db, async (trx) => {
    const run = await ImportRun.start(trx, scan, input);
    return run.execute();
  });
}

function checkHeader(scan: SaftScan) {
  const { company, currency } = scan.header;
  if (!isValidOrgNumber(company.orgNumber)) {
    throw AppError.field(
      'file',
      `The file's company has org number ${company.orgNumber}, which is not a valid Norwegian organisation number.`,
      'invalid-saft',
    );
  }
  if (currency !== 'NOK') {
    throw AppError.field(
      'file',
      `The file's currency is ${currency}; Nordbok keeps its ledgers in NOK.`,
      'invalid-saft',
    );
  }
}

type PartyKind = 'customer' | 'supplier';

class ImportRun {
  private report: SaftImportReport;
  private startMonth = 1;
  /** File AccountID → our account number (the suspense account for what cannot be mapped). */
  private accountMap = new Map<string, string>();
  private ourAccounts = new Map<string, AccountRow>();
  private vatAccounts = new Set<string>();
  private parties = new Map<string, number>();
  private unknownParty = new Map<PartyKind, number>();
  private departments = new Map<string, number>();
  private projects = new Map<string, number>();
  private series = new Map<string, string>();
  private taxCodeMap = new Map<string, string | null>();
  private missedVat = { lines: 0, example: '' };
  private unknownLines = new Map<PartyKind, number>();
  private openingDate = '';
  private endDate = '';

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly scan: SaftScan,
    private readonly input: SaftImportInput,
    private readonly companyId: number,
    companyName: string,
    createdCompany: boolean,
  ) {
    const h = scan.header;
    this.report = {
      importId: 0,
      companyId,
      companyName,
      createdCompany,
      file: {
        name: input.fileName ?? path.basename(input.file),
        version: h.version,
        writtenVersion: h.writtenVersion,
        software: h.software,
        orgNumber: h.company.orgNumber,
        sha256: scan.sha256,
        from: '',
        to: '',
      },
      importedBefore: false,
      counts: {
        accountsCreated: 0,
        customersCreated: 0,
        suppliersCreated: 0,
        departmentsCreated: 0,
        projectsCreated: 0,
        seriesCreated: 0,
        vouchersImported: 0,
        vouchersAlreadyThere: 0,
        lines: 0,
      },
      series: [],
      taxCodes: [],
      accounts: [],
      contradictions: [],
      unmapped: [],
      suspense: null,
    };
  }

  static async start(db: Kysely<Database>, scan: SaftScan, input: SaftImportInput) {
    const { id, name, created } = await targetCompany(db, scan, input);
    const run = new ImportRun(db, scan, input, id, name, created);
    const company = await findCompany(db, id);
    run.startMonth = company?.fiscal_year_start_month ?? 1;
    return run;
  }

  async execute(): Promise<SaftImportReport> {
    const before = await this.db
      .selectFrom('saft_imports')
      .select('id')
      .where('company_id', '=', this.companyId)
      .where('sha256', '=', this.scan.sha256)
      .executeTakeFirst();
    this.report.importedBefore = before !== undefined;
    this.settleDates();
    await this.openFiscalYears();
    await this.mapAccounts();
    await this.mapTaxCodes();
    await this.mapParties();
    await this.mapDimensions();
    await this.mapSeries();
    await this.postOpeningBalance();
    await this.postTransactions();
    this.input.onProgress?.({ phase: 'checking', done: 0, total: 1 });
    this.checkFileTotals();
    this.checkPartyClosings();
    await this.checkClosings();
    for (const [kind, lines] of this.unknownLines) {
      this.unmapped(
        'party',
        kind,
        `${lines} lines on ${kind} accounts name no ${kind}; they are kept on "${kind === 'customer' ? 'Ukjent kunde' : 'Ukjent leverandør'} (SAF-T-import)".`,
        lines,
      );
    }
    if (this.missedVat.lines > 0) {
      this.unmapped(
        'vat-line',
        'VAT',
        `${this.missedVat.lines} VAT amounts have no VAT line of their own in the transaction (first: ${this.missedVat.example}); their base lines keep the VAT code.`,
        this.missedVat.lines,
      );
    }
    await this.saveImport();
    return this.report;
  }

  // --- Dates and fiscal years ---------------------------------------------------------

  private settleDates() {
    const { selection } = this.scan.header;
    const { scan } = this;
    if (this.report.createdCompany && scan.sample) {
      // Period 1 is the fiscal year's first month: a transaction in month m and period p
      // puts the first month p − 1 months before m.
      const month = Number(scan.sample.date.slice(5, 7));
      this.startMonth = ((month - scan.sample.period + 12) % 12) + 1;
    }
    const periodDate = (year: number | null, period: number | null, end: boolean) => {
      if (year === null || period === null || period < 1 || period > 12) return null;
      const p = fiscalYearSpan(year, this.startMonth).periods[period]!;
      return end ? p.endDate : p.startDate;
    };
    const first = scan.firstDate ?? new Date().toISOString().slice(0, 10);
    this.openingDate =
      selection.startDate ??
      periodDate(selection.periodStartYear, selection.periodStart, false) ??
      fiscalYearSpan(fiscalYearOf(first, this.startMonth), this.startMonth).startDate;
    this.endDate =
      selection.endDate ??
      periodDate(selection.periodEndYear, selection.periodEnd, true) ??
      scan.lastDate ??
      this.openingDate;
    if (scan.firstDate && scan.firstDate < this.openingDate) this.openingDate = scan.firstDate;
    if (scan.lastDate && scan.lastDate > this.endDate) this.endDate = scan.lastDate;
    this.report.file.from = this.openingDate;
    this.report.file.to = this.endDate;
  }

  private async openFiscalYears() {
    const open = new Set((await listFiscalYears(this.db, this.companyId)).map((y) => y.year));
    const first = fiscalYearOf(this.openingDate, this.startMonth);
    const last = fiscalYearOf(this.endDate, this.startMonth);
    for (let year = first; year <= last; year++) {
      if (!open.has(year)) await openFiscalYear(this.db, this.companyId, year, this.startMonth);
    }
  }

  // --- Master data --------------------------------------------------------------------

  private async mapAccounts() {
    const ours = await listAccounts(this.db, this.companyId);
    for (const a of ours) this.ourAccounts.set(a.number, a);
    for (const row of await listVatAccounts(this.db, this.companyId)) {
      if (row.output_account) this.vatAccounts.add(row.output_account);
      if (row.input_account) this.vatAccounts.add(row.input_account);
    }
    for (const a of this.scan.accounts) {
      if (/^[1-8]\d{3,5}$/.test(a.id)) {
        if (!this.ourAccounts.has(a.id)) await this.createAccount(a.id, a);
        this.accountMap.set(a.id, a.id);
        continue;
      }
      const standard = [a.standardAccountId, a.groupingCode].find(
        (c): c is string => !!c && this.ourAccounts.has(c),
      );
      if (standard) {
        this.accountMap.set(a.id, standard);
        this.report.accounts.push({ fileAccount: a.id, account: standard, how: 'standard' });
        continue;
      }
      const suspense = await this.suspenseAccount();
      this.accountMap.set(a.id, suspense);
      this.report.accounts.push({ fileAccount: a.id, account: suspense, how: 'suspense' });
      this.unmapped(
        'account',
        a.id,
        `Account ${a.id} ${a.description} has no number Nordbok can use and no standard account; its postings go to ${suspense}.`,
      );
    }
    await this.markControlAccounts();
  }

  private async createAccount(
    number: string,
    a: { description: string; groupingCategory: string | null; groupingCode: string | null },
  ) {
    const grouping =
      a.groupingCategory && a.groupingCode && isGroupingCode(a.groupingCategory, a.groupingCode)
        ? { category: a.groupingCategory, code: a.groupingCode }
        : groupingLike(number);
    const row = await this.db
      .insertInto('accounts')
      .values({
        company_id: this.companyId,
        number,
        name_nb: (a.description || `Konto ${number}`).slice(0, 120),
        name_en: (a.description || `Account ${number}`).slice(0, 120),
        kind: kindOf(number),
        vat_code: null,
        grouping_category: grouping.category,
        grouping_code: grouping.code,
        subledger: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ourAccounts.set(number, row);
    this.report.counts.accountsCreated += 1;
    this.report.accounts.push({ fileAccount: number, account: number, how: 'created' });
  }

  private async suspenseAccount(): Promise<string> {
    if (!this.ourAccounts.has(SUSPENSE_ACCOUNT)) {
      const row = await this.db
        .insertInto('accounts')
        .values({
          company_id: this.companyId,
          number: SUSPENSE_ACCOUNT,
          name_nb: SUSPENSE_NAMES.nb,
          name_en: SUSPENSE_NAMES.en,
          kind: kindOf(SUSPENSE_ACCOUNT),
          vat_code: null,
          grouping_category: 'kortsiktigGjeld',
          grouping_code: '2990',
          subledger: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      this.ourAccounts.set(SUSPENSE_ACCOUNT, row);
    }
    return SUSPENSE_ACCOUNT;
  }

  /**
   * The accounts the file keeps customers or suppliers on become sub-ledger accounts here
   * too, when they are not already and have no postings of their own.
   */
  private async markControlAccounts() {
    const kinds = new Map<string, Set<PartyKind>>();
    const note = (fileAccount: string, kind: PartyKind) => {
      const ours = this.accountMap.get(fileAccount);
      if (!ours || ours === SUSPENSE_ACCOUNT) return;
      kinds.set(ours, (kinds.get(ours) ?? new Set()).add(kind));
    };
    for (const p of this.scan.parties) for (const b of p.balances) note(b.accountId, p.kind);
    for (const key of this.scan.partyMovement.keys()) {
      const [kind, , account] = key.split('|') as [PartyKind, string, string];
      note(account, kind);
    }
    for (const [number, set] of kinds) {
      const account = this.ourAccounts.get(number);
      if (!account || account.subledger) continue;
      if (set.size > 1) {
        this.unmapped(
          'account',
          number,
          `Account ${number} holds both customers and suppliers in the file; it is kept without a sub-ledger.`,
        );
        continue;
      }
      const used = await this.db
        .selectFrom('account_day_totals')
        .select('account')
        .where('company_id', '=', this.companyId)
        .where('account', '=', number)
        .executeTakeFirst();
      if (used || this.vatAccounts.has(number)) continue;
      const kind = [...set][0]!;
      await this.db
        .updateTable('accounts')
        .set({ subledger: kind })
        .where('company_id', '=', this.companyId)
        .where('number', '=', number)
        .execute();
      this.ourAccounts.set(number, { ...account, subledger: kind });
    }
  }

  private async mapTaxCodes() {
    for (const t of this.scan.taxCodes.values()) {
      const ours = this.vatCodeOf(t.code);
      this.report.taxCodes.push({ code: t.code, standardCode: t.standardCode, vatCode: ours });
    }
  }

  /** The file's own tax code → ours, through its StandardTaxCode (or the code itself). */
  private vatCodeOf(code: string): string | null {
    if (this.taxCodeMap.has(code)) return this.taxCodeMap.get(code)!;
    const standard = this.scan.taxCodes.get(code)?.standardCode ?? code;
    const ours = knownVatCode(standard) ? standard : null;
    this.taxCodeMap.set(code, ours);
    if (!ours) {
      this.unmapped(
        'tax-code',
        code,
        `Tax code ${code} (standard code ${standard}) is not a Norwegian standard VAT code; lines with it are imported without a VAT code.`,
      );
    }
    return ours;
  }

  private async mapParties() {
    const keys = await this.keys(['customer', 'supplier']);
    const listed = this.scan.parties.map((p) => ({
      kind: p.kind,
      id: p.id,
      name: p.name,
      orgNumber: p.orgNumber,
    }));
    const unlisted = this.scan.unlistedParties.map((p) => ({
      ...p,
      name: `${p.kind === 'customer' ? 'Kunde' : 'Leverandør'} ${p.id}`,
      orgNumber: null,
    }));
    for (const p of unlisted) {
      this.unmapped(
        'party',
        p.id,
        `The file's lines name ${p.kind} ${p.id}, who is not among its ${p.kind}s; created as "${p.name}".`,
      );
    }
    for (const p of [...listed, ...unlisted]) {
      const known = keys.get(`${p.kind}|${p.id}`);
      if (known) {
        this.parties.set(`${p.kind}|${p.id}`, Number(known));
        continue;
      }
      const id = await this.createParty(p.kind, p.name, p.orgNumber, p.id);
      this.parties.set(`${p.kind}|${p.id}`, id);
      await this.saveKey(p.kind, p.id, String(id));
    }
  }

  private async createParty(
    kind: PartyKind,
    name: string,
    orgNumber: string | null,
    fileId: string | null,
  ): Promise<number> {
    const column = kind === 'customer' ? 'customer_number' : 'supplier_number';
    let number = fileId && /^\d{1,9}$/.test(fileId) ? Number(fileId) : null;
    if (number !== null && number > 0) {
      const taken = await this.db
        .selectFrom('parties')
        .select('id')
        .where('company_id', '=', this.companyId)
        .where(column, '=', number)
        .executeTakeFirst();
      if (taken) number = null;
    } else {
      number = null;
    }
    if (number === null) {
      const row = await this.db
        .selectFrom('parties')
        .select((eb) => eb.fn.max(column).as('last'))
        .where('company_id', '=', this.companyId)
        .executeTakeFirst();
      number = Math.max(Number(row?.last ?? 0) + 1, kind === 'customer' ? 10_000 : 20_000);
    }
    const row = await this.db
      .insertInto('parties')
      .values({
        company_id: this.companyId,
        name: name.slice(0, 200),
        org_number: orgNumber && isValidOrgNumber(orgNumber) ? orgNumber : null,
        customer_number: kind === 'customer' ? number : null,
        supplier_number: kind === 'supplier' ? number : null,
        created_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reindexContact(this.db, this.companyId, row.id);
    this.report.counts[kind === 'customer' ? 'customersCreated' : 'suppliersCreated'] += 1;
    return row.id;
  }

  /** A catch-all party for sub-ledger lines the file gives no customer or supplier. */
  private async unknown(kind: PartyKind): Promise<number> {
    const had = this.unknownParty.get(kind);
    if (had) return had;
    const keys = await this.keys([kind]);
    const known = keys.get(`${kind}|`);
    const id = known
      ? Number(known)
      : await this.createParty(
          kind,
          kind === 'customer' ? 'Ukjent kunde (SAF-T-import)' : 'Ukjent leverandør (SAF-T-import)',
          null,
          null,
        );
    if (!known) await this.saveKey(kind, '', String(id));
    this.unknownParty.set(kind, id);
    return id;
  }

  private async mapDimensions() {
    const wanted = new Map<string, Map<string, string>>();
    for (const a of this.scan.analysis) {
      const ids = wanted.get(a.type) ?? new Map<string, string>();
      ids.set(a.id, a.description || a.id);
      wanted.set(a.type, ids);
    }
    for (const [type, ids] of this.scan.lineAnalysis) {
      const known = wanted.get(type) ?? new Map<string, string>();
      for (const id of ids) if (!known.has(id)) known.set(id, id);
      wanted.set(type, known);
    }
    for (const [type, ids] of wanted) {
      const table = type === 'A' ? 'departments' : type === 'P' ? 'projects' : null;
      if (!table) {
        const description =
          this.scan.analysis.find((a) => a.type === type)?.typeDescription ?? type;
        this.unmapped(
          'analysis-type',
          type,
          `Analysis type ${type} (${description}) has no counterpart in Nordbok, which keeps departments (A) and projects (P); its ${ids.size} values are not imported.`,
        );
        continue;
      }
      const target = table === 'departments' ? this.departments : this.projects;
      const existing = await this.db
        .selectFrom(table)
        .select(['id', 'code'])
        .where('company_id', '=', this.companyId)
        .execute();
      const byCode = new Map(existing.map((d) => [d.code, d.id]));
      for (const [id, name] of ids) {
        const code = dimensionCode(id);
        let dimension = byCode.get(code);
        if (dimension === undefined) {
          const row = await this.db
            .insertInto(table)
            .values({ company_id: this.companyId, code, name: name.slice(0, 100), parent_id: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          dimension = row.id;
          byCode.set(code, dimension);
          this.report.counts[table === 'departments' ? 'departmentsCreated' : 'projectsCreated'] +=
            1;
          if (code !== id) {
            this.unmapped(
              'dimension',
              id,
              `${type === 'A' ? 'Department' : 'Project'} ${id} is kept as ${code}.`,
            );
          }
        }
        target.set(id, dimension);
      }
    }
  }

  /** Each journal of the file becomes a voucher series, by its id when that fits. */
  private async mapSeries() {
    const keys = await this.keys(['series']);
    const existing = new Set(
      (
        await this.db
          .selectFrom('voucher_series')
          .select('code')
          .where('company_id', '=', this.companyId)
          .execute()
      ).map((s) => s.code),
    );
    for (const [journal, description] of this.scan.journals) {
      let code = keys.get(`series|${journal}`) ?? null;
      if (!code) {
        const wanted = journal.toUpperCase();
        if (/^[A-Z0-9]{1,4}$/.test(wanted)) {
          code = wanted;
        } else {
          let n = 1;
          while (existing.has(`J${n}`)) n += 1;
          code = `J${n}`;
        }
        if (!existing.has(code)) {
          await this.db
            .insertInto('voucher_series')
            .values({
              company_id: this.companyId,
              code,
              name_nb: (description || `Journal ${journal}`).slice(0, 100),
              name_en: (description || `Journal ${journal}`).slice(0, 100),
            })
            .execute();
          existing.add(code);
          this.report.counts.seriesCreated += 1;
        }
        await this.saveKey('series', journal, code);
      }
      this.series.set(journal, code);
      this.report.series.push({ journal, series: code });
    }
  }

  // --- Opening balance ----------------------------------------------------------------

  /**
   * The opening balance as one voucher: each account's opening, customer and supplier
   * accounts split per party. Where the parties do not add up to their account, or the
   * accounts do not add up to zero, the difference goes to the suspense account. When the
   * ledger already holds postings before the opening date (an earlier year imported), the
   * balance is already there: it is compared, not posted again.
   */
  private async postOpeningBalance() {
    const keys = await this.keys(['opening']);
    if (keys.has(`opening|${this.openingDate}`)) return;
    const earlier = await this.balancesBefore(this.openingDate);
    const byAccount = new Map<string, number>();
    for (const a of this.scan.accounts) {
      const ours = this.accountMap.get(a.id)!;
      byAccount.set(ours, (byAccount.get(ours) ?? 0) + a.opening);
    }
    if (earlier.size > 0) {
      for (const [account, stated] of byAccount) {
        if (account[0] !== '1' && account[0] !== '2') continue;
        const ledger = earlier.get(account) ?? 0;
        if (ledger !== stated) {
          this.contradiction(
            'opening-differs-from-ledger',
            account,
            stated,
            ledger,
            `Account ${account}: the file opens with ${kr(stated)}, the ledger holds ${kr(ledger)} at ${this.openingDate}.`,
          );
        }
      }
      await this.saveKey('opening', this.openingDate, 'compared');
      return;
    }
    const postings: LinePosting[] = [];
    const partyTotals = new Map<string, number>();
    for (const p of this.scan.parties) {
      for (const b of p.balances) {
        if (b.opening === 0) continue;
        const account = this.accountMap.get(b.accountId) ?? b.accountId;
        const row = this.ourAccounts.get(account);
        if (!row) {
          this.unmapped(
            'party',
            p.id,
            `${p.kind === 'customer' ? 'Customer' : 'Supplier'} ${p.id} ${p.name} opens with ${kr(b.opening)} on account ${b.accountId}, which is neither in the file's chart nor in Nordbok's; that balance is not imported.`,
          );
          continue;
        }
        if (!row.subledger) continue;
        const partyId =
          row.subledger === p.kind
            ? this.parties.get(`${p.kind}|${p.id}`)!
            : await this.unknown(row.subledger as PartyKind);
        postings.push(this.posting(account, b.opening, 'Inngående saldo', { partyId }));
        partyTotals.set(account, (partyTotals.get(account) ?? 0) + b.opening);
      }
    }
    for (const [account, opening] of byAccount) {
      const row = this.ourAccounts.get(account);
      if (row?.subledger) {
        const parties = partyTotals.get(account) ?? 0;
        if (parties !== opening) {
          this.contradiction(
            'subledger-differs',
            account,
            opening,
            parties,
            `Account ${account} opens with ${kr(opening)}, its ${row.subledger}s with ${kr(parties)} in all; the ${row.subledger}s are followed and ${kr(opening - parties)} goes to ${SUSPENSE_ACCOUNT}.`,
          );
          postings.push(
            this.posting(
              await this.suspenseAccount(),
              opening - parties,
              `Avvik inngående saldo konto ${account}`,
            ),
          );
        }
        continue;
      }
      if (opening !== 0) postings.push(this.posting(account, opening, 'Inngående saldo'));
    }
    // Customer and supplier balances on accounts the file's chart does not list.
    for (const [account, parties] of partyTotals) {
      if (byAccount.has(account)) continue;
      this.contradiction(
        'subledger-differs',
        account,
        0,
        parties,
        `The file's ${this.ourAccounts.get(account)?.subledger ?? 'party'} balances on account ${account} come to ${kr(parties)}, but the chart gives the account no balance; ${kr(-parties)} goes to ${SUSPENSE_ACCOUNT}.`,
      );
      postings.push(
        this.posting(
          await this.suspenseAccount(),
          -parties,
          `Avvik inngående saldo konto ${account}`,
        ),
      );
    }
    const sum = postings.reduce((s, p) => s + p.amount, 0);
    if (sum !== 0) {
      this.contradiction(
        'opening-not-zero',
        this.openingDate,
        sum,
        0,
        `The opening balances add up to ${kr(sum)}, not zero; ${kr(-sum)} goes to ${SUSPENSE_ACCOUNT}.`,
      );
      postings.push(this.posting(await this.suspenseAccount(), -sum, 'Avvik inngående balanse'));
    }
    const lines = postings.filter((p) => p.amount !== 0);
    if (lines.length > 0) {
      const yearStart = this.yearStart(this.openingDate);
      const [row] = await postRecordedVouchers(this.db, this.context(), [
        {
          series: 'IB',
          date: this.openingDate,
          opening: yearStart === this.openingDate,
          description: `Inngående saldo ${this.openingDate} (SAF-T)`,
          postings: lines,
        },
      ]);
      await this.saveKey('opening', this.openingDate, String(row!.id));
    } else {
      await this.saveKey('opening', this.openingDate, 'none');
    }
  }

  private async balancesBefore(date: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('account_day_totals')
      .select([
        'account',
        (eb) => eb.fn.sum<number>(eb(eb.ref('debit'), '-', eb.ref('credit'))).as('balance'),
      ])
      .where('company_id', '=', this.companyId)
      .where('date', '<', date)
      .groupBy('account')
      .execute();
    return new Map(rows.map((r) => [r.account, Number(r.balance)]));
  }

  // --- Transactions -------------------------------------------------------------------

  private async postTransactions() {
    const total = this.scan.transactions;
    let done = 0;
    let batch: SaftFileTransaction[] = [];
    const flush = async () => {
      await this.postBatch(batch);
      done += batch.length;
      batch = [];
      this.input.onProgress?.({ phase: 'importing', done, total });
    };
    for await (const t of transactionsOf(this.input.file)) {
      batch.push(t);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  }

  private async postBatch(batch: SaftFileTransaction[]) {
    const sources = batch.map(transactionKey);
    const existing = new Set(
      (
        await this.db
          .selectFrom('saft_keys')
          .select('source')
          .where('company_id', '=', this.companyId)
          .where('kind', '=', 'voucher')
          .where('source', 'in', sources)
          .execute()
      ).map((r) => r.source),
    );
    const fresh = batch.filter((_, i) => !existing.has(sources[i]!));
    this.report.counts.vouchersAlreadyThere += batch.length - fresh.length;
    if (fresh.length === 0) return;
    const vouchers: RecordedVoucher[] = [];
    for (const t of fresh) vouchers.push(await this.voucherOf(t));
    const rows = await postRecordedVouchers(this.db, this.context(), vouchers);
    await this.db
      .insertInto('saft_keys')
      .values(
        fresh.map((t, i) => ({
          company_id: this.companyId,
          kind: 'voucher',
          source: transactionKey(t),
          target: String(rows[i]!.id),
        })),
      )
      .execute();
    this.report.counts.vouchersImported += fresh.length;
    this.report.counts.lines += fresh.reduce((s, t) => s + t.lines.length, 0);
  }

  private async voucherOf(t: SaftFileTransaction): Promise<RecordedVoucher> {
    const postings: LinePosting[] = [];
    for (const l of t.lines) postings.push(await this.linePosting(l));
    this.assignVat(t, postings);
    const description = (t.description || `${t.journalId} ${t.id}`).slice(0, 200);
    // Period 0 is the opening balance, as Nordbok itself exports it.
    const opening = t.period === 0 && t.date === this.yearStart(t.date);
    return { series: this.series.get(t.journalId)!, date: t.date, description, opening, postings };
  }

  private yearStart(date: string): string {
    return fiscalYearSpan(fiscalYearOf(date, this.startMonth), this.startMonth).startDate;
  }

  private async linePosting(l: SaftFileLine): Promise<LinePosting> {
    const account = this.accountMap.get(l.accountId)!;
    const row = this.ourAccounts.get(account);
    const kind = (row?.subledger ?? null) as PartyKind | null;
    let partyId: number | null = null;
    if (kind) {
      const fileId = kind === 'customer' ? l.customerId : l.supplierId;
      partyId = fileId ? (this.parties.get(`${kind}|${fileId}`) ?? null) : null;
      if (partyId === null) {
        partyId = await this.unknown(kind);
        this.unknownLines.set(kind, (this.unknownLines.get(kind) ?? 0) + 1);
      }
    }
    let departmentId: number | null = null;
    let projectId: number | null = null;
    for (const a of l.analysis) {
      if (a.type === 'A') departmentId = this.departments.get(a.id) ?? departmentId;
      if (a.type === 'P') projectId = this.projects.get(a.id) ?? projectId;
    }
    return this.posting(account, l.amount, l.description, {
      partyId,
      departmentId,
      projectId,
      ...(kind
        ? {
            invoiceNumber: l.referenceNumber?.slice(0, 40) ?? null,
            dueDate: l.dueDate,
            kid: l.cid?.slice(0, 25) ?? null,
          }
        : {}),
      currency: l.currency,
    });
  }

  /**
   * Gives the VAT code to the base line that carries the tax information and finds the
   * line that holds each of its VAT amounts: a line without tax information of its own,
   * for the same amount, on a VAT account (27xx). Input VAT is a debit and output VAT a
   * credit; a file that gives the tax amount without a side (1.10/1.20) gets the side the
   * code's direction says.
   */
  private assignVat(t: SaftFileTransaction, postings: LinePosting[]) {
    const claimed = new Set<number>();
    t.lines.forEach((l, i) => {
      const tax = l.tax[0];
      if (!tax) return;
      const code = this.vatCodeOf(tax.code);
      const posting = postings[i]!;
      if (!code || this.ourAccounts.get(posting.account)?.subledger) return;
      if (this.isVatAccount(posting.account)) {
        this.vatLineWithTax(t, postings, i, code, claimed);
        return;
      }
      posting.vatCode = code;
      posting.vatKind = 'base';
      for (const amount of vatAmounts(
        code,
        l.tax.filter((x) => x.code === tax.code),
      )) {
        const j = postings.findIndex(
          (p, n) =>
            n !== i &&
            !claimed.has(n) &&
            t.lines[n]!.tax.length === 0 &&
            p.amount === amount &&
            this.isVatAccount(p.account),
        );
        if (j < 0) {
          this.missedVat.lines += 1;
          if (!this.missedVat.example) this.missedVat.example = `${t.journalId}/${t.id}`;
          continue;
        }
        claimed.add(j);
        postings[j]!.vatCode = code;
        postings[j]!.vatKind = vatKindOf(code, amount);
      }
    });
  }

  private isVatAccount(account: string): boolean {
    return this.vatAccounts.has(account) || account.startsWith('27');
  }

  /**
   * Some systems put the tax information on the VAT line itself, with the basis in TaxBase:
   * that line is the VAT, and the base is the line without tax information for the basis.
   */
  private vatLineWithTax(
    t: SaftFileTransaction,
    postings: LinePosting[],
    i: number,
    code: string,
    claimed: Set<number>,
  ) {
    const vat = postings[i]!;
    vat.vatCode = code;
    vat.vatKind = vatKindOf(code, vat.amount);
    claimed.add(i);
    const base = t.lines[i]!.tax[0]?.base;
    if (base === null || base === undefined) return;
    const j = postings.findIndex(
      (p, n) =>
        n !== i &&
        !claimed.has(n) &&
        p.vatCode === null &&
        t.lines[n]!.tax.length === 0 &&
        Math.abs(p.amount) === Math.abs(base) &&
        !this.isVatAccount(p.account) &&
        !this.ourAccounts.get(p.account)?.subledger,
    );
    if (j < 0) return;
    claimed.add(j);
    postings[j]!.vatCode = code;
    postings[j]!.vatKind = 'base';
  }

  // --- Checks after posting -----------------------------------------------------------

  private checkFileTotals() {
    const { totals, transactions, debit, credit } = this.scan;
    const check = (what: string, stated: number | null, computed: number, money: boolean) => {
      if (stated === null || stated === computed) return;
      const show = money ? kr : String;
      this.contradiction(
        'totals-differ',
        what,
        stated,
        computed,
        `${what} says ${show(stated)}, the file holds ${show(computed)}.`,
      );
    };
    check('NumberOfEntries', totals.entries, transactions, false);
    check('TotalDebit', totals.debit, debit, true);
    check('TotalCredit', totals.credit, credit, true);
  }

  private checkPartyClosings() {
    for (const p of this.scan.parties) {
      for (const b of p.balances) {
        if (b.closing === null) continue;
        const computed =
          b.opening + (this.scan.partyMovement.get(partyKey(p.kind, p.id, b.accountId)) ?? 0);
        if (computed !== b.closing) {
          this.contradiction(
            'party-closing-differs',
            `${p.kind} ${p.id}`,
            b.closing,
            computed,
            `${p.kind === 'customer' ? 'Customer' : 'Supplier'} ${p.id} ${p.name} closes account ${b.accountId} with ${kr(b.closing)} in the file, but opening + transactions give ${kr(computed)}; the transactions are followed.`,
          );
        }
      }
    }
  }

  /** The ledger now against each account's stated closing balance. */
  private async checkClosings() {
    const stated = new Map<string, number>();
    for (const a of this.scan.accounts) {
      if (a.closing === null) continue;
      const ours = this.accountMap.get(a.id)!;
      stated.set(ours, (stated.get(ours) ?? 0) + a.closing);
    }
    const ledger = await this.balancesBefore(nextDay(this.endDate));
    for (const [account, closing] of stated) {
      if (account === SUSPENSE_ACCOUNT) continue;
      // Result accounts start each fiscal year at zero, so compare their year only.
      const computed =
        account[0] === '1' || account[0] === '2'
          ? (ledger.get(account) ?? 0)
          : await this.resultSince(account);
      if (computed !== closing) {
        this.contradiction(
          'closing-differs',
          account,
          closing,
          computed,
          `Account ${account} closes with ${kr(closing)} in the file, but its opening balance and transactions give ${kr(computed)}; the transactions are followed.`,
        );
      }
    }
    const suspense = (await this.balancesBefore(nextDay(this.endDate))).get(SUSPENSE_ACCOUNT);
    if (this.ourAccounts.has(SUSPENSE_ACCOUNT)) {
      this.report.suspense = { account: SUSPENSE_ACCOUNT, amount: suspense ?? 0 };
    }
  }

  private async resultSince(account: string): Promise<number> {
    const yearStart = fiscalYearSpan(
      fiscalYearOf(this.endDate, this.startMonth),
      this.startMonth,
    ).startDate;
    const row = await this.db
      .selectFrom('account_day_totals')
      .select((eb) => eb.fn.sum<number>(eb(eb.ref('debit'), '-', eb.ref('credit'))).as('balance'))
      .where('company_id', '=', this.companyId)
      .where('account', '=', account)
      .where('date', '>=', yearStart)
      .where('date', '<=', this.endDate)
      .executeTakeFirst();
    return Number(row?.balance ?? 0);
  }

  private async saveImport() {
    const row = await this.db
      .insertInto('saft_imports')
      .values({
        company_id: this.companyId,
        file_name: this.report.file.name,
        sha256: this.scan.sha256,
        version: this.scan.header.version,
        vouchers: this.report.counts.vouchersImported,
        report: '{}',
        imported_by: this.input.userId,
        imported_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.report.importId = row.id;
    await this.db
      .updateTable('saft_imports')
      .set({ report: JSON.stringify(this.report) })
      .where('id', '=', row.id)
      .execute();
  }

  // --- Small helpers ------------------------------------------------------------------

  private context() {
    return { companyId: this.companyId, userId: this.input.userId };
  }

  private posting(
    account: string,
    amount: number,
    description: string,
    extra: Partial<LinePosting> = {},
  ): LinePosting {
    return {
      line: 0,
      account,
      amount,
      vatCode: null,
      vatKind: null,
      description: description.slice(0, 200),
      departmentId: null,
      projectId: null,
      partyId: null,
      invoiceNumber: null,
      dueDate: null,
      kid: null,
      currency: null,
      ...extra,
    };
  }

  private async keys(kinds: string[]): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('saft_keys')
      .select(['kind', 'source', 'target'])
      .where('company_id', '=', this.companyId)
      .where('kind', 'in', kinds)
      .execute();
    return new Map(rows.map((r) => [`${r.kind}|${r.source}`, r.target]));
  }

  private async saveKey(kind: string, source: string, target: string) {
    await this.db
      .insertInto('saft_keys')
      .values({ company_id: this.companyId, kind, source, target })
      .execute();
  }

  private contradiction(
    kind: Contradiction['kind'],
    subject: string,
    stated: number,
    computed: number,
    message: string,
  ) {
    this.report.contradictions.push({
      kind,
      subject,
      stated,
      computed,
      difference: stated - computed,
      message,
    });
  }

  private unmapped(kind: Unmapped['kind'], id: string, message: string, lines?: number) {
    this.report.unmapped.push({ kind, id, message, ...(lines === undefined ? {} : { lines }) });
  }
}

/**
 * The company to fill: the one asked for, which must hold no vouchers but imported ones;
 * otherwise the company with the file's org number that was itself made by imports; or a
 * new company from the file's header.
 */
async function targetCompany(
  db: Kysely<Database>,
  scan: SaftScan,
  input: SaftImportInput,
): Promise<{ id: number; name: string; created: boolean }> {
  const { company } = scan.header;
  if (input.companyId !== undefined) {
    const row = await findCompany(db, input.companyId);
    if (!row) throw new AppError('not-found', `Company ${input.companyId} does not exist.`);
    const earlier = await db
      .selectFrom('saft_imports')
      .select('report')
      .where('company_id', '=', row.id)
      .execute();
    const otherOrg = earlier
      .map((e) => (JSON.parse(e.report) as { file?: { orgNumber?: string } }).file?.orgNumber)
      .find((org) => org && org !== company.orgNumber);
    if (otherOrg) {
      throw new AppError(
        'conflict',
        `${row.name} was filled from the files of organisation ${otherOrg}; this file is from ${company.orgNumber}. Import it into its own company.`,
      );
    }
    if (!(await onlyImported(db, row.id))) {
      throw new AppError(
        'conflict',
        `${row.name} already has vouchers of its own. Import into a new company, or into one that is empty.`,
      );
    }
    return { id: row.id, name: row.name, created: false };
  }
  const candidates = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('org_number', '=', company.orgNumber)
    .orderBy('id')
    .execute();
  for (const c of candidates) {
    const imported = await db
      .selectFrom('saft_imports')
      .select('id')
      .where('company_id', '=', c.id)
      .executeTakeFirst();
    if (imported && (await onlyImported(db, c.id))) return { ...c, created: false };
  }
  const made = await createCompany(
    db,
    {
      name: company.name.slice(0, 200),
      orgNumber: company.orgNumber,
      vatRegistered: company.vatRegistered,
      fiscalYearStartMonth: startMonthOf(scan),
    },
    input.userId,
  );
  if (input.userId === null) await grantInstallationAdmins(db, made.id);
  if (company.street || company.postalCode || company.city) {
    const address = {
      street: (company.street ?? '').slice(0, 200),
      postalCode: (company.postalCode ?? '').slice(0, 10),
      city: (company.city ?? '').slice(0, 100),
      country: 'NO',
    };
    await changeCompany(db, made.id, { visitAddress: address, postalAddress: address });
  }
  return { id: made.id, name: made.name, created: true };
}

function startMonthOf(scan: SaftScan): number {
  if (!scan.sample) return 1;
  const month = Number(scan.sample.date.slice(5, 7));
  return ((month - scan.sample.period + 12) % 12) + 1;
}

/** True when every voucher of the company came from a SAF-T import. */
async function onlyImported(db: Kysely<Database>, companyId: number): Promise<boolean> {
  const vouchers = await db
    .selectFrom('vouchers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  const imported = await db
    .selectFrom('saft_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .where('kind', 'in', ['voucher', 'opening'])
    .where('target', 'not in', ['none', 'compared'])
    .executeTakeFirst();
  return Number(vouchers?.n ?? 0) <= Number(imported?.n ?? 0);
}

/**
 * The VAT amounts a base line's tax information stands for, signed as their VAT lines:
 * as the file gives them when it gives a side; otherwise input VAT as a debit, output VAT
 * as a credit, and for reverse charge both (the credit, and the debit when deductible).
 */
function vatAmounts(code: string, taxes: SaftFileLine['tax']): number[] {
  const known = knownVatCode(code);
  const out: number[] = [];
  for (const t of taxes) {
    if (t.amount === 0) continue;
    if (t.sided) {
      out.push(t.amount);
      continue;
    }
    const size = Math.abs(t.amount);
    if (known?.direction === 'input') out.push(size);
    else if (known?.direction === 'output') out.push(-size);
    else if (known?.direction === 'reverse') {
      out.push(-size);
      if (known.deductible) out.push(size);
    }
  }
  return out;
}

/** A grouping for an account the file does not map: that of our nearest account below it. */
function groupingLike(number: string): { category: string; code: string } {
  const four = number.slice(0, 4);
  const candidates = DEFAULT_CHART.filter(
    (a) => a.number.slice(0, 2) === four.slice(0, 2) && a.number <= four,
  );
  const near =
    candidates.at(-1) ?? DEFAULT_CHART.find((a) => a.number.slice(0, 2) === four.slice(0, 2));
  return near
    ? { category: near.groupingCategory, code: near.groupingCode }
    : { category: '', code: '' };
}

/** A department or project code Nordbok accepts: letters, digits and . _ -, at most 20. */
function dimensionCode(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 20) || 'X';
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** An amount for a message: 1234.50 kr, with the sign. */
function kr(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} kr`;
}

/** The report in a few plain lines, for the CLI. */
export function importSummary(r: SaftImportReport): string[] {
  const c = r.counts;
  const lines = [
    `${r.createdCompany ? 'Created' : 'Filled'} company ${r.companyId} ${r.companyName} from ${r.file.name} (SAF-T ${r.file.version}, ${r.file.from} – ${r.file.to}).`,
    `${c.vouchersImported} vouchers imported (${c.lines} lines), ${c.vouchersAlreadyThere} already there; ` +
      `${c.accountsCreated} accounts, ${c.customersCreated} customers, ${c.suppliersCreated} suppliers, ` +
      `${c.departmentsCreated} departments, ${c.projectsCreated} projects, ${c.seriesCreated} voucher series created.`,
  ];
  if (r.importedBefore) lines.push('This file had been imported before: nothing was added twice.');
  for (const x of r.contradictions) lines.push(`Contradiction: ${x.message}`);
  for (const u of r.unmapped) lines.push(`Not mapped: ${u.message}`);
  if (r.suspense) {
    lines.push(
      `Suspense account ${r.suspense.account} holds ${kr(r.suspense.amount)}: clear it by hand.`,
    );
  }
  return lines;
}

/**
 * Whether a VAT line is output or input VAT: the code says so for ordinary codes, whatever
 * the side (a credit note's output VAT is a debit). Only reverse-charge codes, which have
 * both, go by the side: the output half is the credit.
 */
function vatKindOf(code: string, amount: number): 'input' | 'output' {
  const direction = knownVatCode(code)?.direction;
  if (direction === 'output' || direction === 'input') return direction;
  return amount > 0 ? 'input' : 'output';
}
