import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { membersOf } from '../admin/member.service';
import { getOpportunity } from '../crm/opportunity.service';

/**
 * Appointments and events in the calendar, each optionally linked to a contact, an
 * opportunity (the CRM's, by id) and a user. Times are ISO 8601 UTC. An appointment lasts
 * at most 14 days, which lets a range query look at start times only.
 */
const MAX_DAYS = 14;
const DAY_MS = 86_400_000;

export const appointmentKindSchema = z.enum(['appointment', 'meeting', 'call', 'event', 'task']);

export const appointmentInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'An appointment needs a title.').max(200),
    kind: appointmentKindSchema.optional(),
    startsAt: z.iso.datetime({ offset: true, message: 'A start time (ISO 8601) is needed.' }),
    endsAt: z.iso.datetime({ offset: true, message: 'An end time (ISO 8601) is needed.' }),
    location: z.string().trim().max(200).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
    partyId: z.number().int().positive().nullable().optional(),
    opportunityId: z.number().int().positive().nullable().optional(),
    userId: z.number().int().positive().nullable().optional(),
  })
  .refine((a) => Date.parse(a.endsAt) >= Date.parse(a.startsAt), {
    message: 'The end is before the start.',
    path: ['endsAt'],
  })
  .refine((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) <= MAX_DAYS * DAY_MS, {
    message: `An appointment lasts at most ${MAX_DAYS} days.`,
    path: ['endsAt'],
  });
export type AppointmentInput = z.input<typeof appointmentInputSchema>;

export const appointmentSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  partyId: z.number().nullable(),
  partyName: z.string().nullable(),
  opportunityId: z.number().nullable(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

function baseQuery(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('parties as p', 'p.id', 'a.party_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.title',
      'a.kind',
      'a.starts_at',
      'a.ends_at',
      'a.location',
      'a.notes',
      'a.party_id',
      'p.name as party_name',
      'a.opportunity_id',
      'a.user_id',
      'u.name as user_name',
    ])
    .where('a.company_id', '=', companyId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toAppointment = (r: Row): Appointment => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  location: r.location,
  notes: r.notes,
  partyId: r.party_id,
  partyName: r.party_name ?? null,
  opportunityId: r.opportunity_id,
  userId: r.user_id,
  userName: r.user_name ?? null,
});

/** Appointments that overlap [from, to), earliest first. */
export async function listAppointments(
  db: Kysely<Database>,
  companyId: number,
  filter: {
    from: string;
    to: string;
    partyId?: number | undefined;
    userId?: number | undefined;
    opportunityId?: number | undefined;
  },
): Promise<Appointment[]> {
  const from = new Date(filter.from).toISOString();
  const to = new Date(filter.to).toISOString();
  if (to <= from) throw AppError.field('to', 'The end of the range is before its start.');
  if (Date.parse(to) - Date.parse(from) > 400 * DAY_MS) {
    throw AppError.field('to', 'Ask for at most 400 days at a time.');
  }
  const earliestStart = new Date(Date.parse(from) - MAX_DAYS * DAY_MS).toISOString();
  let query = baseQuery(db, companyId)
    .where('a.starts_at', '>=', earliestStart)
    .where('a.starts_at', '<', to)
    .where('a.ends_at', '>', from);
  if (filter.partyId) query = query.where('a.party_id', '=', filter.partyId);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  if (filter.opportunityId) query = query.where('a.opportunity_id', '=', filter.opportunityId);
  const rows = await query.orderBy('a.starts_at').orderBy('a.id').limit(5000).execute();
  return rows.map(toAppointment);
}

export async function getAppointment(db: Kysely<Database>, companyId: number, id: number) {
  const row = await baseQuery(db, companyId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such appointment.');
  return toAppointment(row);
}

async function checkLinks(
  db: Kysely<Database>,
  companyId: number,
  a: z.infer<typeof appointmentInputSchema>,
) {
  if (a.partyId) {
    const party = await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where('id', '=', a.partyId)
      .executeTakeFirst();
    if (!party) throw AppError.field('partyId', `Contact ${a.partyId} does not exist.`, 'unknown');
  }
  if (a.opportunityId) {
    try {
      const opportunity = await getOpportunity(db, companyId, a.opportunityId);
      if (a.partyId && opportunity.partyId !== a.partyId) {
        throw AppError.field(
          'opportunityId',
          'The opportunity belongs to another contact.',
          'mismatch',
        );
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found') {
        throw AppError.field(
          'opportunityId',
          `Opportunity ${a.opportunityId} does not exist.`,
          'unknown',
        );
      }
      throw error;
    }
  }
  if (a.userId) {
    const members = await membersOf(db, companyId);
    if (!members.some((m) => m.userId === a.userId)) {
      throw AppError.field('userId', `User ${a.userId} is not a user of this company.`, 'unknown');
    }
  }
}

const values = (a: z.infer<typeof appointmentInputSchema>) => ({
  title: a.title,
  kind: a.kind ?? 'appointment',
  starts_at: new Date(a.startsAt).toISOString(),
  ends_at: new Date(a.endsAt).toISOString(),
  location: a.location ?? null,
  notes: a.notes ?? null,
  party_id: a.partyId ?? null,
  opportunity_id: a.opportunityId ?? null,
  user_id: a.userId ?? null,
});

export async function createAppointment(
  db: Kysely<Database>,
  companyId: number,
  input: AppointmentInput,
  createdBy: number | null,
) {
  const a = appointmentInputSchema.parse(input);
  const id = await inTransaction(db, async (trx) => {
    await checkLinks(trx, companyId, a);
    const row = await trx
      .insertInto('appointments')
      .values({ company_id: companyId, ...values(a), created_by: createdBy, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return getAppointment(db, companyId, id);
}

export async function changeAppointment(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  input: AppointmentInput,
) {
  const a = appointmentInputSchema.parse(input);
  await inTransaction(db, async (trx) => {
    await getAppointment(trx, companyId, id);
    await checkLinks(trx, companyId, a);
    await trx
      .updateTable('appointments')
      .set(values(a))
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute();
  });
  return getAppointment(db, companyId, id);
}

export async function deleteAppointment(db: Kysely<Database>, companyId: number, id: number) {
  const result = await db
    .deleteFrom('appointments')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('not-found', 'No such appointment.');
}
