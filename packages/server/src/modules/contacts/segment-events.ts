/**
 * Contact events and the semi-dynamic segments' rule engine. A semi-dynamic segment has a
 * trigger (an event type, optionally narrowed); when a matching event is raised for a
 * contact, the contact becomes a member of the segment and stays one until removed by hand.
 *
 * Other modules raise events through `raiseContactEvent(db, companyId, partyId, event)`
 * (a stable signature; it runs in the caller's transaction): the CRM raises
 * `{ type: 'lead.status-changed', status }` when a lead moves to a status, and the sales
 * module `{ type: 'sale.item-group', itemGroup }` for every item group on an invoice (the
 * items' own groups and the groups above them). The contact service raises
 * 'contact.created' and 'tag.added'.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { now } from '../../db/database';
import type { Database } from '../../db/schema';

export const contactEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contact.created') }),
  z.strictObject({ type: z.literal('tag.added'), tag: z.string() }),
  z.strictObject({ type: z.literal('lead.status-changed'), status: z.string() }),
  z.strictObject({ type: z.literal('sale.item-group'), itemGroup: z.string() }),
]);
export type ContactEvent = z.infer<typeof contactEventSchema>;

/** What a semi-dynamic segment reacts to; the optional field narrows it. */
export const segmentTriggerSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('contact.created') }),
  z.strictObject({ event: z.literal('tag.added'), tag: z.string().trim().min(1).max(50) }),
  z.strictObject({
    event: z.literal('lead.status-changed'),
    status: z.string().trim().min(1).max(40).optional(),
  }),
  z.strictObject({
    event: z.literal('sale.item-group'),
    itemGroup: z.string().trim().min(1).max(50),
  }),
]);
export type SegmentTrigger = z.infer<typeof segmentTriggerSchema>;

export function triggerMatches(trigger: SegmentTrigger, event: ContactEvent): boolean {
  if (trigger.event !== event.type) return false;
  switch (trigger.event) {
    case 'contact.created':
      return true;
    case 'tag.added':
      return event.type === 'tag.added' && event.tag === trigger.tag;
    case 'lead.status-changed':
      return (
        event.type === 'lead.status-changed' && (!trigger.status || trigger.status === event.status)
      );
    case 'sale.item-group':
      return event.type === 'sale.item-group' && event.itemGroup === trigger.itemGroup;
  }
}

/** Returns the ids of the segments the contact joined. */
export async function raiseContactEvent(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  event: ContactEvent,
): Promise<number[]> {
  const e = contactEventSchema.parse(event);
  const segments = await db
    .selectFrom('segments')
    .select(['id', 'parent_id', 'trigger'])
    .where('company_id', '=', companyId)
    .where('kind', '=', 'semi')
    .execute();
  const joined: number[] = [];
  for (const s of segments) {
    if (!s.trigger) continue;
    const trigger = segmentTriggerSchema.safeParse(JSON.parse(s.trigger));
    if (!trigger.success || !triggerMatches(trigger.data, e)) continue;
    const already = await db
      .selectFrom('segment_members')
      .select('party_id')
      .where('segment_id', '=', s.id)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
    if (already) continue;
    await db
      .insertInto('segment_members')
      .values({ company_id: companyId, segment_id: s.id, party_id: partyId, added_at: now() })
      .execute();
    joined.push(s.id);
  }
  return joined;
}
