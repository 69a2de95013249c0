import type { Kysely } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { Database, PostingRow, VoucherRow } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.service';
import { isItem, type SubledgerKind, settleAutomatically } from './open-item.service';
import type { NewVoucherInput, Voucher } from './voucher.schemas';
import {
  addToDayTotals,
  deletePostings,
  findPostingsByKid,
  findVoucher,
  insertPostings,
  insertVouchers,
  listPostingsOfVouchers,
  listVouchers,
  takeVoucherNumbers,
  updateVoucher,
} from './voucher.store';
import {
  type Ledger,
  loadLedger,
  type Prepared,
  prepare,
  prepareRecorded,
  type RecordedVoucher,
  recordedAsInput,
} from './voucher-rules';

export interface PostingContext {
  companyId: number;
  userId: number | null;
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
  return inTransaction(db, async (trx) => {
    const ledger = await loadLedger(trx, ctx.companyId, inputs);
    const prepared = inputs.map((input, i) =>
      withIndex(inputs.length, i, () => prepare(ledger, input)),
    );
    await refuseDuplicateKids(trx, ctx.companyId, prepared, ledger);
    const rows = await numberAndInsert(trx, ctx, prepared, now());
    const postings = await bookPostings(trx, ctx.companyId, rows, prepared, ledger);
    return rows.map((row) =>
      toVoucher(
        row,
        postings.filter((p) => p.voucher_id === row.id),
      ),
    );
  });
}

/**
 * Posts vouchers whose postings are complete as they are (VAT lines included), as a SAF-T
 * import brings them: numbered, written and added to the day totals like any voucher, and
 * their payments settled against open items. KIDs are not checked for reuse: the other
 * system's history is taken as it was booked.
 */
export async function postRecordedVouchers(
  db: Kysely<Database>,
  ctx: PostingContext,
  vouchers: readonly RecordedVoucher[],
): Promise<VoucherRow[]> {
  return inTransaction(db, async (trx) => {
    const ledger = await loadLedger(trx, ctx.companyId, vouchers.map(recordedAsInput));
    const prepared = vouchers.map((v, i) =>
      withIndex(vouchers.length, i, () => prepareRecorded(ledger, v)),
    );
    const rows = await numberAndInsert(trx, ctx, prepared, now());
    await bookPostings(trx, ctx.companyId, rows, prepared, ledger);
    return rows;
  });
}

/**
 * A KID identifies one invoice: a customer invoice's KID is unique in the company, a
 * supplier's KID unique for that supplier. Checked against the ledger and the batch itself.
 */
async function refuseDuplicateKids(
  db: Kysely<Database>,
  companyId: number,
  prepared: Prepared[],
  ledger: Ledger,
) {
  const items = prepared.flatMap((p, v) =>
    p.postings
      .filter((posting) => posting.kid && isInvoice(ledger, posting.account, posting.amount))
      .map((posting) => ({ ...posting, voucher: v })),
  );
  const existing = await findPostingsByKid(
    db,
    companyId,
    items.map((i) => i.kid!),
  );
  const seen = [
    ...existing.map((e) => ({
      kid: e.kid,
      partyId: e.party_id,
      account: e.account,
      where: `${e.series}${e.number}`,
    })),
  ];
  for (const item of items) {
    const supplier = ledger.accounts.get(item.account)?.subledger === 'supplier';
    const clash = seen.find(
      (e) =>
        e.kid === item.kid &&
        e.account === item.account &&
        (!supplier || e.partyId === item.partyId),
    );
    if (clash) {
      const field = `${prepared.length > 1 ? `${item.voucher}.` : ''}lines.${item.line}.kid`;
      throw AppError.field(
        field,
        `Line ${item.line + 1}: KID ${item.kid} is already used (voucher ${clash.where}).`,
        'duplicate',
      );
    }
    seen.push({
      kid: item.kid,
      partyId: item.partyId,
      account: item.account,
      where: 'in this batch',
    });
  }
}

