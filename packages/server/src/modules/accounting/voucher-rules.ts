import {
  codesForSpecification,
  divideRounded,
  expandLines,
  type Posting,
  PostingError,
  type VatAccounts,
  type VatSpecification,
  vatCodeFitsAccount,
} from '@nordbok/core';
import { isValidKid } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { AccountRow, Database, DimensionRow, PartyRow, PeriodRow } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts, listVatAccounts } from './account.store';
import { placeInPeriod } from './period.service';
import { listPeriods } from './period.store';
import type { NewVoucherInput, VoucherLineInput } from './voucher.schemas';
import { findDimensions, findParties, listSeries } from './voucher.store';

/** What the vouchers of one transaction are checked against, read once. */
export interface Ledger {
  periods: PeriodRow[];
  series: Set<string>;
  accounts: Map<string, AccountRow>;
  vatAccounts: VatAccounts;
  receivesVat: Set<string>;
  parties: Map<number, PartyRow>;
  departments: Map<number, DimensionRow>;
  projects: Map<number, DimensionRow>;
}

/** A posting with what it carries from its entry line besides account and amount. */
export interface LinePosting extends Posting {
  description: string;
  departmentId: number | null;
  projectId: number | null;
  partyId: number | null;
  invoiceNumber: string | null;
  dueDate: string | null;
  kid: string | null;
  currency: { code: string; amount: number; rate: string } | null;
  /** The line's mvaSpesifikasjon, on the postings that carry its VAT code. */
  vatSpecification?: VatSpecification | null;
}

export interface Prepared {
  input: NewVoucherInput;
  series: string;
  fiscalYear: number;
  period: number;
  postings: LinePosting[];
}

export async function loadLedger(
  db: Kysely<Database>,
  companyId: number,
  inputs: readonly NewVoucherInput[],
): Promise<Ledger> {
  const lines = inputs.flatMap((v) => v.lines);
  const ids = (pick: (l: VoucherLineInput) => number | null | undefined) => [
    ...new Set(lines.map(pick).filter((v): v is number => typeof v === 'number')),
  ];
  const [periods, series, accounts, vatRows, parties, departments, projects] = await Promise.all([
    listPeriods(db, companyId),
    listSeries(db, companyId),
    findAccounts(db, companyId, [...new Set(lines.map((l) => l.account))]),
    listVatAccounts(db, companyId),
    findParties(
      db,
      companyId,
      ids((l) => l.partyId),
    ),
    findDimensions(
      db,
      'departments',
      companyId,
      ids((l) => l.departmentId),
    ),
    findDimensions(
      db,
      'projects',
      companyId,
      ids((l) => l.projectId),
    ),
  ]);
  const vatAccounts: Record<string, { output?: string; input?: string }> = {};
  for (const r of vatRows) {
    vatAccounts[r.vat_code] = {
      ...(r.output_account ? { output: r.output_account } : {}),
      ...(r.input_account ? { input: r.input_account } : {}),
    };
  }
  return {
    periods,
    series: new Set(series.map((s) => s.code)),
    accounts: new Map(accounts.map((a) => [a.number, a])),
    vatAccounts,
    receivesVat: new Set(
      vatRows.flatMap((r) => [r.output_account, r.input_account]).filter((a) => a !== null),
    ),
    parties: new Map(parties.map((p) => [p.id, p])),
    departments: new Map(departments.map((d) => [d.id, d])),
    projects: new Map(projects.map((p) => [p.id, p])),
  };
}

/** Checks one voucher against the ledger and expands it into postings. */
export function prepare(ledger: Ledger, input: NewVoucherInput): Prepared {
  const series = input.series ?? (input.opening ? 'IB' : 'A');
  if (!ledger.series.has(series))
    throw AppError.field('series', `Voucher series ${series} does not exist.`);
  const place = placeInPeriod(ledger.periods, input.date, input.opening === true);
  const amounts = input.lines.map((line, i) => lineAmount(line, i));
  for (const [i, line] of input.lines.entries()) checkLine(ledger, line, i);
  return { input, series, ...place, postings: expand(input, amounts, ledger.vatAccounts) };
}

