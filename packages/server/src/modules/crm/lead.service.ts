import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { raiseContactEvent } from '../contacts/segment-events';
import type { LeadStatusRow } from './crm.tables';
import { ensureCrmDefaults } from './crm-setup';
import { logOnTimeline } from './crm-timeline';
import type {
  EventType,
  eventTypeChangesSchema,
  Lead,
  LeadDetail,
  LeadStatus,
  leadChangesSchema,
  leadStatusesInputSchema,
  logEventSchema,
  newEventTypeSchema,
  newLeadSchema,
} from './lead.schemas';

type Db = Kysely<Database>;

/**
 * The lead funnel. A lead is a contact (a party) with points from 0 to 100 and a status.
 * Logging an event adds its type's points (kept within 0–100); when the points reach the
 * threshold of a warmer status the lead moves there on its own, and every status it passes
 * is recorded with the time, which is what the funnel report measures. A lead never moves
 * back on its own: cooling down is a person's decision, made by moving it by hand.
 */

export async function listStatuses(db: Db, companyId: number): Promise<LeadStatus[]> {
  await ensureCrmDefaults(db, companyId);
  const rows = await db
    .selectFrom('crm_lead_statuses as s')
    .leftJoin('crm_leads as l', (j) =>
      j.onRef('l.status_id', '=', 's.id').onRef('l.company_id', '=', 's.company_id'),
    )
    .select(['s.id', 's.name', 's.threshold', 's.position'])
    .select((eb) => eb.fn.count<number>('l.party_id').as('leads'))
    .where('s.company_id', '=', companyId)
    .groupBy(['s.id', 's.name', 's.threshold', 's.position'])
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({ ...r, leads: Number(r.leads) }));
}

async function statusRows(db: Db, companyId: number): Promise<LeadStatusRow[]> {
  await ensureCrmDefaults(db, companyId);
  return db
    .selectFrom('crm_lead_statuses')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('position')
    .execute();
}

/**
 * Replaces the list of statuses: renames and new thresholds keep a status's leads and
 * history; a status left out is removed, which is refused while leads are in it.
 */
export async function saveStatuses(
  db: Db,
  companyId: number,
  input: z.output<typeof leadStatusesInputSchema>,
): Promise<LeadStatus[]> {
  const { statuses } = input;
  statuses.forEach((s, i) => {
    const before = statuses[i - 1];
    if (before && s.threshold <= before.threshold)
      throw AppError.field(
        `statuses.${i}.threshold`,
        `Each status needs more points than the one before it (${before.name}: ${before.threshold}).`,
      );
    const twin = statuses.findIndex((o) => o.name.toLowerCase() === s.name.toLowerCase());
    if (twin !== i) throw AppError.field(`statuses.${i}.name`, `"${s.name}" is in the list twice.`);
  });
  return inTransaction(db, async (trx) => {
    const existing = await statusRows(trx, companyId);
    const known = new Map(existing.map((s) => [s.id, s]));
    statuses.forEach((s, i) => {
      if (s.id !== undefined && !known.has(s.id))
        throw AppError.field(`statuses.${i}.id`, `Status ${s.id} does not exist.`);
    });
    const kept = new Set(statuses.map((s) => s.id).filter((id) => id !== undefined));
    for (const old of existing) {
      if (kept.has(old.id)) continue;
      const used = await trx
        .selectFrom('crm_leads')
        .select('party_id')
        .where('company_id', '=', companyId)
        .where('status_id', '=', old.id)
        .limit(1)
        .executeTakeFirst();
      if (used)
        throw new AppError(
          'conflict',
          `"${old.name}" still has leads; move them before removing it.`,
        );
      await trx.deleteFrom('crm_lead_statuses').where('id', '=', old.id).execute();
    }
    // Names are unique, so every kept status first gets a temporary name and position.
    for (const s of statuses) {
      if (s.id === undefined) continue;
      await trx
        .updateTable('crm_lead_statuses')
        .set({ name: `\u{2063}tmp-${s.id}`, position: -s.id })
        .where('id', '=', s.id)
        .execute();
    }
    for (const [position, s] of statuses.entries()) {
      const values = { name: s.name, threshold: s.threshold, position };
      if (s.id === undefined)
        await trx
          .insertInto('crm_lead_statuses')
          .values({ ...values, company_id: companyId })
          .execute();
      else await trx.updateTable('crm_lead_statuses').set(values).where('id', '=', s.id).execute();
    }
    return listStatuses(trx, companyId);
  });
}

