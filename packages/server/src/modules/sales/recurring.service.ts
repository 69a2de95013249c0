import {
  addDays,
  addInterval,
  documentTotals,
  dueOccurrences,
  isRecurrenceInterval,
  lineNet,
  RECURRENCE_INTERVALS,
  type RecurrenceInterval,
  type SubscriptionPeriod,
  subscriptionPeriodEnd,
  vatCode,
} from '@nordbok/core';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { isoDateSchema } from '../accounting/voucher.schemas';
import type { PostingContext } from '../accounting/voucher.service';
import { findItemRow } from '../inventory/catalog.service';
import { lookupPrice } from '../inventory/prices.service';
import { fromMilli, toMilli } from '../inventory/quantity';
import { type NewLine, newLineSchema } from './document.schemas';
import { createDocument } from './document.service';
import type { RecurringDocumentsTable, SubscriptionsTable } from './sales.tables';

/**
 * Recurring documents (faste oppdrag): an invoice or order made again every interval from
 * a stored set of lines, and subscriptions (abonnementer): a customer's subscription item
 * running from one period to the next, renewed by a new invoice for each period.
 *
 * A series keeps the day of the month it started on: a monthly invoice from 31 January
 * falls on 28 February and then on 31 March again. The start day is the first document's
 * day, or the next date's own day while nothing has been made yet.
 */

const id = z.number().int().positive();

export const RECURRING_KINDS = ['invoice', 'order'] as const;

export const recurringInputSchema = z.strictObject({
  partyId: id,
  kind: z.enum(RECURRING_KINDS),
  description: z.string().trim().min(1, 'Describe what is invoiced.').max(200),
  interval: z.enum(RECURRENCE_INTERVALS),
  nextDate: isoDateSchema,
  endDate: isoDateSchema.nullable().optional(),
  active: z.boolean().optional(),
  lines: z.array(newLineSchema).min(1, 'A recurring document needs at least one line.').max(200),
});
export type RecurringInput = z.infer<typeof recurringInputSchema>;

export const recurringSchema = z.object({
  id: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  kind: z.enum(RECURRING_KINDS),
  description: z.string(),
  interval: z.enum(RECURRENCE_INTERVALS),
  nextDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  /** Every date up to the end date has had its document. */
  finished: z.boolean(),
  lines: z.array(newLineSchema),
  /** What one document comes to with today's prices (øre). */
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
  documentCount: z.number(),
  lastDocumentDate: z.string().nullable(),
  createdAt: z.string(),
});
export type Recurring = z.infer<typeof recurringSchema>;

export const recurringQuerySchema = z.strictObject({
  partyId: z.coerce.number().int().positive().optional(),
});

export const proposalQuerySchema = z.strictObject({ date: isoDateSchema });

export const proposalItemSchema = z.object({
  recurringId: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  kind: z.enum(RECURRING_KINDS),
  description: z.string(),
  interval: z.enum(RECURRENCE_INTERVALS),
  /** The date the document gets. */
  date: z.string(),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
});
export type ProposalItem = z.infer<typeof proposalItemSchema>;

export const proposalSchema = z.object({
  date: z.string(),
  items: z.array(proposalItemSchema),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
});

export const runInputSchema = z.strictObject({
  date: isoDateSchema,
  /** Only these recurring documents; left out: every one that is due. */
  ids: z.array(id).max(1000).optional(),
});

export const createdDocumentSchema = z.object({
  id: z.number(),
  kind: z.string(),
  number: z.number(),
  date: z.string(),
  partyId: z.number(),
  gross: z.number(),
});
export const runResultSchema = z.object({ created: z.array(createdDocumentSchema) });

type RecurringRow = Selectable<RecurringDocumentsTable>;

function daysInMonth(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
}

