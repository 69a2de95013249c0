import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.service';
import {
  deleteSettlement,
  findItemsForPayment,
  findSettlement,
  insertSettlement,
  lockSettlements,
  settlementsOf,
  subledgerPostings,
} from './open-item.store';

/**
 * Open items (post-mot-post). On a customer account an item is a debit (an invoice) and a
 * settling posting a credit (a payment, a credit note); on a supplier account the other way
 * round. A settlement records how much of an item a posting settles, in the item's sign:
 *
 *   invoice  1500  +10 000,00   open +10 000,00
 *   payment  1500   −6 000,00   settles +6 000,00 of it → open +4 000,00
 */
export type SubledgerKind = 'customer' | 'supplier';

export interface OpenItem {
  postingId: number;
  voucherId: number;
  series: string;
  number: number;
  date: string;
  dueDate: string | null;
  account: string;
  partyId: number;
  invoiceNumber: string | null;
  kid: string | null;
  description: string;
  amount: number;
  open: number;
  settlements: { id: number; postingId: number; amount: number; matchedBy: string }[];
}

/** A customer debit or a supplier credit: a posting that opens an item. */
export const isItem = (kind: SubledgerKind, amount: number) =>
  kind === 'customer' ? amount > 0 : amount < 0;

/** Every sub-ledger posting of a kind with what is still open on it at a date. */
export async function subledger(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind: SubledgerKind; partyId?: number | undefined; at?: string | undefined },
): Promise<OpenItem[]> {
  const rows = await subledgerPostings(db, companyId, { ...filter, to: filter.at });
  const settlements = await settlementsOf(
    db,
    companyId,
    rows.map((r) => r.id),
  );
  const known = new Set(rows.map((r) => r.id));
  return rows.map((r) => {
    const own = settlements.filter(
      (s) =>
        (s.item_posting_id === r.id && known.has(s.payment_posting_id)) ||
        (s.payment_posting_id === r.id && known.has(s.item_posting_id)),
    );
    const item = isItem(filter.kind, Number(r.amount));
    const settled = own.reduce((sum, s) => sum + Number(s.amount), 0);
    return {
      postingId: r.id,
      voucherId: r.voucher_id,
      series: r.series,
      number: r.number,
      date: r.date,
      dueDate: r.due_date,
      account: r.account,
      partyId: r.party_id!,
      invoiceNumber: r.invoice_number,
      kid: r.kid,
      description: r.description || r.voucher_description,
      amount: Number(r.amount),
      // A payment's settlements carry the items' sign, so they reduce it by adding.
      open: item ? Number(r.amount) - settled : Number(r.amount) + settled,
      settlements: own.map((s) => ({
        id: s.id,
        postingId: s.item_posting_id === r.id ? s.payment_posting_id : s.item_posting_id,
        amount: Number(s.amount),
        matchedBy: s.matched_by,
      })),
    };
  });
}

export async function openItems(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind: SubledgerKind; partyId?: number | undefined; at?: string | undefined },
) {
  return (await subledger(db, companyId, filter)).filter((i) => i.open !== 0);
}

interface NewSubledgerPosting {
  id: number;
  account: string;
  amount: number;
  partyId: number | null;
  kid: string | null;
  invoiceNumber: string | null;
  kind: SubledgerKind;
}

/**
 * Settles new payments against open items found by KID, or by invoice number for the same
 * party, as far as both go. Runs in the posting transaction.
 */
