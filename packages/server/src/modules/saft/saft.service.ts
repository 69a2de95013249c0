import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { isIsoDate, vatCode } from '@nordbok/core';
import {
  type SaftAccount,
  type SaftAnalysisEntry,
  type SaftHeader,
  type SaftMasterFiles,
  type SaftParty,
  type SaftTaxCode,
  SaftWriter,
  saftFileName,
} from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { CompanyRow, Database } from '../../db/schema';
import { AppError } from '../../errors';
import { listAccounts } from '../accounting/account.store';
import { trialBalance } from '../accounting/report.service';
import { findCompany } from '../admin/company.store';
import {
  dimensionsOf,
  type ExportRange,
  entryTotals,
  partiesOf,
  partyBalances,
  seriesInRange,
  vatCodesInRange,
  voucherAuthors,
} from './saft.store';
import {
  DEPARTMENT_ANALYSIS,
  type LineContext,
  PROJECT_ANALYSIS,
  rateAt,
  streamJournals,
} from './saft-entries';

/**
 * The SAF-T Financial 1.30 export (NORWAY.md §5): the company's header, its accounts with
 * the trial balance's opening and closing balances, customers and suppliers with their
 * balance per control account, the VAT codes used, departments and projects, and every
 * voucher of the range, read and written a page at a time.
 */
export interface SaftExportOptions extends ExportRange {
  /** Who asks for the file: the contact person and UserID of the header. */
  userName: string;
  createdAt?: Date | undefined;
  /** Called with the number of vouchers written so far, every `progressEvery` vouchers. */
  onProgress?: ((vouchers: number) => void) | undefined;
  progressEvery?: number | undefined;
}

export interface SaftExportResult {
  fileName: string;
  vouchers: number;
  lines: number;
}

const SOFTWARE = {
  companyName: 'Nordbok',
  id: 'Nordbok',
  version: softwareVersion(),
};