/** 2026-03-01 → 01.03.2026, as a period is written on a Norwegian invoice. */
const norwegianDate = (date: string) =>
  `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** The later of two dates written YYYY-MM-DD. */
const laterDate = (a: string, b: string) => (a.localeCompare(b) >= 0 ? a : b);

const dayOf = (date: string) => Number(date.slice(8, 10));

/**
 * The day of the month a series keeps: the first document's day when the next date is
 * that day (or the month's last day because the month is shorter), else the next date's.
 */
export function anchorDayOf(nextDate: string, firstDate: string | null): number {
  const nextDay = dayOf(nextDate);
  if (!firstDate) return nextDay;
  const first = dayOf(firstDate);
  return Math.min(first, daysInMonth(nextDate)) === nextDay ? first : nextDay;
}

/**
 * What a document with these lines comes to, the way the document itself will price it:
 * an item line without a price takes the customer's price on the date, the VAT code comes
 * from the line, the item or its group, else the standard rate. Also checks the lines,
 * with errors on `lines.<n>.<field>`.
 */
export async function priceLines(
  db: Kysely<Database>,
  companyId: number,
  doc: { partyId: number; date: string },
  lines: readonly NewLine[],
) {
  const priced: { net: number; vatCode: string | null }[] = [];
  for (const [i, l] of lines.entries()) {
    const at = `lines.${i}`;
    const quantity = toMilli(l.quantity);
    if (quantity === 0) throw AppError.field(`${at}.quantity`, 'The quantity cannot be zero.');
    const item = l.itemId
      ? await findItemRow(db, companyId, l.itemId).catch(() => {
          throw AppError.field(`${at}.itemId`, 'No such item.', 'unknown');
        })
      : null;
    if (!item && !l.description) {
      throw AppError.field(`${at}.description`, 'Describe the line.', 'required');
    }
    let unitPrice = l.unitPrice;
    let discount = l.discount ?? 0;
    if (unitPrice === undefined) {
      if (!item) throw AppError.field(`${at}.unitPrice`, 'Enter a price.', 'required');
      const price = await lookupPrice(db, companyId, {
        itemId: item.id,
        customerId: doc.partyId,
        quantity: Math.abs(l.quantity),
        date: doc.date,
      });
      unitPrice = price.unitPrice;
      if (l.discount === undefined) discount = Math.round(price.discountPercent * 100);
    }
    let code = l.vatCode;
    if (code === undefined) {
      const group = item?.group_id
        ? await db
            .selectFrom('item_groups')
            .select('sales_vat_code')
            .where('id', '=', item.group_id)
            .executeTakeFirst()
        : undefined;
      code = item?.sales_vat_code ?? group?.sales_vat_code ?? '3';
    }
    if (code) {
      const known = vatCode(code);
      if (!known) throw AppError.field(`${at}.vatCode`, `Unknown VAT code ${code}.`, 'unknown');
      if (known.direction === 'input' || known.direction === 'reverse') {
        throw AppError.field(`${at}.vatCode`, `VAT code ${code} is a purchase code.`);
      }
    }
    priced.push({ net: lineNet(quantity, unitPrice, discount), vatCode: code ?? null });
  }
  return documentTotals(doc.date, priced);
}

async function seriesDates(db: Kysely<Database>, companyId: number, recurringIds: number[]) {
  const map = new Map<number, { first: string; last: string; count: number }>();
  if (recurringIds.length === 0) return map;
  const rows = await db
    .selectFrom('documents')
    .select((eb) => [
      'recurring_id',
      eb.fn.min('date').as('first'),
      eb.fn.max('date').as('last'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('company_id', '=', companyId)
    .where('recurring_id', 'in', recurringIds)
    .groupBy('recurring_id')
    .execute();
  for (const r of rows) {
    map.set(Number(r.recurring_id), {
      first: String(r.first),
      last: String(r.last),
      count: Number(r.count),
    });
  }
  return map;
}

const isFinished = (r: Pick<RecurringRow, 'next_date' | 'end_date'>) =>
  r.end_date !== null && r.next_date > r.end_date;

function intervalOf(r: RecurringRow): RecurrenceInterval {
  if (!isRecurrenceInterval(r.interval)) {
    throw new AppError('conflict', `Recurring document ${r.id} has an unknown interval.`);
  }
  return r.interval;
}

async function loadRecurring(
  db: Kysely<Database>,
  companyId: number,
  filter: { id?: number; ids?: number[]; partyId?: number } = {},
) {
  let query = db
    .selectFrom('recurring_documents as r')
    .innerJoin('parties as p', 'p.id', 'r.party_id')
    .selectAll('r')
    .select('p.name as party_name')
    .where('r.company_id', '=', companyId)
    // A subscription's renewals are kept as a series of their own, shown with the subscription.
    .where('r.subscription_id', 'is', null);
  if (filter.id !== undefined) query = query.where('r.id', '=', filter.id);
  if (filter.ids) query = query.where('r.id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.partyId !== undefined) query = query.where('r.party_id', '=', filter.partyId);
  return query.orderBy('r.next_date').orderBy('r.id').execute();
}

export async function listRecurring(
  db: Kysely<Database>,
  companyId: number,
  query: { partyId?: number | undefined } = {},
): Promise<Recurring[]> {
  const rows = await loadRecurring(db, companyId, query.partyId ? { partyId: query.partyId } : {});
  return toRecurringList(db, companyId, rows);
}

async function toRecurringList(
  db: Kysely<Database>,
  companyId: number,
  rows: (RecurringRow & { party_name: string })[],
): Promise<Recurring[]> {
  const series = await seriesDates(
    db,
    companyId,
    rows.map((r) => r.id),
  );
  const today = new Date().toISOString().slice(0, 10);
  const result: Recurring[] = [];
  for (const r of rows) {
    const lines = JSON.parse(r.lines) as NewLine[];
    // An item whose price can no longer be found (deleted since) shows as zero here; the
    // run itself reports it.
    const totals = await priceLines(
      db,
      companyId,
      { partyId: r.party_id, date: laterDate(r.next_date, today) },
      lines,
    ).catch(() => ({ net: 0, vat: 0, gross: 0 }));
    const s = series.get(r.id);
    result.push({
      id: r.id,
      partyId: r.party_id,
      partyName: r.party_name,
      kind: r.kind as Recurring['kind'],
      description: r.description,
      interval: intervalOf(r),
      nextDate: r.next_date,
      endDate: r.end_date,
      active: r.active === 1,
      finished: isFinished(r),
      lines,
      net: totals.net,
      vat: totals.vat,
      gross: totals.gross,
      documentCount: s?.count ?? 0,
      lastDocumentDate: s?.last ?? null,
      createdAt: r.created_at,
    });
  }
  return result;
}

export async function getRecurring(
  db: Kysely<Database>,
  companyId: number,
  recurringId: number,
): Promise<Recurring> {
  const rows = await loadRecurring(db, companyId, { id: recurringId });
  if (rows.length === 0) throw new AppError('not-found', 'No such recurring document.');
  return (await toRecurringList(db, companyId, rows))[0]!;
}

async function checkInput(db: Kysely<Database>, companyId: number, input: RecurringInput) {
  const party = await db
    .selectFrom('parties')
    .select(['id', 'name', 'blocked'])
    .where('company_id', '=', companyId)
    .where('id', '=', input.partyId)
    .executeTakeFirst();
  if (!party) throw AppError.field('partyId', 'No such customer.', 'unknown');
  if (party.blocked === 1) {
    throw AppError.field(
      'partyId',
      `${party.name} is blocked: no new documents can be made for them.`,
      'blocked',
    );
  }
  if (input.endDate && input.endDate < input.nextDate) {
    throw AppError.field('endDate', 'The end date cannot be before the next date.');
  }
  await priceLines(db, companyId, { partyId: input.partyId, date: input.nextDate }, input.lines);
}

export async function createRecurring(
  db: Kysely<Database>,
  companyId: number,
  input: RecurringInput,
): Promise<Recurring> {
  await checkInput(db, companyId, input);
  const row = await db
    .insertInto('recurring_documents')
    .values({
      company_id: companyId,
      party_id: input.partyId,
      kind: input.kind,
      description: input.description,
      interval: input.interval,
      next_date: input.nextDate,
      end_date: input.endDate ?? null,
      lines: JSON.stringify(input.lines),
      active: input.active === false ? 0 : 1,
      subscription_id: null,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getRecurring(db, companyId, row.id);
}

export async function changeRecurring(
  db: Kysely<Database>,
  companyId: number,
  recurringId: number,
  input: RecurringInput,
): Promise<Recurring> {
  await getRecurring(db, companyId, recurringId);
  await checkInput(db, companyId, input);
  await db
    .updateTable('recurring_documents')
    .set({
      party_id: input.partyId,
      kind: input.kind,
      description: input.description,
      interval: input.interval,
      next_date: input.nextDate,
      end_date: input.endDate ?? null,
      lines: JSON.stringify(input.lines),
      active: input.active === false ? 0 : 1,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', recurringId)
    .execute();
  return getRecurring(db, companyId, recurringId);
}

/** Deletes a recurring document; the documents it made stay, no longer tied to it. */
export async function deleteRecurring(
  db: Kysely<Database>,
  companyId: number,
  recurringId: number,
) {
  await getRecurring(db, companyId, recurringId);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('documents')
      .set({ recurring_id: null })
      .where('company_id', '=', companyId)
      .where('recurring_id', '=', recurringId)
      .execute();
    await trx
      .deleteFrom('recurring_documents')
      .where('company_id', '=', companyId)
      .where('id', '=', recurringId)
      .execute();
  });
}

interface Due {
  row: RecurringRow & { party_name: string };
  interval: RecurrenceInterval;
  anchorDay: number;
  dates: string[];
}

/** The active recurring documents with dates due on or before `date`. */
async function dueSeries(
  db: Kysely<Database>,
  companyId: number,
  date: string,
  ids?: number[],
): Promise<Due[]> {
  const rows = (await loadRecurring(db, companyId, ids ? { ids } : {})).filter(
    (r) => r.active === 1 && r.next_date <= date && !isFinished(r),
  );
  const series = await seriesDates(
    db,
    companyId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const interval = intervalOf(row);
    const anchorDay = anchorDayOf(row.next_date, series.get(row.id)?.first ?? null);
    return {
      row,
      interval,
      anchorDay,
      dates: dueOccurrences(row.next_date, interval, date, row.end_date, anchorDay),
    };
  });
}

/** What a run on `date` would make: one document per recurring document and due date. */
export async function recurringProposal(db: Kysely<Database>, companyId: number, date: string) {
  const items: ProposalItem[] = [];
  for (const due of await dueSeries(db, companyId, date)) {
    const lines = JSON.parse(due.row.lines) as NewLine[];
    for (const at of due.dates) {
      const totals = await priceLines(
        db,
        companyId,
        { partyId: due.row.party_id, date: at },
        lines,
      );
      items.push({
        recurringId: due.row.id,
        partyId: due.row.party_id,
        partyName: due.row.party_name,
        kind: due.row.kind as ProposalItem['kind'],
        description: due.row.description,
        interval: due.interval,
        date: at,
        net: totals.net,
        vat: totals.vat,
        gross: totals.gross,
      });
    }
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || a.recurringId - b.recurringId);
  const sum = (k: 'net' | 'vat' | 'gross') => items.reduce((s, i) => s + i[k], 0);
  return { date, items, net: sum('net'), vat: sum('vat'), gross: sum('gross') };
}

/**
 * Makes every due document (or those of `ids`) in one transaction and moves each next date
 * past `date`. A series another run has just moved is left alone, so running twice, or two
 * people at once, makes each document once.
 */
export async function runRecurring(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: { date: string; ids?: number[] | undefined },
) {
  return inTransaction(db, async (trx) => {
    const created: z.infer<typeof createdDocumentSchema>[] = [];
    for (const due of await dueSeries(trx, ctx.companyId, input.date, input.ids)) {
      const last = due.dates.at(-1);
      if (!last) continue;
      const next = addInterval(last, due.interval, due.anchorDay);
      const moved = await trx
        .updateTable('recurring_documents')
        .set({
          next_date: next,
          ...(due.row.end_date !== null && next > due.row.end_date ? { active: 0 as const } : {}),
        })
        .where('id', '=', due.row.id)
        .where('next_date', '=', due.row.next_date)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) continue;
      const lines = JSON.parse(due.row.lines) as NewLine[];
      for (const date of due.dates) {
        const doc = await createDocument(
          trx,
          ctx,
          {
            kind: due.row.kind as (typeof RECURRING_KINDS)[number],
            partyId: due.row.party_id,
            date,
            text: due.row.description,
            lines,
          },
          { recurringId: due.row.id },
        );
        created.push({
          id: doc.id,
          kind: doc.kind,
          number: doc.number,
          date: doc.date,
          partyId: doc.partyId,
          gross: doc.gross,
        });
      }
    }
    return { created };
  });
}

/* ---------------------------------------------------------------------------------------
 * Subscriptions
 * ------------------------------------------------------------------------------------- */

export const SUBSCRIPTION_STATUSES = ['active', 'cancelled'] as const;

export const subscriptionSchema = z.object({
  id: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  period: z.string().nullable(),
  quantity: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  /** 'automatic': a renewal run invoices the next period; 'manual': listed for review. */
  renewal: z.string(),
  /** 'active', or 'cancelled': runs to its end date and is not renewed. */
  status: z.string(),
  sourceDocumentId: z.number().nullable(),
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionQuerySchema = z.strictObject({
  partyId: z.coerce.number().int().positive().optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
});

export const renewalItemSchema = subscriptionSchema.extend({
  /** The next period, and what its invoice comes to. */
  nextStart: z.string(),
  nextEnd: z.string(),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
});

export const renewalRunSchema = z.strictObject({
  date: isoDateSchema,
  /** Renew exactly these (manual ones too); left out: every automatic one that is due. */
  ids: z.array(id).max(1000).optional(),
});

/** A subscription is renewed when it ends within this many days of the run. */
export const RENEWAL_WINDOW_DAYS = 30;

function subscriptionQuery(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('parties as p', 'p.id', 's.party_id')
    .innerJoin('items as i', 'i.id', 's.item_id')
    .selectAll('s')
    .select([
      'p.name as party_name',
      'i.number as item_number',
      'i.name as item_name',
      'i.subscription_period',
    ])
    .where('s.company_id', '=', companyId);
}
type SubscriptionRow = Selectable<SubscriptionsTable> & {
  party_name: string;
  item_number: string;
  item_name: string;
  subscription_period: string | null;
};

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  partyId: r.party_id,
  partyName: r.party_name,
  itemId: r.item_id,
  itemNumber: r.item_number,
  itemName: r.item_name,
  period: r.subscription_period,
  quantity: fromMilli(Number(r.quantity)),
  startDate: r.start_date,
  endDate: r.end_date,
  renewal: r.renewal,
  status: r.status,
  sourceDocumentId: r.source_document_id,
  createdAt: r.created_at,
});

export async function listSubscriptions(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof subscriptionQuerySchema> = {},
): Promise<Subscription[]> {
  let q = subscriptionQuery(db, companyId);
  if (query.partyId) q = q.where('s.party_id', '=', query.partyId);
  if (query.status) q = q.where('s.status', '=', query.status);
  const rows = await q.orderBy('s.end_date').orderBy('s.id').execute();
  return rows.map(toSubscription);
}

export async function getSubscription(db: Kysely<Database>, companyId: number, subId: number) {
  const row = await subscriptionQuery(db, companyId).where('s.id', '=', subId).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such subscription.');
  return toSubscription(row);
}

/** The documents a document was carried forward from, and theirs, and so on. */
async function ancestorsOf(db: Kysely<Database>, companyId: number, documentId: number) {
  const seen = new Set<number>([documentId]);
  let frontier = [documentId];
  while (frontier.length > 0 && seen.size < 200) {
    const rows = await db
      .selectFrom('document_links')
      .select('source_document_id')
      .where('company_id', '=', companyId)
      .where('target_document_id', 'in', frontier)
      .where('source_line_id', 'is not', null)
      .execute();
    frontier = [...new Set(rows.map((r) => r.source_document_id))].filter((d) => !seen.has(d));
    for (const d of frontier) seen.add(d);
  }
  return [...seen];
}

/**
 * Starts a subscription for each subscription item on an invoice or order: from the
 * document's date to the end of the item's period, renewed as the item says. A document
 * carried forward from one that already started it (an order's invoice) starts nothing
 * again, nor does an invoice a recurring document or a renewal made. Returns the
 * subscriptions the document has, new or not.
 */
export async function subscribeFromDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
): Promise<Subscription[]> {
  const { companyId } = ctx;
  const ids = await inTransaction(db, async (trx) => {
    const doc = await trx
      .selectFrom('documents')
      .select(['id', 'kind', 'party_id', 'date', 'recurring_id', 'status'])
      .where('company_id', '=', companyId)
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!doc) throw new AppError('not-found', 'No such document.');
    if (doc.kind !== 'invoice' && doc.kind !== 'order') {
      throw new AppError('validation', 'Only an invoice or an order starts subscriptions.');
    }
    const lines = await trx
      .selectFrom('document_lines as l')
      .innerJoin('items as i', 'i.id', 'l.item_id')
      .select(['l.item_id', 'l.quantity', 'i.subscription_period', 'i.subscription_renewal'])
      .where('l.document_id', '=', doc.id)
      .where('i.kind', '=', 'subscription')
      .orderBy('l.line_no')
      .execute();
    const family = await ancestorsOf(trx, companyId, doc.id);
    const existing = await trx
      .selectFrom('subscriptions')
      .select(['id', 'item_id'])
      .where('company_id', '=', companyId)
      .where('source_document_id', 'in', family)
      .execute();
    const result = existing.map((e) => e.id);
    if (doc.recurring_id !== null) return result;
    const have = new Set(existing.map((e) => e.item_id));
    for (const line of lines) {
      const itemId = line.item_id!;
      if (have.has(itemId) || Number(line.quantity) <= 0) continue;
      have.add(itemId);
      const period = (line.subscription_period ?? 'month') as SubscriptionPeriod;
      const row = await trx
        .insertInto('subscriptions')
        .values({
          company_id: companyId,
          party_id: doc.party_id,
          item_id: itemId,
          quantity: Number(line.quantity),
          start_date: doc.date,
          end_date: subscriptionPeriodEnd(doc.date, period),
          renewal: line.subscription_renewal === 'manual' ? 'manual' : 'automatic',
          status: 'active',
          source_document_id: doc.id,
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      result.push(row.id);
    }
    return result;
  });
  if (ids.length === 0) return [];
  const rows = await subscriptionQuery(db, companyId)
    .where('s.id', 'in', ids)
    .orderBy('s.id')
    .execute();
  return rows.map(toSubscription);
}

export async function cancelSubscription(db: Kysely<Database>, companyId: number, subId: number) {
  await getSubscription(db, companyId, subId);
  await db
    .updateTable('subscriptions')
    .set({ status: 'cancelled' })
    .where('company_id', '=', companyId)
    .where('id', '=', subId)
    .execute();
  return getSubscription(db, companyId, subId);
}

/** The period after one ending on `end`, keeping the day of the month the first began on. */
function nextPeriod(sub: { start_date: string; end_date: string }, period: SubscriptionPeriod) {
  const start = addDays(sub.end_date, 1);
  return { start, end: subscriptionPeriodEnd(start, period, dayOf(sub.start_date)) };
}

function periodOf(r: SubscriptionRow): SubscriptionPeriod {
  return (r.subscription_period ?? 'month') as SubscriptionPeriod;
}

/**
 * Active subscriptions ending within 30 days of `date` (or already ended without being
 * renewed), each with its next period and what that period's invoice comes to.
 */
export async function renewalProposal(db: Kysely<Database>, companyId: number, date: string) {
  const rows = await subscriptionQuery(db, companyId)
    .where('s.status', '=', 'active')
    .where('s.end_date', '<=', addDays(date, RENEWAL_WINDOW_DAYS))
    .orderBy('s.end_date')
    .orderBy('s.id')
    .execute();
  const items: z.infer<typeof renewalItemSchema>[] = [];
  for (const r of rows) {
    const next = nextPeriod(r, periodOf(r));
    const totals = await priceLines(db, companyId, { partyId: r.party_id, date }, [
      { itemId: r.item_id, quantity: fromMilli(Number(r.quantity)) },
    ]);
    items.push({
      ...toSubscription(r),
      nextStart: next.start,
      nextEnd: next.end,
      net: totals.net,
      vat: totals.vat,
      gross: totals.gross,
    });
  }
  return { date, items };
}

/** The series a subscription's renewal invoices belong to (made the first time it renews). */
async function renewalSeries(trx: Kysely<Database>, r: SubscriptionRow): Promise<number> {
  const found = await trx
    .selectFrom('recurring_documents')
    .select('id')
    .where('company_id', '=', r.company_id)
    .where('subscription_id', '=', r.id)
    .executeTakeFirst();
  if (found) return found.id;
  const period = periodOf(r);
  const row = await trx
    .insertInto('recurring_documents')
    .values({
      company_id: r.company_id,
      party_id: r.party_id,
      kind: 'invoice',
      description: r.item_name,
      interval: period === 'month' ? 'monthly' : period === 'quarter' ? 'quarterly' : 'yearly',
      next_date: addDays(r.end_date, 1),
      end_date: null,
      lines: JSON.stringify([{ itemId: r.item_id, quantity: fromMilli(Number(r.quantity)) }]),
      // Renewal runs make these invoices, never the recurring run.
      active: 0,
      subscription_id: r.id,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Renews the automatic subscriptions due on `date` (or exactly those of `ids`): an invoice
 * dated `date` for the next period, at the customer's price that day, and the end date moved
 * to the period's end, until the subscription runs past the renewal window. All in one
 * transaction; a subscription another run has just renewed is left alone.
 */
export async function renewSubscriptions(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: { date: string; ids?: number[] | undefined },
) {
  const { companyId } = ctx;
  return inTransaction(db, async (trx) => {
    let query = subscriptionQuery(trx, companyId)
      .where('s.status', '=', 'active')
      .where('s.end_date', '<=', addDays(input.date, RENEWAL_WINDOW_DAYS));
    query = input.ids
      ? query.where('s.id', 'in', input.ids.length ? input.ids : [0])
      : query.where('s.renewal', '=', 'automatic');
    const rows = await query.orderBy('s.end_date').orderBy('s.id').execute();
    const created: z.infer<typeof createdDocumentSchema>[] = [];
    const limit = addDays(input.date, RENEWAL_WINDOW_DAYS);
    for (const r of rows) {
      const seriesId = await renewalSeries(trx, r);
      let current = r;
      // A subscription left to lapse gets each period it missed, up to a year's months.
      for (let n = 0; n < 12 && current.end_date <= limit; n++) {
        const next = nextPeriod(current, periodOf(r));
        const moved = await trx
          .updateTable('subscriptions')
          .set({ end_date: next.end })
          .where('id', '=', r.id)
          .where('end_date', '=', current.end_date)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) break;
        const doc = await createDocument(
          trx,
          ctx,
          {
            kind: 'invoice',
            partyId: r.party_id,
            date: input.date,
            lines: [
              {
                itemId: r.item_id,
                quantity: fromMilli(Number(r.quantity)),
                description: `${r.item_name} ${norwegianDate(next.start)}–${norwegianDate(next.end)}`,
              },
            ],
          },
          { recurringId: seriesId },
        );
        await trx
          .updateTable('recurring_documents')
          .set({ next_date: addDays(next.end, 1) })
          .where('id', '=', seriesId)
          .execute();
        created.push({
          id: doc.id,
          kind: doc.kind,
          number: doc.number,
          date: doc.date,
          partyId: doc.partyId,
          gross: doc.gross,
        });
        current = { ...current, end_date: next.end };
      }
    }
    return { created };
  });
}
