import {
  addDays,
  formatAmount,
  type LateInterestRate,
  lateInterest,
  MAX_FEE_REMINDERS,
  mayRemind,
  reminderFee,
  STATUS,
} from '@nordbok/core';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { isoDateSchema } from '../accounting/voucher.schemas';
import type { PostingContext } from '../accounting/voucher.service';
import { addEvent, createDocument, KIND_NAMES, refreshStatus } from './document.service';
import { getSalesSettings } from './sales-settings';

/**
 * Reminders (purring) and interest notes (rentenota) for overdue customer invoices.
 *
 * A reminder may be sent at the earliest 14 days after the due date, and a second one at the
 * earliest 14 days after the first; each may carry a fee of at most 1/20 of the inkassosats
 * in force. After two reminders with a fee the claim goes to debt collection instead.
 * Late-payment interest runs from the due date at the rate in force on each day; the rates
 * and the inkassosats live in one dated table that the installation's administrators keep.
 */

const ore = z.number().int().refine(Number.isSafeInteger, 'The amount is too large.');

export const latePaymentRateSchema = z.object({
  validFrom: z.string(),
  /** Yearly interest in basis points: 1250 = 12,5 %. */
  interestBasisPoints: z.number().int(),
  /** Øre; a reminder's fee is at most 1/20 of it. */
  inkassosats: z.number().int(),
});
export type LatePaymentRate = z.infer<typeof latePaymentRateSchema>;

export const latePaymentRateInputSchema = z.strictObject({
  interestBasisPoints: z
    .number()
    .int('The rate is a whole number of basis points (1250 = 12,5 %).')
    .min(0)
    .max(10_000),
  inkassosats: ore.min(0),
});
export type LatePaymentRateInput = z.infer<typeof latePaymentRateInputSchema>;

export const reminderInvoiceSchema = z.object({
  documentId: z.number().int(),
  number: z.number().int(),
  date: z.string(),
  dueDate: z.string(),
  currency: z.string().nullable(),
  gross: z.number().int(),
  open: z.number().int(),
  /** Reminders already sent for the invoice. */
  remindersSent: z.number().int(),
  lastReminderDate: z.string().nullable(),
  /** The level the next reminder would have: 1 for the first, 2 for the second. */
  level: z.number().int(),
  daysOverdue: z.number().int(),
  /** Interest on the open amount since the due date (or the last interest note); null when no rate is known for part of the time. */
  interest: z.number().int().nullable(),
  interestDays: z.number().int(),
  /** Why the interest could not be computed. */
  interestProblem: z.string().nullable(),
});
export type ReminderInvoice = z.infer<typeof reminderInvoiceSchema>;

export const reminderCustomerSchema = z.object({
  partyId: z.number().int(),
  partyName: z.string(),
  /** The fee the reminder would carry, in NOK øre. */
  fee: z.number().int(),
  /** Open amount and interest of the NOK invoices to remind (foreign ones count apart). */
  open: z.number().int(),
  interest: z.number().int(),
  invoices: z.array(reminderInvoiceSchema),
  /** Invoices that have had every reminder with a fee: the next step is debt collection. */
  collection: z.array(reminderInvoiceSchema),
});
export type ReminderCustomer = z.infer<typeof reminderCustomerSchema>;

export const reminderProposalSchema = z.object({
  date: z.string(),
  fee: z.number().int(),
  /** The largest fee the law allows on the date (1/20 of the inkassosats in force). */
  maxFee: z.number().int(),
  interestBasisPoints: z.number().int().nullable(),
  customers: z.array(reminderCustomerSchema),
});
export type ReminderProposal = z.infer<typeof reminderProposalSchema>;

export const reminderQuerySchema = z.object({ date: isoDateSchema });

export const newRemindersSchema = z.strictObject({
  date: isoDateSchema,
  /** Only these customers; left out: every customer the proposal holds. */
  partyIds: z.array(z.number().int().positive()).max(10_000).optional(),
  /** Also make an interest note per customer for the interest to the date. */
  interest: z.boolean().default(false),
});
export type NewReminders = z.infer<typeof newRemindersSchema>;

