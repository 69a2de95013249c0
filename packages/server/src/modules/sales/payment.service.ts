import { CLAIM_KINDS, type DocumentKind, formatAmount, STATUS, sideOf, toNok } from '@nordbok/core';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { currencySchema, isoDateSchema } from '../accounting/voucher.schemas';
import { type PostingContext, postRecordedVouchers } from '../accounting/voucher.service';
import type { LinePosting } from '../accounting/voucher-rules';
import { addTimelineEntry } from '../contacts/timeline.service';
import type { Document } from './document.schemas';
import {
  addEvent,
  type ClaimSummary,
  claimSummary,
  getDocument,
  KIND_NAMES,
  momentOf,
  nextDocumentNumber,
  rateFor,
  refreshStatus,
} from './document.service';
import { getSalesSettings } from './sales-settings';

const id = z.number().int().positive();

/**
 * A payment in (from a customer) or out (to a supplier), in øre of its currency, spread
 * over the claims it pays. What is paid beyond them must be given a treatment: kept on the
 * customer's or supplier's account as a prepayment, or written off.
 */
export const newPaymentSchema = z.strictObject({
  direction: z.enum(['in', 'out']),
  partyId: id,
  date: isoDateSchema,
  amount: z.number().int().positive('A payment is more than zero.'),
  /** The bank or cash account; the company's bank account when left out. */
  account: z
    .string()
    .regex(/^\d{4,6}$/)
    .optional(),
  currency: currencySchema.shape.code.nullable().optional(),
  rate: currencySchema.shape.rate.nullable().optional(),
  allocations: z
    .array(z.strictObject({ documentId: id, amount: z.number().int().positive() }))
    .max(500),
  excess: z.enum(['on-account', 'write-off']).optional(),
  text: z.string().trim().max(200).optional(),
});
export type NewPayment = z.input<typeof newPaymentSchema>;

/**
 * Registers a payment and posts it: the bank line, one sub-ledger line per claim paid
 * (carrying the claim's invoice number and KID, so the ledger settles the open item), the
 * excess on account or written off, and for a foreign currency the realised exchange gain
 * or loss: the claim leaves the books at the NOK it was posted at, the bank takes the NOK
 * of the day of payment, and the difference is agio or disagio.
 */
export async function registerPayment(
  db: Kysely<Database>,
  ctx: PostingContext,
  raw: NewPayment,
): Promise<Document> {
  const paymentId = await savePayment(db, ctx, raw);
  return getDocument(db, ctx.companyId, paymentId);
}

