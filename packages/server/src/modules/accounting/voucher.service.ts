import {
  type EntryLine,
  expandLines,
  type Posting,
  PostingError,
  type VatAccounts,
  vatCodeFitsAccount,
} from '@nordbok/core';
import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { AccountRow, Database, PeriodRow, PostingRow, VoucherRow } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.service';
import { findAccounts, listVatAccounts } from './account.store';
import { placeInPeriod } from './period.service';
import { listPeriods } from './period.store';
import type { NewVoucherInput, Voucher } from './voucher.schemas';
import {
  addToDayTotals,
  deletePostings,
  findVoucher,
  insertPostings,
  insertVouchers,
  listPostingsOfVouchers,
  listSeries,
  listVouchers,
  takeVoucherNumbers,
  updateVoucher,
} from './voucher.store';

export interface PostingContext {
  companyId: number;
  userId: number | null;
}

/** What every voucher of a company is checked against, read once per transaction. */
interface Ledger {
  periods: PeriodRow[];
  series: Set<string>;
  accounts: Map<string, AccountRow>;
  vatAccounts: VatAccounts;
  receivesVat: Set<string>;
}

interface Prepared {
  input: NewVoucherInput;
  series: string;
  fiscalYear: number;
  period: number;
  postings: (Posting & { description: string })[];
}

export async function postVoucher(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewVoucherInput,
) {
  const [voucher] = await postVouchers(db, ctx, [input]);
  return voucher!;
}

/**
 * Posts vouchers: checks each one's date, series, accounts and VAT codes, expands the VAT
 * lines and checks the balance once more, then writes vouchers, postings and day totals in
 * one transaction with the next gap-free numbers of their series. Either all are posted or
 * none; an error in the n-th voucher of several names its fields `n.lines.0.account` etc.
 */
export async function postVouchers(
  db: Kysely<Database>,
  ctx: PostingContext,
  inputs: readonly NewVoucherInput[],
): Promise<Voucher[]> {
  return db.transaction().execute(async (trx) => {
    const ledger = await loadLedger(trx, ctx.companyId, inputs);
    const prepared = inputs.map((input, i) =>
      withIndex(inputs.length, i, () => prepare(ledger, input)),
    );
    const at = now();
    const rows = await numberAndInsert(trx, ctx, prepared, at);
    const totals = prepared.flatMap((p) =>
      p.postings.map((posting) => ({ ...posting, date: p.input.date, opening: p.period === 0 })),
    );
    await addToDayTotals(trx, ctx.companyId, totals);
    return rows.map((row, i) => toVoucher(row, postingRows(row, prepared[i]!)));
  });
}

async function loadLedger(
  db: Kysely<Database>,
  companyId: number,
  inputs: readonly NewVoucherInput[],
) {
  const numbers = [...new Set(inputs.flatMap((v) => v.lines.map((l) => l.account)))];
  const [periods, series, accounts, vatRows] = await Promise.all([
    listPeriods(db, companyId),
    listSeries(db, companyId),
    findAccounts(db, companyId, numbers),
    listVatAccounts(db, companyId),
  ]);
  const vatAccounts: Record<string, { output?: string; input?: string }> = {};
  for (const r of vatRows) {
    vatAccounts[r.vat_code] = {
      ...(r.output_account ? { output: r.output_account } : {}),
      ...(r.input_account ? { input: r.input_account } : {}),
    };
  }
  const receivesVat = new Set(
    vatRows.flatMap((r) => [r.output_account, r.input_account]).filter((a) => a !== null),
  );
  return {
    periods,
    series: new Set(series.map((s) => s.code)),
    accounts: new Map(accounts.map((a) => [a.number, a])),
    vatAccounts,
    receivesVat,
  } satisfies Ledger;
}

function prepare(ledger: Ledger, input: NewVoucherInput): Prepared {
  const series = input.series ?? (input.opening ? 'IB' : 'A');
  if (!ledger.series.has(series))
    throw AppError.field('series', `Voucher series ${series} does not exist.`);
  const place = placeInPeriod(ledger.periods, input.date, input.opening === true);
  for (const [i, line] of input.lines.entries()) checkLine(ledger, line, i);
  return { input, series, ...place, postings: expand(input, ledger.vatAccounts) };
}

