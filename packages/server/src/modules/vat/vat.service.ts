import { randomUUID } from 'node:crypto';
import { vatCode } from '@nordbok/core';
import {
  type CodeTotals,
  type MvaLine,
  mvaLinesFor,
  type TermLength,
  writeMvaMelding,
} from '@nordbok/formats';
import type { Kysely } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { setPeriodLocked } from '../accounting/period.store';
import type { NewVoucherInput } from '../accounting/voucher.schemas';
import { type PostingContext, postVoucher } from '../accounting/voucher.service';
import { findCompany } from '../admin/company.store';
import {
  findClosedTerm,
  findTermLength,
  periodsInTerm,
  postingsMissingVat,
  saveTermLength,
  vatAccountMovements,
  vatTotalsByCode,
} from './vat.store';
import { type VatTerm, vatTerm } from './vat-term';

/** Where the settlement voucher moves the term's VAT. */
export const SETTLEMENT_ACCOUNT = '2740';
/** Nordbok's version as written into the return (systemversjon). */
export const SYSTEM_VERSION = '0.1.0';

export interface VatReturnLine {
  code: string;
  nameNb: string;
  nameEn: string;
  /** Øre; null on deduction lines, which have no basis. */
  basis: number | null;
  /** Percent (25, 11.11); null where the return has no rate. */
  rate: number | null;
  vat: number;
}

export interface VatWarning {
  voucherId: number;
  voucher: string;
  date: string;
  account: string;
  amount: number;
  defaultVatCode: string;
  message: string;
}

export interface VatReturn {
  year: number;
  term: number;
  termLength: TermLength;
  from: string;
  to: string;
  lines: VatReturnLine[];
  total: number;
  warnings: VatWarning[];
  closed: boolean;
}

export { findTermLength, saveTermLength };

export async function termOf(db: Kysely<Database>, companyId: number, year: number, term: number) {
  return vatTerm(await findTermLength(db, companyId), year, term);
}

/**
 * The ledger's VAT per code in the term, signed as in the return: a base line's amount is
 * turned on revenue accounts (class 3, credit) and kept on purchases; VAT lines are turned,
 * so output VAT (a credit) is positive and input VAT (a debit) negative.
 */
async function codeTotals(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const rows = await vatTotalsByCode(db, companyId, term.from, term.to);
  const totals = new Map<string, CodeTotals>();
  for (const r of rows) {
    const code = r.vat_code ?? '';
    const t = totals.get(code) ?? { basis: 0, outputVat: 0, inputVat: 0 };
    const amount = Number(r.amount);
    if (r.vat_kind === 'base') t.basis += r.account.startsWith('3') ? -amount : amount;
    if (r.vat_kind === 'output') t.outputVat -= amount;
    if (r.vat_kind === 'input') t.inputVat -= amount;
    totals.set(code, t);
  }
  return totals;
}

/** The return's lines in øre, in the order of the code list, with the rate of the last day. */
async function returnLines(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const totals = await codeTotals(db, companyId, term);
  const order = (code: string) => Number(code);
  return [...totals]
    .sort(([a], [b]) => order(a) - order(b))
    .flatMap(([code, t]) => mvaLinesFor(code, t, term.to));
}

function toJsonLine(line: MvaLine): VatReturnLine {
  const known = vatCode(line.code);
  return {
    code: line.code,
    nameNb: known?.nameNb ?? line.code,
    nameEn: known?.nameEn ?? line.code,
    basis: line.basis ?? null,
    rate: line.rate === undefined ? null : Number(line.rate.replace(',', '.')),
    vat: line.vat,
  };
}

async function warnings(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const rows = await postingsMissingVat(db, companyId, term.from, term.to);
  return rows.map(
    (r): VatWarning => ({
      voucherId: r.voucherId,
      voucher: `${r.series}${r.number}`,
      date: r.date,
      account: r.account,
      amount: Number(r.amount),
      defaultVatCode: r.defaultVatCode ?? '',
      message:
        `Voucher ${r.series}${r.number}: account ${r.account} normally has VAT code ` +
        `${r.defaultVatCode}, but this posting has none.`,
    }),
  );
}

