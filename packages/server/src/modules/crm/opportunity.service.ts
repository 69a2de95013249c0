import { divideRounded } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { membersOf } from '../admin/member.service';
import type { StageRow } from './crm.tables';
import { ensureCrmDefaults } from './crm-setup';
import { logOnTimeline } from './crm-timeline';
import type {
  newOpportunitySchema,
  Opportunity,
  OpportunityDetail,
  Outcome,
  opportunityChangesSchema,
  opportunityFilterSchema,
  Stage,
  stagesInputSchema,
} from './opportunity.schemas';

type Db = Kysely<Database>;

/**
 * The sales funnel. An opportunity belongs to a contact and stands in one stage; each stage
 * has a probability, and the stages marked won and lost close it. Every stage an
 * opportunity enters is recorded with the time, which the funnel report measures.
 */

export function weighted(amount: number, probability: number): number {
  return divideRounded(BigInt(amount) * BigInt(probability), 100n);
}

export async function listStages(db: Db, companyId: number): Promise<Stage[]> {
  await ensureCrmDefaults(db, companyId);
  const rows = await db
    .selectFrom('crm_stages as s')
    .leftJoin('crm_opportunities as o', (j) =>
      j.onRef('o.stage_id', '=', 's.id').onRef('o.company_id', '=', 's.company_id'),
    )
    .select(['s.id', 's.name', 's.probability', 's.position', 's.outcome'])
    .select((eb) => eb.fn.count<number>('o.id').as('opportunities'))
    .where('s.company_id', '=', companyId)
    .groupBy(['s.id', 's.name', 's.probability', 's.position', 's.outcome'])
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome as Outcome,
    opportunities: Number(r.opportunities),
  }));
}

async function stageRows(db: Db, companyId: number): Promise<StageRow[]> {
  await ensureCrmDefaults(db, companyId);
  return db
    .selectFrom('crm_stages')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('position')
    .execute();
}

/** Replaces the list of stages; a stage left out is removed unless opportunities are in it. */
export async function saveStages(
  db: Db,
  companyId: number,
  input: z.output<typeof stagesInputSchema>,
): Promise<Stage[]> {
  const { stages } = input;
  let closedSeen = false;
  stages.forEach((s, i) => {
    if (s.outcome === 'open' && closedSeen)
      throw AppError.field(`stages.${i}.outcome`, 'Open stages come before won and lost.');
    if (s.outcome !== 'open') closedSeen = true;
    const twin = stages.findIndex((o) => o.name.toLowerCase() === s.name.toLowerCase());
    if (twin !== i) throw AppError.field(`stages.${i}.name`, `"${s.name}" is in the list twice.`);
  });
  for (const outcome of OUTCOME_NEEDED) {
    if (!stages.some((s) => s.outcome === outcome))
      throw AppError.field('stages', `The funnel needs a stage whose outcome is ${outcome}.`);
  }
  return inTransaction(db, async (trx) => {
    const existing = await stageRows(trx, companyId);
    const known = new Set(existing.map((s) => s.id));
    stages.forEach((s, i) => {
      if (s.id !== undefined && !known.has(s.id))
        throw AppError.field(`stages.${i}.id`, `Stage ${s.id} does not exist.`);
    });
    const kept = new Set(stages.map((s) => s.id).filter((id) => id !== undefined));
    for (const old of existing) {
      if (kept.has(old.id)) continue;
      const used = await trx
        .selectFrom('crm_opportunities')
        .select('id')
        .where('company_id', '=', companyId)
        .where('stage_id', '=', old.id)
        .limit(1)
        .executeTakeFirst();
      if (used)
        throw new AppError(
          'conflict',
          `"${old.name}" still has opportunities; move them before removing it.`,
        );
      await trx.deleteFrom('crm_stages').where('id', '=', old.id).execute();
    }
    for (const s of stages) {
      if (s.id === undefined) continue;
      await trx
        .updateTable('crm_stages')
        .set({ name: `\u{2063}tmp-${s.id}`, position: -s.id })
        .where('id', '=', s.id)
        .execute();
    }
    for (const [position, s] of stages.entries()) {
      const values = { name: s.name, probability: s.probability, outcome: s.outcome, position };
      if (s.id === undefined)
        await trx
          .insertInto('crm_stages')
          .values({ ...values, company_id: companyId })
          .execute();
      else await trx.updateTable('crm_stages').set(values).where('id', '=', s.id).execute();
    }
    return listStages(trx, companyId);
  });
}

