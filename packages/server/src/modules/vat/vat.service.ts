import { randomUUID } from 'node:crypto';
import {
  isVatSpecification,
  VAT_SPECIFICATIONS,
  type VatSpecification,
  vatCode,
} from '@nordbok/core';
import {
  type CodeTotals,
  type MvaLine,
  mvaLineKey,
  mvaLinesFor,
  mvaRemarkRequired,
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
import { appendAudit } from '../audit/audit.service';
import {
  changeTermStatus,
  findClosedTerm,
  findTermLength,
  insertTermVersion,
  listTermVersions,
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
  /** Tells the line apart from the others of the return; remarks are given by it. */
  key: string;
  code: string;
  /** The specification line this is (uttak, tapPåKrav, …), or null for a plain line. */
  specification: VatSpecification | null;
  nameNb: string;
  nameEn: string;
  /** Øre; null on deduction lines, which have no basis. */
  basis: number | null;
  /** Percent (25, 11.11); null where the return has no rate. */
  rate: number | null;
  vat: number;
  /** The remark written for this line at the latest closing. */
  remark: string | null;
  /** Whether the Tax Administration's rules want a remark on this line. */
  remarkRequired: boolean;
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

/**
 * A term is open until it is closed; an administrator can reopen a closed term for
 * correction, and closing it again records the next version.
 */
export type VatTermStatus = 'open' | 'closed' | 'correcting';

export interface VatReturnVersion {
  /** 1 for the original return, 2 for the first correction, … */
  version: number;
  closedAt: string;
  closedBy: { id: number; name: string } | null;
  /** The settlement voucher of this closing (a supplementary one for corrections). */
  voucher: { id: number; series: string; number: number } | null;
  /** The return's total VAT in øre when it was closed (unknown for older closings). */
  total: number | null;
  remark: string | null;
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
  /** Closed and not reopened: its periods are locked. */
  closed: boolean;
  status: VatTermStatus;
  /** The latest closed version; null for a term never closed. */
  version: number | null;
  /** The remark on the whole return from the latest closing. */
  remark: string | null;
  history: VatReturnVersion[];
  /**
   * VAT in øre that no settlement has moved to 2740 yet, signed as the total (positive to
   * pay). For a reopened term it is what closing the correction will settle.
   */
  unsettled: number;
}

/** Remarks given when closing: on the whole return, and on single lines by their key. */
export interface CloseRemarks {
  remark?: string | undefined;
  lineRemarks?: readonly { key: string; text: string }[] | undefined;
}

export { findTermLength, saveTermLength };

export async function termOf(db: Kysely<Database>, companyId: number, year: number, term: number) {
  return vatTerm(await findTermLength(db, companyId), year, term);
}

interface SpecifiedTotals extends CodeTotals {
  code: string;
  specification: VatSpecification | undefined;
}

/**
 * The ledger's VAT per code and specification in the term, signed as in the return: a base
 * line's amount is turned on revenue accounts (class 3, credit) and kept on purchases; VAT
 * lines are turned, so output VAT (a credit) is positive and input VAT (a debit) negative.
 */
async function codeTotals(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const rows = await vatTotalsByCode(db, companyId, term.from, term.to);
  const totals = new Map<string, SpecifiedTotals>();
  for (const r of rows) {
    const code = r.vat_code ?? '';
    const spec = r.vat_specification;
    const specification = spec !== null && isVatSpecification(spec) ? spec : undefined;
    const key = `${code}|${specification ?? ''}`;
    const t = totals.get(key) ?? { code, specification, basis: 0, outputVat: 0, inputVat: 0 };
    const amount = Number(r.amount);
    if (r.vat_kind === 'base') t.basis += r.account.startsWith('3') ? -amount : amount;
    if (r.vat_kind === 'output') t.outputVat -= amount;
    if (r.vat_kind === 'input') t.inputVat -= amount;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/**
 * The return's lines in øre, in the order of the code list, each code's plain line before
 * its specification lines, with the rate of the last day.
 */
async function returnLines(db: Kysely<Database>, companyId: number, term: VatTerm) {
  const totals = await codeTotals(db, companyId, term);
  const order = (t: SpecifiedTotals) =>
    Number(t.code) * 100 + (t.specification ? VAT_SPECIFICATIONS.indexOf(t.specification) + 1 : 0);
  return totals
    .sort((a, b) => order(a) - order(b))
    .flatMap((t) => mvaLinesFor(t.code, t, term.to, t.specification));
}

/** The remarks of a closing, put on the lines they were given for. */
function withRemarks(lines: MvaLine[], lineRemarks: ReadonlyMap<string, string>): MvaLine[] {
  return lines.map((line) => {
    const text = lineRemarks.get(mvaLineKey(line));
    return text ? { ...line, remark: { text } } : line;
  });
}

function toJsonLine(line: MvaLine): VatReturnLine {
  const known = vatCode(line.code);
  return {
    key: mvaLineKey(line),
    code: line.code,
    specification: line.specification ?? null,
    nameNb: known?.nameNb ?? line.code,
    nameEn: known?.nameEn ?? line.code,
    basis: line.basis ?? null,
    rate: line.rate === undefined ? null : Number(line.rate.replace(',', '.')),
    vat: line.vat,
    remark: line.remark && 'text' in line.remark ? line.remark.text : null,
    remarkRequired: mvaRemarkRequired(line),
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

function parseLineRemarks(json: string | null): Map<string, string> {
  if (!json) return new Map();
  const parsed = JSON.parse(json) as { key: string; text: string }[];
  return new Map(parsed.map((r) => [r.key, r.text]));
}

/** The term's state, its closings and the remarks of the latest one. */
async function termState(db: Kysely<Database>, companyId: number, t: VatTerm) {
  const [row, versions] = await Promise.all([
    findClosedTerm(db, companyId, t),
    listTermVersions(db, companyId, t),
  ]);
  const latest = versions.at(-1);
  const status: VatTermStatus = !row
    ? 'open'
    : row.status === 'correcting'
      ? 'correcting'
      : 'closed';
  const history = versions.map(
    (v): VatReturnVersion => ({
      version: v.version,
      closedAt: v.closed_at,
      closedBy: v.closed_by === null ? null : { id: v.closed_by, name: v.closed_by_name ?? '' },
      voucher:
        v.voucher_id === null || v.series === null || v.number === null
          ? null
          : { id: v.voucher_id, series: v.series, number: v.number },
      total: v.total === null ? null : Number(v.total),
      remark: v.remark,
    }),
  );
  return {
    status,
    version: row ? row.version : null,
    remark: latest?.remark ?? null,
    lineRemarks: parseLineRemarks(latest?.line_remarks ?? null),
    history,
  };
}

/** The VAT accounts' movement in the term that no settlement has taken yet, debit positive. */
async function unsettledMoves(db: Kysely<Database>, companyId: number, t: VatTerm) {
  return (await vatAccountMovements(db, companyId, t))
    .map((m) => ({ account: m.account, amount: Number(m.amount) }))
    .filter((m) => m.amount !== 0);
}

export async function vatReturn(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  term: number,
): Promise<VatReturn> {
  const t = await termOf(db, companyId, year, term);
  const [lines, warningList, state, moves] = await Promise.all([
    returnLines(db, companyId, t),
    warnings(db, companyId, t),
    termState(db, companyId, t),
    unsettledMoves(db, companyId, t),
  ]);
  return {
    year,
    term,
    termLength: t.termLength,
    from: t.from,
    to: t.to,
    lines: withRemarks(lines, state.lineRemarks).map(toJsonLine),
    total: lines.reduce((sum, l) => sum + l.vat, 0),
    warnings: warningList,
    closed: state.status === 'closed',
    status: state.status,
    version: state.version,
    remark: state.remark,
    history: state.history,
    unsettled: -moves.reduce((sum, m) => sum + m.amount, 0),
  };
}

/**
 * The return as mva-melding XML, amounts in whole kroner. It is always the complete return
 * with the ledger's current figures: a correction is filed in Norway as a new full return
 * for the same term. The remarks are those of the latest closing.
 */
export async function vatReturnXml(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  term: number,
): Promise<string> {
  const company = await findCompany(db, companyId);
  if (!company) throw new AppError('not-found', `Unknown company ${companyId}.`);
  const t = await termOf(db, companyId, year, term);
  const [lines, state] = await Promise.all([
    returnLines(db, companyId, t),
    termState(db, companyId, t),
  ]);
  return writeMvaMelding({
    reference: randomUUID(),
    systemVersion: SYSTEM_VERSION,
    termLength: t.termLength,
    term,
    year,
    orgNumber: company.org_number,
    lines: withRemarks(lines, state.lineRemarks),
    ...(state.remark ? { remark: { text: state.remark } } : {}),
  });
}

const termName = (t: VatTerm) => `VAT term ${t.term} of ${t.year}`;

/** The periods of the term must be open, for the settlement voucher to be posted there. */
async function refuseLockedPeriods(db: Kysely<Database>, companyId: number, t: VatTerm) {
  const locked = (await periodsInTerm(db, companyId, t)).filter((p) => p.locked === 1);
  if (locked.length > 0) {
    const names = locked.map((p) => `${p.period}/${p.fiscal_year}`).join(', ');
    throw new AppError(
      'conflict',
      `Period ${names} in ${termName(t)} is locked; unlock it to close the term.`,
    );
  }
}

/**
 * The settlement voucher: each VAT account's movement in the term not yet settled, reversed
 * into 2740. At the first closing that is all of it; when a correction is closed, the earlier
 * settlements have already moved their share, so only what changed since is left.
 */
async function settlementInput(
  db: Kysely<Database>,
  companyId: number,
  t: VatTerm,
  version: number,
) {
  const moves = await unsettledMoves(db, companyId, t);
  if (moves.length === 0) return null;
  const settled = moves.reduce((sum, m) => sum + m.amount, 0);
  const description =
    version === 1
      ? `Avregning merverdiavgift, termin ${t.term} ${t.year}`
      : `Tilleggsavregning merverdiavgift, termin ${t.term} ${t.year}, versjon ${version}`;
  const input: NewVoucherInput = {
    series: 'A',
    date: t.to,
    description,
    lines: [
      ...moves.map((m) => ({ account: m.account, amount: -m.amount, vatCode: null })),
      { account: SETTLEMENT_ACCOUNT, amount: settled, vatCode: null },
    ],
  };
  return input;
}

/** The remarks as stored, each line remark checked against the lines the return has now. */
function checkedRemarks(lines: MvaLine[], remarks: CloseRemarks) {
  const keys = new Set(lines.map(mvaLineKey));
  const lineRemarks: { key: string; text: string }[] = [];
  for (const [i, r] of (remarks.lineRemarks ?? []).entries()) {
    if (!keys.has(r.key)) {
      throw AppError.field(
        `lineRemarks.${i}.key`,
        `The return has no line ${r.key}; remarks go on the lines it has now.`,
      );
    }
    const text = r.text.trim();
    if (text) lineRemarks.push({ key: r.key, text });
  }
  const remark = remarks.remark?.trim() || null;
  return { remark, lineRemarks: lineRemarks.length > 0 ? JSON.stringify(lineRemarks) : null };
}

/**
 * Closes a VAT term, or the correction of a reopened one, in one transaction: claims the
 * term, posts the settlement of what is not yet settled on the term's last day, records the
 * version with its remarks and locks the term's periods. The claim comes first and only
 * succeeds from the right state (the table's unique key for a first closing, a conditional
 * update of the term's row for a correction), so of two closings at once the second fails
 * with a conflict before it posts anything. A failure leaves nothing behind.
 *
 * Only postings dated in the term are settled. Instead of reopening, a correction found
 * later can also be dated in an open term and reported (and settled) there.
 */
export async function closeVatTerm(
  db: Kysely<Database>,
  ctx: PostingContext,
  year: number,
  term: number,
  remarks: CloseRemarks = {},
) {
  return inTransaction(db, async (trx) => {
    const t = await termOf(trx, ctx.companyId, year, term);
    const version = await claimClosing(trx, ctx, t);
    await refuseLockedPeriods(trx, ctx.companyId, t);
    const lines = await returnLines(trx, ctx.companyId, t);
    const stored = checkedRemarks(lines, remarks);
    const input = await settlementInput(trx, ctx.companyId, t, version);
    const voucher = input ? await postVoucher(trx, ctx, input) : null;
    if (version === 1) {
      await trx
        .updateTable('vat_returns')
        .set({ voucher_id: voucher?.id ?? null })
        .where('company_id', '=', ctx.companyId)
        .where('year', '=', t.year)
        .where('term_length', '=', t.termLength)
        .where('term', '=', t.term)
        .execute();
    }
    const total = lines.reduce((sum, l) => sum + l.vat, 0);
    await insertTermVersion(trx, ctx.companyId, t, {
      version,
      voucherId: voucher?.id ?? null,
      closedBy: ctx.userId,
      closedAt: now(),
      total,
      remark: stored.remark,
      lineRemarks: stored.lineRemarks,
    });
    for (const p of await periodsInTerm(trx, ctx.companyId, t)) {
      await setPeriodLocked(trx, ctx.companyId, p.fiscal_year, p.period, true);
    }
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: version === 1 ? 'vat-term.close' : 'vat-term.close-correction',
      entity: 'vat-term',
      entityId: `${t.year}/${t.termLength}/${t.term}`,
      before: version === 1 ? null : { status: 'correcting', version: version - 1 },
      after: { status: 'closed', version, total, voucherId: voucher?.id ?? null },
    });
    return { year, term, from: t.from, to: t.to, version, voucher };
  });
}

/** Claims the closing and gives the version it will be: 1, or one more than the last. */
async function claimClosing(db: Kysely<Database>, ctx: PostingContext, t: VatTerm) {
  const row = await findClosedTerm(db, ctx.companyId, t);
  if (!row) {
    await claimTerm(db, ctx, t);
    return 1;
  }
  const next = row.version + 1;
  const claimed =
    row.status === 'correcting' &&
    (await changeTermStatus(db, ctx.companyId, t, {
      from: 'correcting',
      to: 'closed',
      version: row.version,
      set: { version: next },
    }));
  if (!claimed) {
    throw new AppError(
      'conflict',
      `${termName(t)} is already closed. An administrator can reopen it for correction.`,
    );
  }
  return next;
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
        status: 'closed',
        version: 1,
      })
      .execute();
  } catch {
    throw new AppError('conflict', `${termName(t)} is already closed.`);
  }
}

/**
 * Reopens a closed term for correction: unlocks its periods so vouchers can be posted or
 * corrected there, and marks the term as being corrected until it is closed again. Of two
 * reopenings at once the second fails with a conflict.
 */
export async function reopenVatTerm(
  db: Kysely<Database>,
  ctx: PostingContext,
  year: number,
  term: number,
) {
  return inTransaction(db, async (trx) => {
    const t = await termOf(trx, ctx.companyId, year, term);
    const row = await findClosedTerm(trx, ctx.companyId, t);
    if (!row) {
      throw new AppError('conflict', `${termName(t)} is not closed, so it is open already.`);
    }
    const reopened =
      row.status === 'closed' &&
      (await changeTermStatus(trx, ctx.companyId, t, {
        from: 'closed',
        to: 'correcting',
        version: row.version,
        set: { reopened_by: ctx.userId, reopened_at: now() },
      }));
    if (!reopened) {
      throw new AppError('conflict', `${termName(t)} is already reopened for correction.`);
    }
    for (const p of await periodsInTerm(trx, ctx.companyId, t)) {
      await setPeriodLocked(trx, ctx.companyId, p.fiscal_year, p.period, false);
    }
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: 'vat-term.reopen',
      entity: 'vat-term',
      entityId: `${t.year}/${t.termLength}/${t.term}`,
      before: { status: 'closed', version: row.version },
      after: { status: 'correcting', version: row.version },
    });
    const status: VatTermStatus = 'correcting';
    return { year, term, from: t.from, to: t.to, status, version: row.version };
  });
}