export async function vatReturn(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  term: number,
): Promise<VatReturn> {
  const t = await termOf(db, companyId, year, term);
  const [lines, warningList, closed] = await Promise.all([
    returnLines(db, companyId, t),
    warnings(db, companyId, t),
    findClosedTerm(db, companyId, t),
  ]);
  return {
    year,
    term,
    termLength: t.termLength,
    from: t.from,
    to: t.to,
    lines: lines.map(toJsonLine),
    total: lines.reduce((sum, l) => sum + l.vat, 0),
    warnings: warningList,
    closed: closed !== undefined,
  };
}

/** The return as mva-melding XML, amounts in whole kroner. */
export async function vatReturnXml(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  term: number,
): Promise<string> {
  const company = await findCompany(db, companyId);
  if (!company) throw new AppError('not-found', `Unknown company ${companyId}.`);
  const t = await termOf(db, companyId, year, term);
  return writeMvaMelding({
    reference: randomUUID(),
    systemVersion: SYSTEM_VERSION,
    termLength: t.termLength,
    term,
    year,
    orgNumber: company.org_number,
    lines: await returnLines(db, companyId, t),
  });
}

async function refuseClosing(db: Kysely<Database>, companyId: number, t: VatTerm) {
  if (await findClosedTerm(db, companyId, t)) {
    throw new AppError('conflict', `VAT term ${t.term} of ${t.year} is already closed.`);
  }
  const locked = (await periodsInTerm(db, companyId, t)).filter((p) => p.locked === 1);
  if (locked.length > 0) {
    const names = locked.map((p) => `${p.period}/${p.fiscal_year}`).join(', ');
    throw new AppError(
      'conflict',
      `Period ${names} in VAT term ${t.term} of ${t.year} is locked; unlock it to close the term.`,
    );
  }
}

/** The settlement voucher: each VAT account's movement in the term, reversed into 2740. */
async function settlementInput(db: Kysely<Database>, companyId: number, t: VatTerm) {
  const moves = (await vatAccountMovements(db, companyId, t))
    .map((m) => ({ account: m.account, amount: Number(m.amount) }))
    .filter((m) => m.amount !== 0);
  if (moves.length === 0) return null;
  const settled = moves.reduce((sum, m) => sum + m.amount, 0);
  const input: NewVoucherInput = {
    series: 'A',
    date: t.to,
    description: `Avregning merverdiavgift, termin ${t.term} ${t.year}`,
    lines: [
      ...moves.map((m) => ({ account: m.account, amount: -m.amount, vatCode: null })),
      { account: SETTLEMENT_ACCOUNT, amount: settled, vatCode: null },
    ],
  };
  return input;
}

/**
 * Closes a VAT term: posts the settlement voucher on the term's last day and locks the
 * term's periods. Only postings dated in the term are settled; a correction found later is
 * dated in an open term and reported (and settled) there. The term is claimed first, by
 * the table's unique key, so two closings at once cannot both post a voucher. All of it is
 * one transaction: a failure leaves neither a voucher nor a closed term behind.
 */
export async function closeVatTerm(
  db: Kysely<Database>,
  ctx: PostingContext,
  year: number,
  term: number,
) {
  return inTransaction(db, async (trx) => {
    const t = await termOf(trx, ctx.companyId, year, term);
    await refuseClosing(trx, ctx.companyId, t);
    await claimTerm(trx, ctx, t);
    const input = await settlementInput(trx, ctx.companyId, t);
    const voucher = input ? await postVoucher(trx, ctx, input) : null;
    await trx
      .updateTable('vat_returns')
      .set({ voucher_id: voucher?.id ?? null })
      .where('company_id', '=', ctx.companyId)
      .where('year', '=', t.year)
      .where('term_length', '=', t.termLength)
      .where('term', '=', t.term)
      .execute();
    for (const p of await periodsInTerm(trx, ctx.companyId, t)) {
      await setPeriodLocked(trx, ctx.companyId, p.fiscal_year, p.period, true);
    }
    return { year, term, from: t.from, to: t.to, voucher };
  });
}

async function claimTerm(db: Kysely<Database>, ctx: PostingContext, t: VatTerm) {
  try {
    await db
      .insertInto('vat_returns')
      .values({
        company_id: ctx.companyId,
        year: t.year,
        term_length: t.termLength,
        term: t.term,
        from_date: t.from,
        to_date: t.to,
        voucher_id: null,
        closed_by: ctx.userId,
        closed_at: now(),
      })
      .execute();
  } catch {
    throw new AppError('conflict', `VAT term ${t.term} of ${t.year} is already closed.`);
  }
}