const OUTCOME_NEEDED: Outcome[] = ['open', 'won', 'lost'];

function opportunityQuery(db: Db, companyId: number) {
  return db
    .selectFrom('crm_opportunities as o')
    .innerJoin('parties as p', 'p.id', 'o.party_id')
    .innerJoin('crm_stages as s', 's.id', 'o.stage_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .select([
      'o.id',
      'o.party_id as partyId',
      'p.name as partyName',
      'o.title',
      'o.amount',
      'o.expected_close as expectedClose',
      'o.owner_id as ownerId',
      'u.name as ownerName',
      'o.stage_id as stageId',
      's.name as stageName',
      's.probability',
      's.outcome',
      'o.stage_since as stageSince',
      'o.created_at as createdAt',
    ])
    .where('o.company_id', '=', companyId);
}

type OpportunityRowOut = Awaited<
  ReturnType<ReturnType<typeof opportunityQuery>['executeTakeFirstOrThrow']>
>;

function toOpportunity(r: OpportunityRowOut): Opportunity {
  return {
    ...r,
    amount: Number(r.amount),
    ownerName: r.ownerName ?? null,
    outcome: r.outcome as Outcome,
    weighted: weighted(Number(r.amount), r.probability),
  };
}

export async function listOpportunities(
  db: Db,
  companyId: number,
  filter: z.output<typeof opportunityFilterSchema> = {},
): Promise<Opportunity[]> {
  await ensureCrmDefaults(db, companyId);
  let query = opportunityQuery(db, companyId);
  if (filter.stageId) query = query.where('o.stage_id', '=', filter.stageId);
  if (filter.ownerId) query = query.where('o.owner_id', '=', filter.ownerId);
  if (filter.partyId) query = query.where('o.party_id', '=', filter.partyId);
  if (filter.outcome) query = query.where('s.outcome', '=', filter.outcome);
  if (filter.search) {
    const like = `%${filter.search}%`;
    query = query.where((eb) => eb.or([eb('o.title', 'like', like), eb('p.name', 'like', like)]));
  }
  const rows = await query.orderBy('o.expected_close').orderBy('o.id').limit(5000).execute();
  return rows.map(toOpportunity);
}

async function findOpportunity(db: Db, companyId: number, id: number): Promise<Opportunity> {
  const row = await opportunityQuery(db, companyId).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', `Opportunity ${id} does not exist.`);
  return toOpportunity(row);
}

export async function getOpportunity(
  db: Db,
  companyId: number,
  id: number,
): Promise<OpportunityDetail> {
  const opportunity = await findOpportunity(db, companyId, id);
  const history = await db
    .selectFrom('crm_opportunity_history as h')
    .innerJoin('crm_stages as s', 's.id', 'h.stage_id')
    .select(['h.stage_id as stageId', 's.name as stageName', 'h.entered_at as enteredAt'])
    .where('h.company_id', '=', companyId)
    .where('h.opportunity_id', '=', id)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
  return { ...opportunity, history };
}