/**
 * The NOK amount of a line: as given, or for a currency line amount × rate rounded to øre.
 * 1 234,56 EUR at 11.4532 → 123456 × 11.4532 = 1 413 966,26… øre → 1 413 966 øre.
 */
function lineAmount(line: VoucherLineInput, i: number): number {
  if (!line.currency) {
    if (line.amount === undefined) throw lineError(i, 'amount', 'Enter an amount.');
    return line.amount;
  }
  const [whole = '0', fraction = ''] = line.currency.rate.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const nok = divideRounded(BigInt(line.currency.amount) * BigInt(whole + fraction), scale);
  if (line.amount !== undefined && line.amount !== nok) {
    throw lineError(
      i,
      'amount',
      `${line.currency.code} ${line.currency.amount / 100} at ${line.currency.rate} ` +
        `is ${nok} øre, not ${line.amount}.`,
    );
  }
  return nok;
}

function checkLine(ledger: Ledger, line: VoucherLineInput, i: number) {
  const account = ledger.accounts.get(line.account);
  if (!account) throw lineError(i, 'account', `Account ${line.account} does not exist.`);
  if (account.blocked === 1) throw lineError(i, 'account', `Account ${line.account} is blocked.`);
  if (line.vatCode) checkVatCode(ledger, account, line.vatCode, i);
  if (line.vatSpecification) checkVatSpecification(line.vatSpecification, line.vatCode, i);
  checkDimension(ledger.departments, line.departmentId, i, 'departmentId', 'Department');
  checkDimension(ledger.projects, line.projectId, i, 'projectId', 'Project');
  checkSubledger(ledger, account, line, i);
}

function checkVatCode(ledger: Ledger, account: AccountRow, code: string, i: number) {
  const fits =
    !ledger.receivesVat.has(account.number) &&
    !account.subledger &&
    vatCodeFitsAccount(account.number, code);
  if (!fits) {
    throw lineError(
      i,
      'vatCode',
      `VAT code ${code} does not fit account ${account.number} ${account.name_nb}.`,
    );
  }
}

/** A specification belongs to the VAT of the line, and only on the codes the code list names. */
function checkVatSpecification(
  specification: VatSpecification,
  code: string | null | undefined,
  i: number,
) {
  const allowed = codesForSpecification(specification);
  if (!code) {
    throw lineError(
      i,
      'vatSpecification',
      `The VAT specification ${specification} needs a VAT code (${allowed.join(', ')}).`,
    );
  }
  if (!allowed.includes(code)) {
    throw lineError(
      i,
      'vatSpecification',
      `The VAT specification ${specification} is only allowed on VAT codes ` +
        `${allowed.join(', ')}, not on ${code}.`,
    );
  }
}

function checkDimension(
  known: Map<number, DimensionRow>,
  id: number | null | undefined,
  i: number,
  field: string,
  what: string,
) {
  if (id === null || id === undefined) return;
  const row = known.get(id);
  if (!row) throw lineError(i, field, `${what} ${id} does not exist.`);
  if (row.blocked === 1) throw lineError(i, field, `${what} ${row.code} ${row.name} is blocked.`);
}

/** Customer and supplier lines name their party; other lines carry no sub-ledger fields. */
function checkSubledger(ledger: Ledger, account: AccountRow, line: VoucherLineInput, i: number) {
  if (!account.subledger) {
    const stray = (['partyId', 'invoiceNumber', 'dueDate', 'kid'] as const).find((f) => line[f]);
    if (stray) throw lineError(i, stray, `Only customer and supplier lines take ${stray}.`);
    return;
  }
  const who = account.subledger === 'customer' ? 'customer' : 'supplier';
  if (!line.partyId)
    throw lineError(i, 'partyId', `Choose the ${who} for account ${account.number}.`);
  const party = ledger.parties.get(line.partyId);
  const number = who === 'customer' ? party?.customer_number : party?.supplier_number;
  if (!party || number === null || number === undefined) {
    throw lineError(i, 'partyId', `There is no ${who} with id ${line.partyId}.`);
  }
  if (line.kid && !isValidKid(line.kid)) {
    throw lineError(i, 'kid', `KID ${line.kid} has a wrong check digit (neither MOD10 nor MOD11).`);
  }
}