function softwareVersion(): string {
  const file = new URL('../../../../../package.json', import.meta.url);
  try {
    return String(JSON.parse(fs.readFileSync(file, 'utf8')).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Refuses a range or company that cannot be exported, before any byte is written. */
export async function prepareSaftExport(
  db: Kysely<Database>,
  companyId: number,
  options: ExportRange & { createdAt?: Date | undefined },
) {
  if (!isIsoDate(options.from)) throw AppError.field('from', 'Use a date written YYYY-MM-DD.');
  if (!isIsoDate(options.to)) throw AppError.field('to', 'Use a date written YYYY-MM-DD.');
  if (options.from > options.to) {
    throw AppError.field('from', 'The start date must not be after the end date.');
  }
  const company = await findCompany(db, companyId);
  if (!company) throw new AppError('not-found', `Unknown company ${companyId}.`);
  const createdAt = options.createdAt ?? new Date();
  return { company, createdAt, fileName: saftFileName(company.org_number, createdAt) };
}

export async function exportSaft(
  db: Kysely<Database>,
  companyId: number,
  options: SaftExportOptions,
  out: Writable,
): Promise<SaftExportResult> {
  const { company, createdAt, fileName } = await prepareSaftExport(db, companyId, options);
  const range = { from: options.from, to: options.to };
  const [master, totals, context] = await Promise.all([
    masterFiles(db, company, range),
    entryTotals(db, companyId, range),
    lineContext(db, companyId),
  ]);
  const writer = new SaftWriter(out);
  await writer.begin(header(company, options, createdAt), master.files, totals);
  const written = await streamJournals(db, companyId, {
    range,
    writer,
    context: { ...context, customerIds: master.customerIds, supplierIds: master.supplierIds },
    series: await seriesInRange(db, companyId, range),
    onProgress: options.onProgress,
    progressEvery: options.progressEvery ?? 10_000,
  });
  await writer.end();
  if (written.debit !== totals.debit || written.credit !== totals.credit) {
    // Vouchers were posted while the file was written: its totals no longer hold.
    throw new AppError('conflict', 'The ledger changed during the export. Run it again.');
  }
  return { fileName, vouchers: written.vouchers, lines: written.lines };
}

function header(company: CompanyRow, options: SaftExportOptions, createdAt: Date): SaftHeader {
  const [first = 'Nordbok', ...rest] = options.userName.trim().split(/\s+/);
  return {
    dateCreated: createdAt.toISOString().slice(0, 10),
    software: SOFTWARE,
    company: {
      orgNumber: company.org_number,
      name: company.name,
      addresses: [
        {
          street: company.visit_street,
          postalCode: company.visit_postal_code,
          city: company.visit_city,
          country: company.visit_country,
          type: 'StreetAddress',
        },
        {
          street: company.postal_street,
          postalCode: company.postal_postal_code,
          city: company.postal_city,
          country: company.postal_country,
          type: 'PostalAddress',
        },
      ],
      // The schema wants a person; the one who exports the file answers for it.
      contact: {
        firstName: first,
        lastName: rest.join(' ') || '-',
        telephone: company.phone,
        email: company.email,
      },
      vatRegistered: company.vat_registered === 1,
      bankAccount: company.bank_account,
    },
    selection: { start: options.from, end: options.to },
    userId: options.userName,
  };
}

async function masterFiles(db: Kysely<Database>, company: CompanyRow, range: ExportRange) {
  const [accounts, customers, suppliers, taxCodes, analysis] = await Promise.all([
    glAccounts(db, company, range),
    partyMaster(db, company.id, range, 'customer'),
    partyMaster(db, company.id, range, 'supplier'),
    taxTable(db, company.id, range),
    analysisTable(db, company.id),
  ]);
  const files: SaftMasterFiles = {
    accounts,
    customers: customers.parties,
    suppliers: suppliers.parties,
    taxCodes,
    analysis,
  };
  return { files, customerIds: customers.ids, supplierIds: suppliers.ids };
}

/** Every account of the chart, with the trial balance's opening and closing balance. */
async function glAccounts(
  db: Kysely<Database>,
  company: CompanyRow,
  range: ExportRange,
): Promise<SaftAccount[]> {
  const [accounts, balances] = await Promise.all([
    listAccounts(db, company.id),
    trialBalance(db, company.id, {
      ...range,
      startMonth: company.fiscal_year_start_month,
      language: 'nb',
    }),
  ]);
  const byAccount = new Map(balances.map((b) => [b.account, b]));
  return accounts.map((a) => ({
    id: a.number,
    description: a.name_nb,
    groupingCategory: a.grouping_category,
    groupingCode: a.grouping_code,
    opening: byAccount.get(a.number)?.opening ?? 0,
    closing: byAccount.get(a.number)?.closing ?? 0,
  }));
}

/**
 * Customers (or suppliers): every party with a number of that kind or a balance on a
 * control account of it. The ID is the party's customer or supplier number; a party that
 * has none (possible only for data from before numbering) gets its internal id with a
 * prefix, so that IDs never collide with numbers.
 */
async function partyMaster(
  db: Kysely<Database>,
  companyId: number,
  range: ExportRange,
  kind: 'customer' | 'supplier',
) {
  const [parties, balances] = await Promise.all([
    partiesOf(db, companyId),
    partyBalances(db, companyId, { ...range, kind }),
  ]);
  const ids = new Map<number, string>();
  const result: SaftParty[] = [];
  for (const p of parties) {
    const own = balances.filter((b) => b.partyId === p.id);
    const number = kind === 'customer' ? p.customer_number : p.supplier_number;
    if (number === null && own.length === 0) continue;
    const id = number === null ? `${kind === 'customer' ? 'K' : 'L'}${p.id}` : String(number);
    ids.set(p.id, id);
    result.push({
      id,
      name: p.name,
      orgNumber: p.org_number,
      balances: own.map((b) => ({ accountId: b.account, opening: b.opening, closing: b.closing })),
    });
  }
  return { parties: result, ids };
}

/** The VAT codes used in the range. Nordbok's codes are the standard codes themselves. */
async function taxTable(
  db: Kysely<Database>,
  companyId: number,
  range: ExportRange,
): Promise<SaftTaxCode[]> {
  const codes = await vatCodesInRange(db, companyId, range);
  return codes
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
    .map((code) => {
      const known = vatCode(code);
      const nonDeductible = known?.direction === 'reverse' && !known.deductible;
      return {
        code,
        description: known?.nameNb ?? code,
        rate: rateAt(code, range.to),
        standardCode: known ? code : 'NA',
        baseRate: nonDeductible ? 0 : 100,
      };
    });
}

async function analysisTable(
  db: Kysely<Database>,
  companyId: number,
): Promise<SaftAnalysisEntry[]> {
  const [departments, projects] = await Promise.all([
    dimensionsOf(db, companyId, 'departments'),
    dimensionsOf(db, companyId, 'projects'),
  ]);
  const entry = (type: string, typeDescription: string) => (d: { code: string; name: string }) => ({
    type,
    typeDescription,
    id: d.code,
    description: d.name,
  });
  return [
    ...departments.map(entry(DEPARTMENT_ANALYSIS, 'Avdeling')),
    ...projects.map(entry(PROJECT_ANALYSIS, 'Prosjekt')),
  ];
}

async function lineContext(
  db: Kysely<Database>,
  companyId: number,
): Promise<Omit<LineContext, 'customerIds' | 'supplierIds'>> {
  const [accounts, departments, projects, authors] = await Promise.all([
    listAccounts(db, companyId),
    dimensionsOf(db, companyId, 'departments'),
    dimensionsOf(db, companyId, 'projects'),
    voucherAuthors(db, companyId),
  ]);
  return {
    subledgers: new Map(
      accounts.flatMap((a) =>
        a.subledger === 'customer' || a.subledger === 'supplier'
          ? [[a.number, a.subledger] as const]
          : [],
      ),
    ),
    departments: new Map(departments.map((d) => [d.id, d.code])),
    projects: new Map(projects.map((d) => [d.id, d.code])),
    authors,
  };
}