function toEventType(r: { id: number; name: string; points: number; active: number }): EventType {
  return { id: r.id, name: r.name, points: r.points, active: r.active === 1 };
}

export async function listEventTypes(db: Db, companyId: number): Promise<EventType[]> {
  await ensureCrmDefaults(db, companyId);
  const rows = await db
    .selectFrom('crm_event_types')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute();
  return rows.map(toEventType);
}

async function refuseDuplicateEventType(db: Db, companyId: number, name: string, id = 0) {
  const twin = await db
    .selectFrom('crm_event_types')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (twin) throw AppError.field('name', `There is already an event type "${name}".`, 'duplicate');
}

export async function createEventType(
  db: Db,
  companyId: number,
  input: z.output<typeof newEventTypeSchema>,
): Promise<EventType> {
  return inTransaction(db, async (trx) => {
    await ensureCrmDefaults(trx, companyId);
    await refuseDuplicateEventType(trx, companyId, input.name);
    const row = await trx
      .insertInto('crm_event_types')
      .values({ company_id: companyId, name: input.name, points: input.points })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEventType(row);
  });
}

export async function changeEventType(
  db: Db,
  companyId: number,
  id: number,
  changes: z.output<typeof eventTypeChangesSchema>,
): Promise<EventType> {
  return inTransaction(db, async (trx) => {
    if (changes.name) await refuseDuplicateEventType(trx, companyId, changes.name, id);
    const row = await trx
      .updateTable('crm_event_types')
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.points === undefined ? {} : { points: changes.points }),
        ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not-found', `Event type ${id} does not exist.`);
    return toEventType(row);
  });
}

function leadQuery(db: Db, companyId: number) {
  return db
    .selectFrom('crm_leads as l')
    .innerJoin('parties as p', 'p.id', 'l.party_id')
    .innerJoin('crm_lead_statuses as s', 's.id', 'l.status_id')
    .select([
      'l.party_id as partyId',
      'p.name',
      'p.customer_number as customerNumber',
      'l.points',
      'l.status_id as statusId',
      's.name as statusName',
      'l.status_since as statusSince',
      'l.created_at as createdAt',
    ])
    .select((eb) =>
      eb
        .selectFrom('crm_lead_events as e')
        .select((e) => e.fn.max('e.occurred_at').as('last'))
        .where('e.company_id', '=', companyId)
        .whereRef('e.party_id', '=', 'l.party_id')
        .as('lastEventAt'),
    )
    .where('l.company_id', '=', companyId);
}

export async function listLeads(
  db: Db,
  companyId: number,
  filter: { statusId?: number | undefined; search?: string | undefined } = {},
): Promise<Lead[]> {
  let query = leadQuery(db, companyId);
  if (filter.statusId) query = query.where('l.status_id', '=', filter.statusId);
  if (filter.search) query = query.where('p.name', 'like', `%${filter.search}%`);
  const rows = await query.orderBy('l.points', 'desc').orderBy('p.name').limit(5000).execute();
  return rows.map((r) => ({ ...r, lastEventAt: r.lastEventAt ?? null }));
}

async function findLead(db: Db, companyId: number, partyId: number): Promise<Lead> {
  const row = await leadQuery(db, companyId).where('l.party_id', '=', partyId).executeTakeFirst();
  if (!row) throw new AppError('not-found', `Contact ${partyId} is not a lead.`);
  return { ...row, lastEventAt: row.lastEventAt ?? null };
}