function checkLine(ledger: Ledger, line: NewVoucherInput['lines'][number], i: number) {
  const account = ledger.accounts.get(line.account);
  if (!account) throw lineError(i, 'account', `Account ${line.account} does not exist.`);
  if (account.blocked === 1) throw lineError(i, 'account', `Account ${line.account} is blocked.`);
  if (!line.vatCode) return;
  const fits =
    !ledger.receivesVat.has(account.number) &&
    !account.subledger &&
    vatCodeFitsAccount(account.number, line.vatCode);
  if (!fits) {
    throw lineError(
      i,
      'vatCode',
      `VAT code ${line.vatCode} does not fit account ${account.number} ${account.name_nb}.`,
    );
  }
}

function expand(input: NewVoucherInput, vatAccounts: VatAccounts) {
  const entries: EntryLine[] = input.lines;
  try {
    const postings = expandLines(input.date, entries, vatAccounts);
    return postings.map((p) => ({ ...p, description: input.lines[p.line]?.description ?? '' }));
  } catch (error) {
    if (!(error instanceof PostingError)) throw error;
    if (error.line === null) throw AppError.field('lines', error.message, 'unbalanced');
    throw lineError(error.line, error.field, error.message);
  }
}

function lineError(line: number, field: string, message: string) {
  return AppError.field(`lines.${line}.${field}`, `Line ${line + 1}: ${message}`);
}

/** Runs a check on the i-th of several vouchers, prefixing its field errors with the index. */
function withIndex<T>(count: number, index: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (count === 1 || !(error instanceof AppError)) throw error;
    const fields = error.fields.map((f) => ({ ...f, field: `${index}.${f.field}` }));
    throw new AppError(error.code, `Voucher ${index + 1}: ${error.message}`, fields);
  }
}

async function numberAndInsert(
  db: Kysely<Database>,
  ctx: PostingContext,
  prepared: Prepared[],
  at: string,
) {
  // Numbers are taken last, just before the inserts, so the counter row stays locked briefly.
  const groups = new Map<string, Prepared[]>();
  for (const p of prepared)
    groups.set(`${p.series}\u0000${p.fiscalYear}`, [
      ...(groups.get(`${p.series}\u0000${p.fiscalYear}`) ?? []),
      p,
    ]);
  const numbers = new Map<Prepared, number>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const last = await takeVoucherNumbers(
      db,
      ctx.companyId,
      first.series,
      first.fiscalYear,
      group.length,
    );
    for (const [i, p] of group.entries()) numbers.set(p, last - group.length + 1 + i);
  }
  const rows = await insertVouchers(
    db,
    prepared.map((p) => ({
      companyId: ctx.companyId,
      series: p.series,
      number: numbers.get(p)!,
      fiscalYear: p.fiscalYear,
      period: p.period,
      date: p.input.date,
      description: p.input.description,
      createdBy: ctx.userId,
      at,
    })),
  );
  await insertPostings(
    db,
    ctx.companyId,
    rows.flatMap((row, i) => postingRows(row, prepared[i]!)),
  );
  return rows;
}

function postingRows(voucher: VoucherRow, prepared: Prepared): PostingRow[] {
  return prepared.postings.map((p, n) => ({
    id: 0,
    company_id: voucher.company_id,
    voucher_id: voucher.id,
    line_no: n + 1,
    date: voucher.date,
    account: p.account,
    amount: p.amount,
    vat_code: p.vatCode,
    vat_kind: p.vatKind,
    description: p.description,
  }));
}

export async function getVoucher(db: Kysely<Database>, companyId: number, id: number) {
  const row = await findVoucher(db, companyId, id);
  if (!row) throw new AppError('not-found', `Voucher ${id} does not exist.`);
  return toVoucher(row, await listPostingsOfVouchers(db, companyId, [id]));
}

/** The voucher journal (bilagsjournal): vouchers with their postings, in date order. */
export async function voucherJournal(
  db: Kysely<Database>,
  companyId: number,
  filter: { from: string; to: string; limit: number; offset: number },
): Promise<Voucher[]> {
  const vouchers = await listVouchers(db, companyId, filter);
  const postings = await listPostingsOfVouchers(
    db,
    companyId,
    vouchers.map((v) => v.id),
  );
  const byVoucher = new Map<number, PostingRow[]>();
  for (const p of postings)
    byVoucher.set(p.voucher_id, [...(byVoucher.get(p.voucher_id) ?? []), p]);
  return vouchers.map((v) => toVoucher(v, byVoucher.get(v.id) ?? []));
}

