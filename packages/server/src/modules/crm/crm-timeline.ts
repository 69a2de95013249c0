import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addTimelineEntry, type TimelineEntryInput } from '../contacts/timeline.service';

/** Everything the CRM does to a contact shows on the contact card's timeline. */
export function logOnTimeline(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  entry: TimelineEntryInput,
) {
  return addTimelineEntry(db, companyId, partyId, { source: 'crm', ...entry });
}