/** Registers a payment as `registerPayment` does and gives the payment document's id. */
export function savePayment(
  db: Kysely<Database>,
  ctx: PostingContext,
  raw: NewPayment,
): Promise<number> {
  const input = newPaymentSchema.parse(raw);
  return inTransaction(db, async (trx) => {
    const { companyId } = ctx;
    const settings = await getSalesSettings(trx, companyId);
    const party = await trx
      .selectFrom('parties')
      .select(['id', 'name'])
      .where('company_id', '=', companyId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw AppError.field('partyId', 'No such customer or supplier.', 'unknown');
    const side = input.direction === 'in' ? 'sales' : 'purchase';
    const currency = input.currency && input.currency !== 'NOK' ? input.currency : null;
    const rate = await rateFor(trx, currency, input.rate, input.date);
    const claimAccount = side === 'sales' ? settings.customerAccount : settings.supplierAccount;
    // Debit positive: money in is a debit on the bank and a credit on the customer.
    const sign = input.direction === 'in' ? 1 : -1;
    const postings: Omit<LinePosting, 'line'>[] = [];
    const base = {
      vatCode: null,
      vatKind: null,
      departmentId: null,
      projectId: null,
      dueDate: null,
    } as const;
    const text =
      input.text ||
      `${KIND_NAMES[input.direction === 'in' ? 'payment' : 'supplier_payment']} ${party.name}`;
    const paidNok = toNok(input.amount, rate);
    postings.push({
      ...base,
      account: input.account ?? settings.bankAccount,
      amount: sign * paidNok,
      description: text,
      partyId: null,
      invoiceNumber: null,
      kid: null,
      currency: currency && rate ? { code: currency, amount: sign * input.amount, rate } : null,
    });
    let allocated = 0;
    let claimsNok = 0;
    const paid: { doc: ClaimSummary; amount: number }[] = [];
    for (const [i, a] of input.allocations.entries()) {
      const at = `allocations.${i}`;
      const doc = await claimSummary(trx, companyId, a.documentId).catch(() => {
        throw AppError.field(`${at}.documentId`, 'No such document.', 'unknown');
      });
      if (
        !CLAIM_KINDS.includes(doc.kind) ||
        doc.kind === 'credit_note' ||
        doc.kind === 'supplier_credit_note' ||
        sideOf(doc.kind) !== side
      ) {
        throw AppError.field(
          `${at}.documentId`,
          `${KIND_NAMES[doc.kind]} ${doc.number} is not something a payment ${input.direction} can pay.`,
        );
      }
      if (doc.partyId !== input.partyId) {
        throw AppError.field(
          `${at}.documentId`,
          `${KIND_NAMES[doc.kind]} ${doc.number} is for someone else.`,
        );
      }
      if ((doc.currency ?? null) !== currency) {
        throw AppError.field(
          `${at}.documentId`,
          `${KIND_NAMES[doc.kind]} ${doc.number} is in ${doc.currency ?? 'NOK'}; pay it in that currency.`,
        );
      }
      if (a.amount > doc.open) {
        throw AppError.field(
          `${at}.amount`,
          `${KIND_NAMES[doc.kind]} ${doc.number} has ${formatAmount(doc.open)} open; ${formatAmount(a.amount)} is more than that.`,
          'too-much',
        );
      }
      const nok =
        a.amount === doc.open
          ? await openNok(trx, companyId, doc, claimAccount)
          : toNok(a.amount, doc.rate);
      const reference = claimReference(doc);
      postings.push({
        ...base,
        account: claimAccount,
        amount: -sign * nok,
        description: `${text}, ${KIND_NAMES[doc.kind].toLowerCase()} ${doc.number}`,
        partyId: input.partyId,
        invoiceNumber: reference.invoiceNumber,
        kid: reference.kid,
        currency:
          currency && doc.rate
            ? { code: currency, amount: -sign * a.amount, rate: doc.rate }
            : null,
      });
      allocated += a.amount;
      claimsNok += nok;
      paid.push({ doc, amount: a.amount });
    }
    const excess = input.amount - allocated;
    if (excess < 0) {
      throw AppError.field(
        'amount',
        `The payment is ${formatAmount(input.amount)}, less than the ${formatAmount(allocated)} spread over the claims.`,
      );
    }
    if (excess > 0 && !input.excess) {
      throw AppError.field(
        'excess',
        `${formatAmount(excess)} is paid beyond the claims: choose to keep it on account or write it off.`,
        'required',
      );
    }
    let excessNok = 0;
    if (excess > 0) {
      excessNok = toNok(excess, rate);
      const onAccount = input.excess === 'on-account';
      postings.push({
        ...base,
        account: onAccount ? claimAccount : settings.writeOffAccount,
        amount: -sign * excessNok,
        description: onAccount ? `${text}, forskudd` : `${text}, avskrevet differanse`,
        partyId: onAccount ? input.partyId : null,
        invoiceNumber: null,
        kid: null,
        currency:
          currency && rate && onAccount ? { code: currency, amount: -sign * excess, rate } : null,
      });
    }
    const difference = sign * (paidNok - claimsNok - excessNok);
    if (difference !== 0) {
      // More NOK in (or less out) than the claims were booked at is a gain, else a loss.
      postings.push({
        ...base,
        account: difference > 0 ? settings.exchangeGainAccount : settings.exchangeLossAccount,
        amount: -sign * difference,
        description: difference > 0 ? `${text}, agio` : `${text}, disagio`,
        partyId: null,
        invoiceNumber: null,
        kid: null,
        currency: null,
      });
    }
    const kind: DocumentKind = input.direction === 'in' ? 'payment' : 'supplier_payment';
    const number = await nextDocumentNumber(trx, companyId, kind);
    const [voucher] = await postRecordedVouchers(trx, ctx, [
      {
        series: settings.paymentSeries,
        date: input.date,
        description: `${KIND_NAMES[kind]} ${number} ${party.name}`,
        postings: postings.filter((p) => p.amount !== 0).map((p, line) => ({ ...p, line })),
      },
    ]);
    const stamp = now();
    const row = await trx
      .insertInto('documents')
      .values({
        company_id: companyId,
        kind,
        number,
        party_id: input.partyId,
        date: input.date,
        status: STATUS.paid,
        currency,
        rate,
        text: input.text ?? '',
        payment_account: input.account ?? settings.bankAccount,
        voucher_id: voucher!.id,
        net: input.amount,
        gross: input.amount,
        gross_nok: paidNok,
        paid: input.amount,
        created_by: ctx.userId,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, ctx, row.id, 'created', `${KIND_NAMES[kind]} ${number} registrert`);
    for (const { doc, amount } of paid) {
      await trx
        .insertInto('document_links')
        .values({
          company_id: companyId,
          source_document_id: doc.id,
          source_line_id: null,
          target_document_id: row.id,
          target_line_id: null,
          amount,
        })
        .execute();
      await trx
        .updateTable('documents')
        .set({ paid: sql`paid + ${amount}` })
        .where('id', '=', doc.id)
        .execute();
      const full = amount === doc.open;
      await addEvent(
        trx,
        ctx,
        doc.id,
        full ? 'paid' : 'partly-paid',
        `${full ? 'Betalt' : 'Delbetalt'} ${formatAmount(amount)} (${KIND_NAMES[kind].toLowerCase()} ${number})`,
      );
      await refreshStatus(trx, companyId, doc.id);
    }
    await addTimelineEntry(trx, companyId, input.partyId, {
      kind: 'document',
      title: `${KIND_NAMES[kind]} ${number}`,
      occurredAt: momentOf(input.date),
      body: `${formatAmount(input.amount)} ${currency ?? 'NOK'}`,
      source: 'document',
      sourceId: row.id,
      userId: ctx.userId,
    });
    return row.id;
  });
}

function claimReference(doc: ClaimSummary) {
  return {
    invoiceNumber:
      sideOf(doc.kind) === 'sales'
        ? String(doc.number)
        : (doc.externalNumber ?? String(doc.number)),
    kid: doc.kid,
  };
}

/** What is still open in NOK on a claim's sub-ledger posting, so a final payment clears it to the øre. */
async function openNok(
  db: Kysely<Database>,
  companyId: number,
  doc: ClaimSummary,
  claimAccount: string,
): Promise<number> {
  if (!doc.voucherId) return toNok(doc.open, doc.rate);
  const posting = await db
    .selectFrom('postings')
    .select(['id', 'amount'])
    .where('company_id', '=', companyId)
    .where('voucher_id', '=', doc.voucherId)
    .where('account', '=', claimAccount)
    .where('party_id', '=', doc.partyId)
    .executeTakeFirst();
  if (!posting) return toNok(doc.open, doc.rate);
  const settled = await db
    .selectFrom('settlements')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('settled'))
    .where('item_posting_id', '=', posting.id)
    .executeTakeFirstOrThrow();
  return Math.abs(Number(posting.amount) - Number(settled.settled));
}