function toVoucher(row: VoucherRow, postings: PostingRow[]): Voucher {
  return {
    id: row.id,
    series: row.series,
    number: row.number,
    fiscalYear: row.fiscal_year,
    period: row.period,
    date: row.date,
    description: row.description,
    status: row.status === 'deleted' ? 'deleted' : 'posted',
    postings: postings.map((p) => ({
      lineNo: p.line_no,
      account: p.account,
      amount: Number(p.amount),
      vatCode: p.vat_code,
      vatKind: p.vat_kind as Voucher['postings'][number]['vatKind'],
      description: p.description,
    })),
  };
}

/**
 * Corrects a posted voucher in an open period, when the company allows it: the postings are
 * replaced, the number stays, and the change (before and after) goes to the audit log.
 */
export async function correctVoucher(
  db: Kysely<Database>,
  ctx: PostingContext,
  id: number,
  input: NewVoucherInput,
): Promise<Voucher> {
  return db.transaction().execute(async (trx) => {
    const { row, before, ledger } = await openForChange(trx, ctx, id, input);
    const prepared = prepare(ledger, { ...input, series: row.series });
    if (prepared.fiscalYear !== row.fiscal_year) {
      throw AppError.field(
        'date',
        `A voucher stays in fiscal year ${row.fiscal_year}: post a new one instead.`,
      );
    }
    await takeOut(trx, ctx.companyId, row, before);
    const at = now();
    const updated = await updateVoucher(trx, ctx.companyId, id, {
      date: input.date,
      period: prepared.period,
      description: input.description,
      modified_at: at,
    });
    const postings = postingRows(updated, prepared);
    await insertPostings(trx, ctx.companyId, postings);
    const opening = updated.period === 0;
    await addToDayTotals(
      trx,
      ctx.companyId,
      postings.map((p) => ({ ...p, opening })),
    );
    const after = toVoucher(updated, postings);
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: 'voucher.correct',
      entity: 'voucher',
      entityId: String(id),
      before,
      after,
    });
    return after;
  });
}

/** Deletes a posted voucher: its postings go, its number stays visible as deleted. */
export async function deleteVoucher(db: Kysely<Database>, ctx: PostingContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const { row, before } = await openForChange(trx, ctx, id, null);
    await takeOut(trx, ctx.companyId, row, before);
    const updated = await updateVoucher(trx, ctx.companyId, id, {
      status: 'deleted',
      modified_at: now(),
    });
    const after = toVoucher(updated, []);
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: 'voucher.delete',
      entity: 'voucher',
      entityId: String(id),
      before,
      after,
    });
    return after;
  });
}

async function openForChange(
  db: Kysely<Database>,
  ctx: PostingContext,
  id: number,
  input: NewVoucherInput | null,
) {
  const row = await findVoucher(db, ctx.companyId, id);
  if (!row) throw new AppError('not-found', `Voucher ${id} does not exist.`);
  if (row.status === 'deleted')
    throw new AppError('conflict', `Voucher ${row.series}${row.number} is deleted.`);
  const company = await db
    .selectFrom('companies')
    .select('allow_voucher_changes')
    .where('id', '=', ctx.companyId)
    .executeTakeFirstOrThrow();
  if (company.allow_voucher_changes !== 1) {
    throw new AppError(
      'forbidden',
      'This company does not allow posted vouchers to be changed. Post a correcting voucher instead.',
    );
  }
  const ledger = await loadLedger(db, ctx.companyId, input ? [input] : []);
  const period = ledger.periods.find(
    (p) => p.fiscal_year === row.fiscal_year && p.period === row.period,
  );
  if (period?.locked === 1) {
    throw new AppError(
      'conflict',
      `Period ${row.period} of fiscal year ${row.fiscal_year} is locked.`,
    );
  }
  const before = toVoucher(row, await listPostingsOfVouchers(db, ctx.companyId, [id]));
  return { row, before, ledger };
}

async function takeOut(db: Kysely<Database>, companyId: number, row: VoucherRow, voucher: Voucher) {
  const old = voucher.postings.map((p) => ({
    account: p.account,
    amount: p.amount,
    date: row.date,
    opening: row.period === 0,
  }));
  await addToDayTotals(db, companyId, old, -1);
  await deletePostings(db, companyId, row.id);
}