function expand(
  input: NewVoucherInput,
  amounts: number[],
  vatAccounts: VatAccounts,
): LinePosting[] {
  const entries = input.lines.map((l, i) => ({
    account: l.account,
    amount: amounts[i]!,
    vatCode: l.vatCode,
    entry: l.entry,
  }));
  let postings: Posting[];
  try {
    postings = expandLines(input.date, entries, vatAccounts);
  } catch (error) {
    if (!(error instanceof PostingError)) throw error;
    if (error.line === null) throw AppError.field('lines', error.message, 'unbalanced');
    throw lineError(error.line, error.field, error.message);
  }
  return postings.map((p, n) =>
    withLineFields(p, input.lines[p.line]!, postings[n - 1]?.line !== p.line),
  );
}

/**
 * The first posting of a line (the base line) keeps the sub-ledger and currency fields;
 * the VAT lines it adds keep only the description and the department and project. The VAT
 * specification goes on every posting with the line's VAT code, base and VAT lines alike,
 * so the return can sum the basis and the VAT of a specification line on their own.
 */
function withLineFields(p: Posting, line: VoucherLineInput, first: boolean): LinePosting {
  return {
    ...p,
    vatSpecification: p.vatCode === null ? null : (line.vatSpecification ?? null),
    description: line.description ?? '',
    departmentId: line.departmentId ?? null,
    projectId: line.projectId ?? null,
    partyId: first ? (line.partyId ?? null) : null,
    invoiceNumber: first ? (line.invoiceNumber ?? null) : null,
    dueDate: first ? (line.dueDate ?? null) : null,
    kid: first ? (line.kid ?? null) : null,
    currency: first ? (line.currency ?? null) : null,
  };
}

export function lineError(line: number, field: string, message: string) {
  return AppError.field(`lines.${line}.${field}`, `Line ${line + 1}: ${message}`);
}

/**
 * A voucher whose postings are already complete, VAT lines included, as another system
 * booked them (a SAF-T import). Nothing is expanded; the accounts, dimensions, parties and
 * the balance are checked as for any voucher.
 */
export interface RecordedVoucher {
  series: string;
  date: string;
  description: string;
  opening?: boolean;
  postings: LinePosting[];
}

/** The lines `loadLedger` needs to read the accounts, parties and dimensions of recorded vouchers. */
export function recordedAsInput(v: RecordedVoucher): NewVoucherInput {
  return {
    series: v.series,
    date: v.date,
    description: v.description,
    opening: v.opening,
    lines: v.postings.map((p) => ({
      account: p.account,
      partyId: p.partyId,
      departmentId: p.departmentId,
      projectId: p.projectId,
    })),
  };
}

export function prepareRecorded(ledger: Ledger, v: RecordedVoucher): Prepared {
  if (!ledger.series.has(v.series))
    throw AppError.field('series', `Voucher series ${v.series} does not exist.`);
  const place = placeInPeriod(ledger.periods, v.date, v.opening === true);
  let sum = 0;
  for (const [i, p] of v.postings.entries()) {
    const account = ledger.accounts.get(p.account);
    if (!account) throw lineError(i, 'account', `Account ${p.account} does not exist.`);
    checkDimension(ledger.departments, p.departmentId, i, 'departmentId', 'Department');
    checkDimension(ledger.projects, p.projectId, i, 'projectId', 'Project');
    if (account.subledger && !p.partyId)
      throw lineError(i, 'partyId', `Account ${p.account} needs a customer or supplier.`);
    if (!account.subledger && p.partyId)
      throw lineError(i, 'partyId', `Account ${p.account} takes no customer or supplier.`);
    if (p.partyId && !ledger.parties.has(p.partyId))
      throw lineError(i, 'partyId', `There is no customer or supplier with id ${p.partyId}.`);
    sum += p.amount;
  }
  if (sum !== 0) {
    throw AppError.field(
      'lines',
      `The voucher does not balance: it is off by ${sum} øre.`,
      'unbalanced',
    );
  }
  return {
    input: recordedAsInput(v),
    series: v.series,
    ...place,
    postings: v.postings.map((p, line) => ({ ...p, line })),
  };
}