export async function settleAutomatically(
  db: Kysely<Database>,
  companyId: number,
  postings: readonly NewSubledgerPosting[],
) {
  const payments = postings.filter((p) => !isItem(p.kind, p.amount) && (p.kid || p.invoiceNumber));
  if (payments.length > 0) await lockSettlements(db, companyId);
  for (const p of payments) {
    let remaining = -p.amount;
    const candidates = await findItemsForPayment(db, companyId, p);
    const items = candidates.filter((c) => isItem(p.kind, Number(c.amount)) && c.id !== p.id);
    const settled = await settlementsOf(
      db,
      companyId,
      items.map((i) => i.id),
    );
    for (const item of items) {
      if (remaining === 0) break;
      const done = settled
        .filter((s) => s.item_posting_id === item.id)
        .reduce((t, s) => t + Number(s.amount), 0);
      const open = Number(item.amount) - done;
      const amount = Math.sign(open) * Math.min(Math.abs(open), Math.abs(remaining));
      if (amount === 0) continue;
      const matchedBy = p.kid && item.kid === p.kid ? 'kid' : 'invoice-number';
      await insertSettlement(db, companyId, {
        itemId: item.id,
        paymentId: p.id,
        amount,
        matchedBy,
      });
      remaining -= amount;
    }
  }
}

/** Settles by hand: an item against a posting of the same party going the other way. */
export async function settle(
  db: Kysely<Database>,
  ctx: { companyId: number; userId: number | null },
  input: { itemPostingId: number; paymentPostingId: number; amount?: number | undefined },
) {
  return db.transaction().execute(async (trx) => {
    await lockSettlements(trx, ctx.companyId);
    const [item, payment] = await pairToSettle(trx, ctx.companyId, input);
    const max = Math.min(Math.abs(item.open), Math.abs(payment.open));
    const amount = input.amount ?? Math.sign(item.open) * max;
    if (Math.sign(amount) !== Math.sign(item.open) || Math.abs(amount) > max) {
      throw AppError.field(
        'amount',
        `At most ${max} øre can be settled between these two postings.`,
      );
    }
    const row = await insertSettlement(trx, ctx.companyId, {
      itemId: item.postingId,
      paymentId: payment.postingId,
      amount,
      matchedBy: 'manual',
    });
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: 'open-item.settle',
      entity: 'settlement',
      entityId: String(row.id),
      before: null,
      after: { itemPostingId: item.postingId, paymentPostingId: payment.postingId, amount },
    });
    return {
      id: row.id,
      itemPostingId: item.postingId,
      paymentPostingId: payment.postingId,
      amount,
    };
  });
}

async function pairToSettle(
  db: Kysely<Database>,
  companyId: number,
  input: { itemPostingId: number; paymentPostingId: number },
) {
  for (const kind of ['customer', 'supplier'] as const) {
    const all = await subledger(db, companyId, { kind });
    const item = all.find((i) => i.postingId === input.itemPostingId);
    const payment = all.find((i) => i.postingId === input.paymentPostingId);
    if (!item && !payment) continue;
    if (!item)
      throw AppError.field(
        'itemPostingId',
        `Posting ${input.itemPostingId} is not on the ${kind} ledger.`,
      );
    if (!payment) {
      throw AppError.field(
        'paymentPostingId',
        `Posting ${input.paymentPostingId} is not on the ${kind} ledger.`,
      );
    }
    if (!isItem(kind, item.amount) || isItem(kind, payment.amount)) {
      throw AppError.field(
        'paymentPostingId',
        'The second posting must go the other way from the item.',
      );
    }
    if (item.partyId !== payment.partyId || item.account !== payment.account) {
      throw AppError.field(
        'paymentPostingId',
        'Both postings must belong to the same customer or supplier.',
      );
    }
    return [item, payment] as const;
  }
  throw AppError.field(
    'itemPostingId',
    `Posting ${input.itemPostingId} is not on a customer or supplier ledger.`,
  );
}

export async function unsettle(
  db: Kysely<Database>,
  ctx: { companyId: number; userId: number | null },
  id: number,
) {
  await db.transaction().execute(async (trx) => {
    const row = await findSettlement(trx, ctx.companyId, id);
    if (!row) throw new AppError('not-found', `Settlement ${id} does not exist.`);
    await deleteSettlement(trx, ctx.companyId, id);
    await appendAudit(trx, ctx.companyId, {
      userId: ctx.userId,
      action: 'open-item.unsettle',
      entity: 'settlement',
      entityId: String(id),
      before: {
        itemPostingId: row.item_posting_id,
        paymentPostingId: row.payment_posting_id,
        amount: Number(row.amount),
      },
      after: null,
    });
  });
}
