import type { Kysely, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { ContactSummary } from './contact.schemas';
import { toSummary } from './contact.service';
import { segmentTriggerSchema } from './segment-events';
import { compileFilter, filterSchema } from './segment-filter';

/**
 * Segments: static (members added by hand), semi-dynamic (members added when a contact
 * event matches the segment's trigger, see segment-events.ts) and dynamic (a saved search
 * in the filter language of segment-filter.ts, evaluated when asked). A segment may have a
 * parent; its members are always within the parent's, whatever its kind.
 *
 * Evaluating the segments (the list with sizes, or the CLI's snapshot) records each one's
 * size for the day in segment_snapshots, which is what the trend reads.
 */

export const segmentKindSchema = z.enum(['static', 'semi', 'dynamic']);

export const segmentInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'A segment needs a name.').max(100),
  kind: segmentKindSchema,
  parentId: z.number().int().positive().nullable().optional(),
  rule: z.unknown().optional(),
  trigger: segmentTriggerSchema.nullable().optional(),
});
export type SegmentInput = z.input<typeof segmentInputSchema>;

export const segmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: segmentKindSchema,
  parentId: z.number().nullable(),
  rule: z.unknown().nullable(),
  trigger: segmentTriggerSchema.nullable(),
  size: z.number(),
});
export type Segment = z.infer<typeof segmentSchema>;

type Row = Awaited<ReturnType<typeof loadSegments>>[number];

function loadSegments(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

type PartyIds = SelectQueryBuilder<Database, 'parties', { id: number }>;

/** The ids of a segment's members, as a subquery, within its parents'. */
function memberIds(
  db: Kysely<Database>,
  companyId: number,
  segment: Pick<Row, 'id' | 'kind' | 'rule' | 'parent_id'>,
  byId: Map<number, Row>,
  today: string,
  depth = 0,
): PartyIds {
  if (depth > 20)
    throw new AppError('validation', 'Segments are nested too deep (or in a circle).');
  let query = db
    .selectFrom('parties')
    .select('parties.id')
    .where('parties.company_id', '=', companyId);
  if (segment.kind === 'dynamic') {
    const condition = compileFilter(JSON.parse(segment.rule ?? '{}'), companyId, today);
    query = query.where((eb) => condition(eb));
  } else {
    query = query.where('parties.id', 'in', (eb) =>
      eb
        .selectFrom('segment_members')
        .select('segment_members.party_id')
        .where('segment_members.segment_id', '=', segment.id),
    );
  }
  const parent = segment.parent_id ? byId.get(segment.parent_id) : undefined;
  if (parent) {
    query = query.where(
      'parties.id',
      'in',
      memberIds(db, companyId, parent, byId, today, depth + 1),
    );
  }
  return query;
}

async function countOf(db: Kysely<Database>, ids: PartyIds): Promise<number> {
  const row = await db
    .selectFrom(ids.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const toSegment = (r: Row, size: number): Segment => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  rule: r.rule ? JSON.parse(r.rule) : null,
  trigger: r.trigger ? JSON.parse(r.trigger) : null,
  size,
});

/** Every segment with its size today; records the sizes as today's snapshot. */
export async function listSegments(
  db: Kysely<Database>,
  companyId: number,
  today = todayUtc(),
): Promise<Segment[]> {
  const rows = await loadSegments(db, companyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: Segment[] = [];
  for (const r of rows) {
    const size = await countOf(db, memberIds(db, companyId, r, byId, today));
    result.push(toSegment(r, size));
  }
  await recordSnapshots(db, companyId, today, result);
  return result;
}

async function recordSnapshots(
  db: Kysely<Database>,
  companyId: number,
  day: string,
  segments: { id: number; size: number }[],
) {
  if (segments.length === 0) return;
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('segment_snapshots')
      .where('company_id', '=', companyId)
      .where('day', '=', day)
      .where(
        'segment_id',
        'in',
        segments.map((s) => s.id),
      )
      .execute();
    await trx
      .insertInto('segment_snapshots')
      .values(segments.map((s) => ({ company_id: companyId, segment_id: s.id, day, size: s.size })))
      .execute();
  });
}

/** For the CLI and cron: evaluates every segment and records today's sizes. */
export async function snapshotSegments(
  db: Kysely<Database>,
  companyId: number,
  today = todayUtc(),
) {
  const segments = await listSegments(db, companyId, today);
  return segments.map((s) => ({ id: s.id, name: s.name, size: s.size }));
}

