import {
  type EntryLine,
  expandLines,
  PostingError,
  type VatAccounts,
  vatCodeFitsAccount,
} from '@nordbok/core';
import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { AccountRow, Database, PostingRow, VoucherRow } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts, listVatAccounts } from './account.store';
import { placeInPeriod } from './period.service';
import type { NewVoucherInput, Voucher } from './voucher.schemas';
import {
  addToDayTotals,
  findVoucher,
  insertPostings,
  insertVoucher,
  listPostingsOfVouchers,
  listVouchers,
  seriesExists,
  takeVoucherNumber,
} from './voucher.store';

export interface PostingContext {
  companyId: number;
  userId: number | null;
  fiscalYearStartMonth: number;
}

/**
 * Posts a voucher: checks its date, series, accounts and VAT codes, expands the VAT lines,
 * checks the balance once more and writes voucher, postings and day totals in one
 * transaction with the next gap-free number of the series.
 */
export async function postVoucher(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewVoucherInput,
): Promise<Voucher> {
  return db.transaction().execute(async (trx) => {
    const series = input.series ?? (input.opening ? 'IB' : 'A');
    if (!(await seriesExists(trx, ctx.companyId, series))) {
      throw AppError.field('series', `Voucher series ${series} does not exist.`);
    }
    const place = await placeInPeriod(
      trx,
      ctx.companyId,
      input.date,
      ctx.fiscalYearStartMonth,
      input.opening === true,
    );
    const vatAccounts = await loadVatAccounts(trx, ctx.companyId);
    await checkLines(trx, ctx.companyId, input.lines, vatAccounts);
    const postings = expand(input, vatAccounts);

    const number = await takeVoucherNumber(trx, ctx.companyId, series, place.fiscalYear);
    const at = now();
    const voucherId = await insertVoucher(trx, {
      companyId: ctx.companyId,
      series,
      number,
      ...place,
      date: input.date,
      description: input.description,
      createdBy: ctx.userId,
      at,
    });
    await insertPostings(trx, ctx.companyId, voucherId, input.date, postings);
    await addToDayTotals(trx, ctx.companyId, input.date, postings);
    return getVoucher(trx, ctx.companyId, voucherId);
  });
}

async function loadVatAccounts(db: Kysely<Database>, companyId: number): Promise<VatAccounts> {
  const rows = await listVatAccounts(db, companyId);
  return Object.fromEntries(
    rows.map((r) => [
      r.vat_code,
      {
        ...(r.output_account ? { output: r.output_account } : {}),
        ...(r.input_account ? { input: r.input_account } : {}),
      },
    ]),
  );
}

async function checkLines(
  db: Kysely<Database>,
  companyId: number,
  lines: NewVoucherInput['lines'],
  vatAccounts: VatAccounts,
) {
  const numbers = [...new Set(lines.map((l) => l.account))];
  const accounts = new Map((await findAccounts(db, companyId, numbers)).map((a) => [a.number, a]));
  const receivesVat = new Set(Object.values(vatAccounts).flatMap((v) => [v.output, v.input]));
  lines.forEach((line, i) => {
    const account = accounts.get(line.account);
    if (!account) throw lineError(i, 'account', `Account ${line.account} does not exist.`);
    if (account.blocked === 1) throw lineError(i, 'account', `Account ${line.account} is blocked.`);
    if (line.vatCode) checkVatCode(account, line.vatCode, receivesVat.has(account.number), i);
  });
}

function checkVatCode(account: AccountRow, code: string, isVatAccount: boolean, line: number) {
  if (isVatAccount || account.subledger || !vatCodeFitsAccount(account.number, code)) {
    throw lineError(
      line,
      'vatCode',
      `VAT code ${code} does not fit account ${account.number} ${account.name_nb}.`,
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
