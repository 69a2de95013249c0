/**
 * A contact's timeline: notes, events with points, mailings, appointments — anything a
 * module wants shown on the contact card. Other modules (the CRM's leads, opportunities,
 * events and mass mailing) append through `addTimelineEntry`; its signature is stable:
 *
 *   addTimelineEntry(db, companyId, partyId, entry) → Promise<{ id: number }>
 *
 * It takes part in the caller's transaction when `db` is one. The ledger's postings are not
 * copied here; `readTimeline` joins them in when the card is shown.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { subledger } from '../accounting/open-item.service';

export const timelineEntrySchema = z.strictObject({
  /** note | event | mailing | appointment | lead | opportunity | … (free, short). */
  kind: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1, 'Write something.').max(300),
  body: z.string().max(10_000).nullable().optional(),
  /** ISO 8601 UTC; now when left out. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** Lead points this entry gave (events); 0 otherwise. */
  points: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  /** Module that wrote it ('crm', 'mailing' …) and its own id, to link back. */
  source: z.string().max(40).nullable().optional(),
  sourceId: z.number().int().nullable().optional(),
  userId: z.number().int().nullable().optional(),
});
export type TimelineEntryInput = z.input<typeof timelineEntrySchema>;

export async function addTimelineEntry(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  entry: TimelineEntryInput,
): Promise<{ id: number }> {
  const e = timelineEntrySchema.parse(entry);
  const party = await db
    .selectFrom('parties')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw new AppError('not-found', 'No such contact.');
  const row = await db
    .insertInto('contact_timeline')
    .values({
      company_id: companyId,
      party_id: partyId,
      occurred_at: e.occurredAt ? new Date(e.occurredAt).toISOString() : now(),
      kind: e.kind,
      title: e.title,
      body: e.body ?? null,
      points: e.points ?? 0,
      source: e.source ?? null,
      source_id: e.sourceId ?? null,
      created_by: e.userId ?? null,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

export const timelineItemSchema = z.object({
  /** 'entry-12', 'posting-40', 'appointment-3': unique within the timeline. */
  key: z.string(),
  kind: z.string(),
  at: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  points: z.number(),
  /** Ledger postings: the voucher, the amount in øre and what is still open. */
  voucher: z
    .object({
      id: z.number(),
      series: z.string(),
      number: z.number(),
      account: z.string(),
      ledger: z.enum(['customer', 'supplier']),
      invoiceNumber: z.string().nullable(),
      dueDate: z.string().nullable(),
      amount: z.number(),
      open: z.number(),
    })
    .nullable(),
  /** An entry a sales or purchase document made: the document it links to. */
  document: z.object({ id: z.number(), kind: z.string() }).nullable().optional(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/**
 * Everything that happened with a contact, newest first: its timeline entries, its
 * appointments and its postings in the customer and supplier ledgers (read through the
 * accounting module's sub-ledger service, with what is still open on each).
 */
export async function readTimeline(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  limit = 200,
): Promise<TimelineItem[]> {
  const [entries, appointments, customer, supplier] = await Promise.all([
    db
      .selectFrom('contact_timeline as t')
      .leftJoin('documents as d', (join) =>
        join.onRef('d.id', '=', 't.source_id').on('t.source', '=', 'document'),
      )
      .selectAll('t')
      .select('d.kind as document_kind')
      .where('t.company_id', '=', companyId)
      .where('t.party_id', '=', partyId)
      .orderBy('t.occurred_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('appointments')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('party_id', '=', partyId)
      .orderBy('starts_at', 'desc')
      .limit(limit)
      .execute(),
    subledger(db, companyId, { kind: 'customer', partyId }),
    subledger(db, companyId, { kind: 'supplier', partyId }),
  ]);
  const items: TimelineItem[] = [
    ...entries.map((e) => ({
      key: `entry-${e.id}`,
      kind: e.kind,
      at: e.occurred_at,
      title: e.title,
      body: e.body,
      points: Number(e.points),
      voucher: null,
      document:
        e.document_kind && e.source_id !== null ? { id: e.source_id, kind: e.document_kind } : null,
    })),
    ...appointments.map((a) => ({
      key: `appointment-${a.id}`,
      kind: 'appointment',
      at: a.starts_at,
      title: a.title,
      body: a.notes,
      points: 0,
      voucher: null,
    })),
    ...(
      [
        ['customer', customer],
        ['supplier', supplier],
      ] as const
    ).flatMap(([ledger, postings]) =>
      postings.map((p) => ({
        key: `posting-${p.postingId}`,
        kind: 'voucher',
        // A posting has a date only; it sorts as the end of that day's entries.
        at: `${p.date}T23:59:59.999Z`,
        title: p.description,
        body: null,
        points: 0,
        voucher: {
          id: p.voucherId,
          series: p.series,
          number: p.number,
          account: p.account,
          ledger,
          invoiceNumber: p.invoiceNumber,
          dueDate: p.dueDate,
          amount: p.amount,
          open: p.open,
        },
      })),
    ),
  ];
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key < b.key ? 1 : -1));
  return items.slice(0, limit);
}