async function findRow(db: Kysely<Database>, companyId: number, id: number) {
  const rows = await loadSegments(db, companyId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not-found', 'No such segment.');
  return { row, byId: new Map(rows.map((r) => [r.id, r])) };
}

export async function getSegment(db: Kysely<Database>, companyId: number, id: number) {
  const { row, byId } = await findRow(db, companyId, id);
  return toSegment(row, await countOf(db, memberIds(db, companyId, row, byId, todayUtc())));
}

/**
 * Counts what a rule would select (under a parent), which is also how a rule is checked: one
 * that cannot be evaluated is refused with an error on `rule`.
 */
export async function countRule(
  db: Kysely<Database>,
  companyId: number,
  rule: unknown,
  parentId: number | null | undefined,
  today = todayUtc(),
): Promise<number> {
  const rows = await loadSegments(db, companyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (parentId && !byId.has(parentId))
    throw AppError.field('parentId', `Segment ${parentId} does not exist.`, 'unknown');
  if (!filterSchema.safeParse(rule).success && rule === undefined)
    throw AppError.field('rule', 'A dynamic segment needs a rule.', 'required');
  const candidate = {
    id: 0,
    kind: 'dynamic' as const,
    rule: JSON.stringify(rule),
    parent_id: parentId ?? null,
  };
  try {
    return await countOf(db, memberIds(db, companyId, candidate, byId, today));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.field(
      'rule',
      `The rule cannot be evaluated: ${(error as Error).message}`,
      'rule',
    );
  }
}

async function checkInput(
  db: Kysely<Database>,
  companyId: number,
  data: z.infer<typeof segmentInputSchema>,
  selfId: number | null,
) {
  if (data.kind === 'dynamic') await countRule(db, companyId, data.rule, data.parentId);
  if (data.kind === 'semi' && !data.trigger)
    throw AppError.field(
      'trigger',
      'A semi-dynamic segment needs an event to react to.',
      'required',
    );
  if (data.parentId) {
    const rows = await loadSegments(db, companyId);
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (!byId.has(data.parentId))
      throw AppError.field('parentId', `Segment ${data.parentId} does not exist.`, 'unknown');
    // A segment cannot sit below itself.
    for (let p: number | null = data.parentId; p; p = byId.get(p)?.parent_id ?? null) {
      if (p === selfId)
        throw AppError.field('parentId', 'A segment cannot be below itself.', 'cycle');
    }
  }
}

const rowValues = (data: z.infer<typeof segmentInputSchema>) => ({
  name: data.name,
  kind: data.kind,
  parent_id: data.parentId ?? null,
  rule: data.kind === 'dynamic' ? JSON.stringify(data.rule) : null,
  trigger: data.kind === 'semi' && data.trigger ? JSON.stringify(data.trigger) : null,
});

export async function createSegment(db: Kysely<Database>, companyId: number, input: SegmentInput) {
  const data = segmentInputSchema.parse(input);
  await checkInput(db, companyId, data, null);
  const row = await db
    .insertInto('segments')
    .values({ company_id: companyId, ...rowValues(data), created_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSegment(db, companyId, row.id);
}

export async function changeSegment(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  input: SegmentInput,
) {
  const data = segmentInputSchema.parse(input);
  await findRow(db, companyId, id);
  await checkInput(db, companyId, data, id);
  await db
    .updateTable('segments')
    .set(rowValues(data))
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
  return getSegment(db, companyId, id);
}

export async function deleteSegment(db: Kysely<Database>, companyId: number, id: number) {
  await findRow(db, companyId, id);
  await db
    .deleteFrom('segments')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/**
 * The segments one contact belongs to, of every kind, for the contact card. Each segment's
 * membership query (its rule or member list, within its parents') is evaluated with a
 * filter on this one party, so the cost is one indexed look-up per segment rather than
 * computing every dynamic segment in full. Evaluating here records no snapshot.
 */
export async function segmentsOfContact(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  today = todayUtc(),
): Promise<{ id: number; name: string; kind: Segment['kind'] }[]> {
  const rows = await loadSegments(db, companyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found: { id: number; name: string; kind: Segment['kind'] }[] = [];
  for (const r of rows) {
    const hit = await memberIds(db, companyId, r, byId, today)
      .where('parties.id', '=', partyId)
      .executeTakeFirst();
    if (hit) found.push({ id: r.id, name: r.name, kind: r.kind });
  }
  return found;
}

/** A page of a segment's members, by name. */
export async function segmentMembers(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  limit = 200,
): Promise<ContactSummary[]> {
  const { row, byId } = await findRow(db, companyId, id);
  const ids = memberIds(db, companyId, row, byId, todayUtc());
  const rows = await db
    .selectFrom('parties')
    .leftJoin('crm_leads', (j) =>
      j.onRef('crm_leads.party_id', '=', 'parties.id').on('crm_leads.company_id', '=', companyId),
    )
    .leftJoin('crm_lead_statuses', 'crm_lead_statuses.id', 'crm_leads.status_id')
    .selectAll('parties')
    .select(['crm_leads.points as lead_points', 'crm_lead_statuses.name as lead_status'])
    .where('parties.id', 'in', ids)
    .orderBy('parties.name')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** Adds contacts to a static or semi-dynamic segment by hand. */
export async function addMembers(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  partyIds: number[],
) {
  const { row } = await findRow(db, companyId, id);
  if (row.kind === 'dynamic')
    throw new AppError('validation', 'A dynamic segment’s members follow from its rule.');
  await inTransaction(db, async (trx) => {
    const known = await trx
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where('id', 'in', partyIds.length ? partyIds : [0])
      .execute();
    if (known.length !== new Set(partyIds).size)
      throw AppError.field('partyIds', 'Some of the contacts do not exist.', 'unknown');
    const have = new Set(
      (
        await trx
          .selectFrom('segment_members')
          .select('party_id')
          .where('segment_id', '=', id)
          .execute()
      ).map((r) => r.party_id),
    );
    const fresh = [...new Set(partyIds)].filter((p) => !have.has(p));
    if (fresh.length > 0) {
      await trx
        .insertInto('segment_members')
        .values(
          fresh.map((p) => ({
            company_id: companyId,
            segment_id: id,
            party_id: p,
            added_at: now(),
          })),
        )
        .execute();
    }
  });
}

export async function removeMember(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  partyId: number,
) {
  await findRow(db, companyId, id);
  await db
    .deleteFrom('segment_members')
    .where('company_id', '=', companyId)
    .where('segment_id', '=', id)
    .where('party_id', '=', partyId)
    .execute();
}

/**
 * A segment's size per recorded day in [from, to], and the change between the sizes at the
 * ends of two periods (the last snapshot on or before each period's end): absolute and in
 * per cent of the first (null when the first is 0).
 */
export async function segmentTrend(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  range: { from: string; to: string; compareTo?: string | undefined },
) {
  await findRow(db, companyId, id);
  const points = await db
    .selectFrom('segment_snapshots')
    .select(['day', 'size'])
    .where('company_id', '=', companyId)
    .where('segment_id', '=', id)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .execute();
  const sizeAt = async (day: string) => {
    const row = await db
      .selectFrom('segment_snapshots')
      .select('size')
      .where('segment_id', '=', id)
      .where('day', '<=', day)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.size) : null;
  };
  // The period compared with ends the day before `from` unless given.
  const earlierEnd =
    range.compareTo ??
    new Date(Date.parse(`${range.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const before = await sizeAt(earlierEnd);
  const after = await sizeAt(range.to);
  const change = before !== null && after !== null ? after - before : null;
  return {
    points: points.map((p) => ({ day: p.day, size: Number(p.size) })),
    comparison: {
      earlierEnd,
      laterEnd: range.to,
      earlier: before,
      later: after,
      change,
      percent: change !== null && before ? Math.round((change / before) * 1000) / 10 : null,
    },
  };
}

/**
 * The predefined segments, created once per company (by name). Warm leads have 50 points or
 * more and cold leads under 25: lead statuses are named per company, points are not.
 * Subscribers: new ones started a subscription in the last 30 days, expiring ones have a
 * subscription ending within the next 30 days, and expired ones saw their last subscription
 * end in the last 30 days without a renewal moving the end on.
 */
export const PREDEFINED: { name: string; rule: unknown }[] = [
  {
    name: 'Varme ledetråder',
    rule: {
      all: [
        { field: 'isLead', op: 'eq', value: true },
        { field: 'leadPoints', op: 'gte', value: 50 },
      ],
    },
  },
  {
    name: 'Kalde ledetråder',
    rule: {
      all: [
        { field: 'isLead', op: 'eq', value: true },
        { not: { field: 'leadPoints', op: 'gte', value: 25 } },
      ],
    },
  },
  { name: 'Nye ledetråder (30 dager)', rule: { field: 'leadSince', op: 'withinDays', value: 30 } },
  {
    name: 'Ledetråder i bevegelse (7 dager)',
    rule: { field: 'leadStatusChanged', op: 'withinDays', value: 7 },
  },
  {
    name: 'Stillestående ledetråder (14+ dager)',
    rule: { field: 'leadStatusChanged', op: 'olderThanDays', value: 14 },
  },
  { name: 'Nye kunder (30 dager)', rule: { field: 'firstPurchase', op: 'withinDays', value: 30 } },
  {
    name: 'Aktive kunder (kjøp siste 365 dager)',
    rule: { field: 'lastPurchase', op: 'withinDays', value: 365 },
  },
  {
    name: 'Inaktive kunder',
    rule: {
      all: [
        { field: 'isCustomer', op: 'eq', value: true },
        { not: { field: 'lastPurchase', op: 'withinDays', value: 365 } },
      ],
    },
  },
  {
    name: 'Nye abonnenter (30 dager)',
    rule: { field: 'subscriptionStart', op: 'withinDays', value: 30 },
  },
  {
    name: 'Abonnement som utløper (30 dager)',
    rule: { field: 'nextSubscriptionEnd', op: 'withinNextDays', value: 30 },
  },
  {
    name: 'Utløpte abonnement (30 dager)',
    rule: {
      all: [
        { field: 'subscriptionEnd', op: 'withinDays', value: 30 },
        { field: 'subscriptionEnd', op: 'olderThanDays', value: 0 },
      ],
    },
  },
];

export async function installPredefined(db: Kysely<Database>, companyId: number) {
  const have = new Set((await loadSegments(db, companyId)).map((r) => r.name));
  for (const p of PREDEFINED) {
    if (!have.has(p.name))
      await createSegment(db, companyId, { name: p.name, kind: 'dynamic', rule: p.rule });
  }
  return listSegments(db, companyId);
}