const createdSchema = z.object({
  documentId: z.number().int(),
  kind: z.enum(['reminder', 'interest_note']),
  number: z.number().int(),
  partyId: z.number().int(),
  partyName: z.string(),
  gross: z.number().int(),
  invoiceNumbers: z.array(z.number().int()),
});
export const remindersResultSchema = z.object({ items: z.array(createdSchema) });
export type RemindersResult = z.infer<typeof remindersResultSchema>;

export async function listLatePaymentRates(db: Kysely<Database>): Promise<LatePaymentRate[]> {
  const rows = await db
    .selectFrom('late_payment_rates')
    .selectAll()
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map((r) => ({
    validFrom: r.valid_from,
    interestBasisPoints: r.interest_basis_points,
    inkassosats: Number(r.inkassosats),
  }));
}

/** Sets the interest rate and inkassosats in force from a date (the 1st of January or July as announced). */
export async function saveLatePaymentRate(
  db: Kysely<Database>,
  validFrom: string,
  input: LatePaymentRateInput,
): Promise<LatePaymentRate> {
  const row = {
    interest_basis_points: input.interestBasisPoints,
    inkassosats: input.inkassosats,
  };
  await db
    .insertInto('late_payment_rates')
    .values({ valid_from: validFrom, ...row })
    .onConflict((oc) => oc.column('valid_from').doUpdateSet(row))
    .execute();
  return { validFrom, ...input };
}

const MS_PER_DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

interface Candidate extends ReminderInvoice {
  partyId: number;
  partyName: string;
  /** From when interest is counted: the due date, or the date of the last interest note. */
  interestFrom: string;
}

interface Computed {
  proposal: ReminderProposal;
  candidates: Candidate[];
}