function isInvoice(ledger: Ledger, account: string, amount: number) {
  const kind = ledger.accounts.get(account)?.subledger as SubledgerKind | null | undefined;
  return kind ? isItem(kind, amount) : false;
}

function subledgerPostings(postings: PostingRow[], ledger: Ledger) {
  return postings.flatMap((p) => {
    const kind = ledger.accounts.get(p.account)?.subledger as SubledgerKind | null | undefined;
    if (!kind || p.party_id === null) return [];
    return [
      {
        id: p.id,
        account: p.account,
        amount: Number(p.amount),
        partyId: p.party_id,
        kid: p.kid,
        invoiceNumber: p.invoice_number,
        kind,
      },
    ];
  });
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
  for (const p of prepared) {
    const key = `${p.series}/${p.fiscalYear}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const numbers = new Map<Prepared, number>();
  for (const group of groups.values()) {
    const { series, fiscalYear } = group[0]!;
    const last = await takeVoucherNumbers(db, ctx.companyId, series, fiscalYear, group.length);
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
  return rows;
}

/**
 * Writes the postings of vouchers, adds them to the day totals and settles the payments
 * among them against open items.
 */
async function bookPostings(
  db: Kysely<Database>,
  companyId: number,
  vouchers: VoucherRow[],
  prepared: Prepared[],
  ledger: Ledger,
): Promise<PostingRow[]> {
  const postings = vouchers.flatMap((row, i) => postingRows(row, prepared[i]!));
  const ids = await insertPostings(db, companyId, postings);
  for (const p of postings) p.id = ids.get(`${p.voucher_id}/${p.line_no}`)!;
  const opening = new Set(vouchers.filter((v) => v.period === 0).map((v) => v.id));
  await addToDayTotals(
    db,
    companyId,
    postings.map((p) => dayPosting(p, opening.has(p.voucher_id))),
  );
  await settleAutomatically(db, companyId, subledgerPostings(postings, ledger));
  return postings;
}

function dayPosting(
  p: Pick<PostingRow, 'account' | 'amount' | 'date' | 'department_id' | 'project_id'>,
  opening: boolean,
) {
  return {
    account: p.account,
    amount: Number(p.amount),
    date: p.date,
    opening,
    departmentId: p.department_id,
    projectId: p.project_id,
  };
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
    department_id: p.departmentId,
    project_id: p.projectId,
    party_id: p.partyId,
    invoice_number: p.invoiceNumber,
    due_date: p.dueDate,
    kid: p.kid,
    currency: p.currency?.code ?? null,
    currency_amount: p.currency?.amount ?? null,
    exchange_rate: p.currency?.rate ?? null,
    vat_specification: p.vatSpecification ?? null,
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
      id: p.id,
      lineNo: p.line_no,
      account: p.account,
      amount: Number(p.amount),
      vatCode: p.vat_code,
      vatKind: p.vat_kind as Voucher['postings'][number]['vatKind'],
      vatSpecification: p.vat_specification as Voucher['postings'][number]['vatSpecification'],
      description: p.description,
      departmentId: p.department_id,
      projectId: p.project_id,
      partyId: p.party_id,
      invoiceNumber: p.invoice_number,
      dueDate: p.due_date,
      kid: p.kid,
      currency:
        p.currency === null
          ? null
          : { code: p.currency, amount: Number(p.currency_amount), rate: p.exchange_rate ?? '' },
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
  return inTransaction(db, async (trx) => {
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
    const postings = await bookPostings(trx, ctx.companyId, [updated], [prepared], ledger);
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
  return inTransaction(db, async (trx) => {
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
  const old = voucher.postings.map((p) =>
    dayPosting(
      { ...p, date: row.date, department_id: p.departmentId, project_id: p.projectId },
      row.period === 0,
    ),
  );
  await addToDayTotals(db, companyId, old, -1);
  await deletePostings(db, companyId, row.id);
}