/** The company's users, who may own opportunities. */
export async function listOwners(db: Db, companyId: number) {
  const members = await membersOf(db, companyId);
  return members
    .map((m) => ({ id: m.userId, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

async function requireOwner(db: Db, companyId: number, ownerId: number | null | undefined) {
  if (ownerId === null || ownerId === undefined) return;
  const owners = await listOwners(db, companyId);
  if (!owners.some((o) => o.id === ownerId))
    throw AppError.field('ownerId', `User ${ownerId} is not a user of this company.`, 'unknown');
}

async function enterStage(
  db: Db,
  companyId: number,
  opportunity: { id: number; partyId: number; title: string },
  stage: StageRow,
  at: string,
  userId: number | null,
) {
  await db
    .insertInto('crm_opportunity_history')
    .values({
      company_id: companyId,
      opportunity_id: opportunity.id,
      stage_id: stage.id,
      entered_at: at,
    })
    .execute();
  const verb = stage.outcome === 'won' ? 'vunnet' : stage.outcome === 'lost' ? 'tapt' : stage.name;
  await logOnTimeline(db, companyId, opportunity.partyId, {
    kind: 'opportunity',
    title: `Salgsmulighet «${opportunity.title}»: ${verb}`,
    occurredAt: at,
    sourceId: opportunity.id,
    userId,
  });
}

export async function createOpportunity(
  db: Db,
  companyId: number,
  input: z.output<typeof newOpportunitySchema>,
  userId: number | null,
  at = now(),
): Promise<Opportunity> {
  return inTransaction(db, async (trx) => {
    const party = await trx
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party)
      throw AppError.field('partyId', `Contact ${input.partyId} does not exist.`, 'unknown');
    await requireOwner(trx, companyId, input.ownerId);
    const stages = await stageRows(trx, companyId);
    const stage =
      input.stageId === undefined
        ? stages.find((s) => s.outcome === 'open')
        : stages.find((s) => s.id === input.stageId);
    if (!stage) throw AppError.field('stageId', `Stage ${input.stageId} does not exist.`);
    const row = await trx
      .insertInto('crm_opportunities')
      .values({
        company_id: companyId,
        party_id: input.partyId,
        title: input.title,
        amount: input.amount,
        expected_close: input.expectedClose,
        owner_id: input.ownerId ?? null,
        stage_id: stage.id,
        stage_since: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enterStage(
      trx,
      companyId,
      { id: row.id, partyId: input.partyId, title: input.title },
      stage,
      at,
      userId,
    );
    return findOpportunity(trx, companyId, row.id);
  });
}

export async function changeOpportunity(
  db: Db,
  companyId: number,
  id: number,
  changes: z.output<typeof opportunityChangesSchema>,
  userId: number | null,
  at = now(),
): Promise<Opportunity> {
  return inTransaction(db, async (trx) => {
    const current = await findOpportunity(trx, companyId, id);
    await requireOwner(trx, companyId, changes.ownerId);
    let stageSince = current.stageSince;
    if (changes.stageId !== undefined && changes.stageId !== current.stageId) {
      const stage = (await stageRows(trx, companyId)).find((s) => s.id === changes.stageId);
      if (!stage) throw AppError.field('stageId', `Stage ${changes.stageId} does not exist.`);
      const title = changes.title ?? current.title;
      await enterStage(trx, companyId, { id, partyId: current.partyId, title }, stage, at, userId);
      stageSince = at;
    }
    await trx
      .updateTable('crm_opportunities')
      .set({
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.amount === undefined ? {} : { amount: changes.amount }),
        ...(changes.expectedClose === undefined ? {} : { expected_close: changes.expectedClose }),
        ...(changes.ownerId === undefined ? {} : { owner_id: changes.ownerId }),
        ...(changes.stageId === undefined ? {} : { stage_id: changes.stageId }),
        stage_since: stageSince,
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute();
    return findOpportunity(trx, companyId, id);
  });
}

export async function deleteOpportunity(db: Db, companyId: number, id: number) {
  const deleted = await db
    .deleteFrom('crm_opportunities')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw new AppError('not-found', `Opportunity ${id} does not exist.`);
}