async function compute(db: Kysely<Database>, companyId: number, date: string): Promise<Computed> {
  const settings = await getSalesSettings(db, companyId);
  const rateRows = await listLatePaymentRates(db);
  const inForce = rateRows.find((r) => r.validFrom <= date);
  if (!inForce) {
    throw AppError.field(
      'date',
      `No inkassosats or late-payment interest rate is in force on ${date}; an administrator of the installation must add the rates that apply.`,
    );
  }
  const maxFee = reminderFee(inForce.inkassosats);
  const fee = Math.min(settings.reminderFee, maxFee);
  const rates: LateInterestRate[] = rateRows.map((r) => ({
    validFrom: r.validFrom,
    basisPoints: r.interestBasisPoints,
  }));

  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .select([
      'd.id',
      'd.number',
      'd.date',
      'd.due_date',
      'd.currency',
      'd.gross',
      'd.paid',
      'd.reminder_level',
      'd.party_id',
      'p.name as party_name',
    ])
    .where('d.company_id', '=', companyId)
    .where('d.kind', '=', 'invoice')
    .where('d.due_date', 'is not', null)
    .where('d.due_date', '<', date)
    .where('d.status', 'not in', [STATUS.credited, STATUS.cancelled])
    .where(sql<boolean>`d.gross - d.paid > 0`)
    .orderBy('p.name')
    .orderBy('d.party_id')
    .orderBy('d.due_date')
    .orderBy('d.number')
    .execute();

  // The latest reminder and interest note that each invoice is linked to.
  const ids = rows.map((r) => r.id);
  const lastOf = new Map<number, { reminder: string | null; interest: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const linked = await db
      .selectFrom('document_links as k')
      .innerJoin('documents as t', 't.id', 'k.target_document_id')
      .select(['k.source_document_id as id', 't.kind', (eb) => eb.fn.max('t.date').as('last')])
      .where('k.company_id', '=', companyId)
      .where('k.source_document_id', 'in', chunk)
      .where('t.kind', 'in', ['reminder', 'interest_note'])
      .groupBy(['k.source_document_id', 't.kind'])
      .execute();
    for (const l of linked) {
      const entry = lastOf.get(l.id) ?? { reminder: null, interest: null };
      if (l.kind === 'reminder') entry.reminder = String(l.last);
      else entry.interest = String(l.last);
      lastOf.set(l.id, entry);
    }
  }

  const candidates: Candidate[] = [];
  for (const r of rows) {
    const dueDate = r.due_date!;
    const remindersSent = r.reminder_level;
    const last = lastOf.get(r.id) ?? { reminder: null, interest: null };
    const level = remindersSent + 1;
    const open = Number(r.gross) - Number(r.paid);
    const interestFrom = last.interest && last.interest > dueDate ? last.interest : dueDate;
    let interest: number | null = null;
    let interestProblem: string | null = null;
    try {
      interest = lateInterest(open, interestFrom, date, rates).interest;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      interestProblem = e.message;
    }
    const candidate: Candidate = {
      documentId: r.id,
      number: r.number,
      date: r.date,
      dueDate,
      currency: r.currency,
      gross: Number(r.gross),
      open,
      remindersSent,
      lastReminderDate: last.reminder,
      level,
      daysOverdue: dayOf(date) - dayOf(dueDate),
      interest,
      interestDays: Math.max(0, dayOf(date) - dayOf(interestFrom)),
      interestProblem,
      partyId: r.party_id,
      partyName: r.party_name,
      interestFrom,
    };
    if (level > MAX_FEE_REMINDERS) {
      candidates.push(candidate);
      continue;
    }
    const may = mayRemind({
      dueDate,
      today: date,
      level,
      lastReminderDate: last.reminder,
      minDays: settings.reminderDays,
    });
    if (may.allowed) candidates.push(candidate);
  }

  const customers = new Map<number, ReminderCustomer>();
  for (const c of candidates) {
    let customer = customers.get(c.partyId);
    if (!customer) {
      customer = {
        partyId: c.partyId,
        partyName: c.partyName,
        fee: 0,
        open: 0,
        interest: 0,
        invoices: [],
        collection: [],
      };
      customers.set(c.partyId, customer);
    }
    const { partyId: _p, partyName: _n, interestFrom: _f, ...invoice } = c;
    if (c.level > MAX_FEE_REMINDERS) {
      customer.collection.push(invoice);
    } else {
      customer.invoices.push(invoice);
      if (!c.currency) {
        customer.open += c.open;
        customer.interest += c.interest ?? 0;
      }
    }
  }
  for (const customer of customers.values()) {
    customer.fee = customer.invoices.length > 0 ? fee : 0;
  }
  return {
    proposal: {
      date,
      fee,
      maxFee,
      interestBasisPoints: inForce.interestBasisPoints,
      customers: [...customers.values()],
    },
    candidates,
  };
}

/** Per customer, the overdue invoices that may be reminded on the date, with fee and interest. */
export async function reminderProposal(
  db: Kysely<Database>,
  companyId: number,
  date: string,
): Promise<ReminderProposal> {
  return (await compute(db, companyId, date)).proposal;
}

/**
 * Sends the reminders the proposal holds: per customer one reminder, whose only line is the
 * fee, linked to the invoices it reminds of with their open amounts; each invoice's reminder
 * level goes up by one. With interest, also one interest note per customer and currency with
 * a line per invoice. Everything happens in one transaction.
 */