export async function getLead(db: Db, companyId: number, partyId: number): Promise<LeadDetail> {
  const lead = await findLead(db, companyId, partyId);
  const events = await db
    .selectFrom('crm_lead_events')
    .select([
      'id',
      'event_type_id as eventTypeId',
      'text as name',
      'points',
      'occurred_at as occurredAt',
    ])
    .where('company_id', '=', companyId)
    .where('party_id', '=', partyId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const history = await db
    .selectFrom('crm_lead_status_history as h')
    .innerJoin('crm_lead_statuses as s', 's.id', 'h.status_id')
    .select(['h.status_id as statusId', 's.name as statusName', 'h.reached_at as reachedAt'])
    .where('h.company_id', '=', companyId)
    .where('h.party_id', '=', partyId)
    .orderBy('h.reached_at')
    .orderBy('h.id')
    .execute();
  return { ...lead, events, history };
}

async function requireParty(db: Db, companyId: number, partyId: number, field = 'partyId') {
  const party = await db
    .selectFrom('parties')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw AppError.field(field, `Contact ${partyId} does not exist.`, 'unknown');
  return party;
}

/** The contact register marks its leads (for its filters); status and points stay here. */
async function markOnParty(db: Db, companyId: number, partyId: number, lead: boolean) {
  await db
    .updateTable('parties')
    .set({ is_lead: lead ? 1 : 0 })
    .where('company_id', '=', companyId)
    .where('id', '=', partyId)
    .execute();
}

async function recordStatus(
  db: Db,
  companyId: number,
  partyId: number,
  status: LeadStatusRow,
  at: string,
  userId: number | null,
  why: string,
) {
  await db
    .insertInto('crm_lead_status_history')
    .values({ company_id: companyId, party_id: partyId, status_id: status.id, reached_at: at })
    .execute();
  await logOnTimeline(db, companyId, partyId, {
    kind: 'lead',
    title: `Ledetråd: ${status.name}`,
    body: why,
    occurredAt: at,
    userId,
  });
  // Every status a lead reaches (on creation, by points or by hand) passes through here, so
  // semi-dynamic segments reacting to "lead status changed" hear of each one, in this
  // transaction. The event carries the status by name, which is what a trigger names.
  await raiseContactEvent(db, companyId, partyId, {
    type: 'lead.status-changed',
    status: status.name,
  });
}

export async function createLead(
  db: Db,
  companyId: number,
  input: z.output<typeof newLeadSchema>,
  userId: number | null,
  at = now(),
): Promise<Lead> {
  return inTransaction(db, async (trx) => {
    await requireParty(trx, companyId, input.partyId);
    const statuses = await statusRows(trx, companyId);
    const status =
      input.statusId === undefined ? statuses[0] : statuses.find((s) => s.id === input.statusId);
    if (!status) throw AppError.field('statusId', `Status ${input.statusId} does not exist.`);
    const already = await trx
      .selectFrom('crm_leads')
      .select('party_id')
      .where('company_id', '=', companyId)
      .where('party_id', '=', input.partyId)
      .executeTakeFirst();
    if (already) throw AppError.field('partyId', 'This contact is already a lead.', 'duplicate');
    const points = input.points ?? status.threshold;
    await trx
      .insertInto('crm_leads')
      .values({
        company_id: companyId,
        party_id: input.partyId,
        points,
        status_id: status.id,
        status_since: at,
        created_at: at,
      })
      .execute();
    await recordStatus(
      trx,
      companyId,
      input.partyId,
      status,
      at,
      userId,
      `Ny ledetråd, ${points} poeng`,
    );
    await markOnParty(trx, companyId, input.partyId, true);
    return findLead(trx, companyId, input.partyId);
  });
}

/** A manual move to any status, or new points; a move is recorded like an automatic one. */
export async function changeLead(
  db: Db,
  companyId: number,
  partyId: number,
  changes: z.output<typeof leadChangesSchema>,
  userId: number | null,
): Promise<Lead> {
  return inTransaction(db, async (trx) => {
    const lead = await findLead(trx, companyId, partyId);
    const statuses = await statusRows(trx, companyId);
    const at = now();
    let status = statuses.find((s) => s.id === lead.statusId);
    if (changes.statusId !== undefined && changes.statusId !== lead.statusId) {
      status = statuses.find((s) => s.id === changes.statusId);
      if (!status) throw AppError.field('statusId', `Status ${changes.statusId} does not exist.`);
      await recordStatus(trx, companyId, partyId, status, at, userId, 'Flyttet for hånd');
    }
    if (!status) throw new Error('A lead points at a status that does not exist.');
    const points = changes.points ?? lead.points;
    const since = status.id === lead.statusId ? lead.statusSince : at;
    await trx
      .updateTable('crm_leads')
      .set({ points, status_id: status.id, status_since: since })
      .where('company_id', '=', companyId)
      .where('party_id', '=', partyId)
      .execute();
    return findLead(trx, companyId, partyId);
  });
}

export async function removeLead(db: Db, companyId: number, partyId: number) {
  await inTransaction(db, async (trx) => {
    await findLead(trx, companyId, partyId);
    await trx
      .deleteFrom('crm_leads')
      .where('company_id', '=', companyId)
      .where('party_id', '=', partyId)
      .execute();
    await markOnParty(trx, companyId, partyId, false);
  });
}

/** The statuses a lead passes when its points go from its status to `points`. */
export function statusesPassed(
  statuses: readonly LeadStatusRow[],
  currentId: number,
  points: number,
): LeadStatusRow[] {
  const current = statuses.find((s) => s.id === currentId);
  if (!current) return [];
  return statuses.filter((s) => s.position > current.position && s.threshold <= points);
}

/**
 * Logs an event on a contact: its points are added and the lead moves up through every
 * status whose threshold it reaches. A contact that is not yet a lead becomes one, at the
 * coldest status.
 */
export async function logEvent(
  db: Db,
  companyId: number,
  partyId: number,
  input: z.output<typeof logEventSchema>,
  userId: number | null,
): Promise<{ lead: Lead; moved: string[] }> {
  return inTransaction(db, async (trx) => {
    await requireParty(trx, companyId, partyId);
    const type = await trx
      .selectFrom('crm_event_types')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('id', '=', input.eventTypeId)
      .executeTakeFirst();
    if (!type)
      throw AppError.field('eventTypeId', `Event type ${input.eventTypeId} does not exist.`);
    if (!type.active) throw AppError.field('eventTypeId', `"${type.name}" is no longer in use.`);
    const at = input.occurredAt ? new Date(input.occurredAt).toISOString() : now();
    const exists = await trx
      .selectFrom('crm_leads')
      .select('party_id')
      .where('company_id', '=', companyId)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
    if (!exists) await createLead(trx, companyId, { partyId, points: 0 }, userId, at);
    const lead = await findLead(trx, companyId, partyId);
    const points = Math.min(100, Math.max(0, lead.points + type.points));
    await trx
      .insertInto('crm_lead_events')
      .values({
        company_id: companyId,
        party_id: partyId,
        kind: 'event',
        event_type_id: type.id,
        points: type.points,
        text: type.name,
        occurred_at: at,
        user_id: userId,
      })
      .execute();
    const sign = type.points >= 0 ? '+' : '−';
    await logOnTimeline(trx, companyId, partyId, {
      kind: 'event',
      title: type.name,
      body: input.note || null,
      points: type.points,
      occurredAt: at,
      userId,
    });
    const passed = statusesPassed(await statusRows(trx, companyId), lead.statusId, points);
    for (const status of passed) {
      const why = `${sign}${Math.abs(type.points)} poeng for «${type.name}» gav ${points} poeng`;
      await recordStatus(trx, companyId, partyId, status, at, userId, why);
    }
    const last = passed.at(-1);
    const since = last ? at : lead.statusSince;
    await trx
      .updateTable('crm_leads')
      .set({ points, status_id: last?.id ?? lead.statusId, status_since: since })
      .where('company_id', '=', companyId)
      .where('party_id', '=', partyId)
      .execute();
    return { lead: await findLead(trx, companyId, partyId), moved: passed.map((s) => s.name) };
  });
}