export async function createReminders(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewReminders,
): Promise<RemindersResult> {
  return inTransaction(db, async (trx) => {
    const { companyId } = ctx;
    const settings = await getSalesSettings(trx, companyId);
    const { proposal, candidates } = await compute(trx, companyId, input.date);
    const wanted = input.partyIds ? new Set(input.partyIds) : null;
    const customers = proposal.customers.filter(
      (c) => c.invoices.length > 0 && (!wanted || wanted.has(c.partyId)),
    );
    if (customers.length === 0) {
      throw AppError.field(
        input.partyIds ? 'partyIds' : 'date',
        `No invoices may be reminded on ${input.date}: a reminder can be sent at the earliest ${settings.reminderDays} days after the due date or the previous reminder, and at most ${MAX_FEE_REMINDERS} times.`,
        'nothing-to-remind',
      );
    }
    const items: RemindersResult['items'] = [];
    for (const customer of customers) {
      const invoices = customer.invoices;
      if (input.interest) {
        const missing = invoices.find((i) => i.interest === null);
        if (missing) {
          throw AppError.field(
            'interest',
            `The interest on invoice ${missing.number} cannot be computed: ${missing.interestProblem}`,
          );
        }
      }
      for (const invoice of invoices) {
        const bumped = await trx
          .updateTable('documents')
          .set({ reminder_level: invoice.level })
          .where('id', '=', invoice.documentId)
          .where('reminder_level', '=', invoice.remindersSent)
          .executeTakeFirst();
        if (Number(bumped.numUpdatedRows) !== 1) {
          throw new AppError(
            'conflict',
            `Invoice ${invoice.number} was reminded by someone else meanwhile: look at the proposal again.`,
          );
        }
      }
      const levels = invoices.map((i) => `${i.number} (${i.level}. purring)`).join(', ');
      const reminder = await createDocument(
        trx,
        ctx,
        {
          kind: 'reminder',
          partyId: customer.partyId,
          date: input.date,
          dueDate: addDays(input.date, settings.reminderDays),
          text: `Purring på faktura ${levels}`,
          lines:
            customer.fee > 0
              ? [
                  {
                    description: 'Purregebyr',
                    quantity: 1,
                    unitPrice: customer.fee,
                    vatCode: null,
                    account: settings.feeAccount,
                  },
                ]
              : [],
        },
        { documentLinks: invoices.map((i) => ({ documentId: i.documentId, amount: i.open })) },
      );
      for (const invoice of invoices) {
        await addEvent(
          trx,
          ctx,
          invoice.documentId,
          'reminded',
          `${invoice.level}. purring sendt (${KIND_NAMES.reminder.toLowerCase()} ${reminder.number}, ${formatAmount(invoice.open)} forfalt)`,
        );
        await refreshStatus(trx, companyId, invoice.documentId);
      }
      items.push({
        documentId: reminder.id,
        kind: 'reminder',
        number: reminder.number,
        partyId: customer.partyId,
        partyName: customer.partyName,
        gross: reminder.gross,
        invoiceNumbers: invoices.map((i) => i.number),
      });

      if (!input.interest) continue;
      // One interest note per currency: the interest is owed in the invoice's currency.
      const byCurrency = new Map<string, Candidate[]>();
      for (const c of candidates) {
        if (c.partyId !== customer.partyId || !invoices.some((i) => i.documentId === c.documentId))
          continue;
        if (!c.interest) continue;
        const key = c.currency ?? '';
        byCurrency.set(key, [...(byCurrency.get(key) ?? []), c]);
      }
      for (const [currency, charged] of byCurrency) {
        const rate = currency
          ? await trx
              .selectFrom('documents')
              .select('rate')
              .where('id', '=', charged[0]!.documentId)
              .executeTakeFirstOrThrow()
          : null;
        const note = await createDocument(
          trx,
          ctx,
          {
            kind: 'interest_note',
            partyId: customer.partyId,
            date: input.date,
            dueDate: addDays(input.date, settings.reminderDays),
            currency: currency || null,
            rate: rate?.rate ?? null,
            text: `Forsinkelsesrente til ${input.date}`,
            lines: charged.map((c) => ({
              description: `Forsinkelsesrente faktura ${c.number}, ${c.interestDays} dager`,
              quantity: 1,
              unitPrice: c.interest!,
              vatCode: null,
              account: settings.interestAccount,
            })),
          },
          { documentLinks: charged.map((c) => ({ documentId: c.documentId, amount: c.open })) },
        );
        for (const c of charged) {
          await addEvent(
            trx,
            ctx,
            c.documentId,
            'interest',
            `Forsinkelsesrente ${formatAmount(c.interest!)} for ${c.interestDays} dager (rentenota ${note.number})`,
          );
        }
        items.push({
          documentId: note.id,
          kind: 'interest_note',
          number: note.number,
          partyId: customer.partyId,
          partyName: customer.partyName,
          gross: note.gross,
          invoiceNumbers: charged.map((c) => c.number),
        });
      }
    }
    return { items };
  });
}
