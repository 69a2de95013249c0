import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The funnel a company starts with; each company changes it in the lead settings. */
export const DEFAULT_LEAD_STATUSES = [
  { name: 'Kald', threshold: 0 },
  { name: 'Lunken', threshold: 30 },
  { name: 'Varm', threshold: 60 },
  { name: 'Klar for salg', threshold: 85 },
];

export const DEFAULT_EVENT_TYPES = [
  { name: 'Besøkte nettsiden', points: 5 },
  { name: 'Åpnet e-post', points: 3 },
  { name: 'Lastet ned brosjyre', points: 10 },
  { name: 'Meldte seg på nyhetsbrev', points: 10 },
  { name: 'Ba om å bli kontaktet', points: 25 },
  { name: 'Deltok på demo', points: 30 },
];

export const DEFAULT_STAGES = [
  { name: 'Kvalifisering', probability: 10, outcome: 'open' },
  { name: 'Behovsanalyse', probability: 25, outcome: 'open' },
  { name: 'Tilbud sendt', probability: 50, outcome: 'open' },
  { name: 'Forhandling', probability: 75, outcome: 'open' },
  { name: 'Vunnet', probability: 100, outcome: 'won' },
  { name: 'Tapt', probability: 0, outcome: 'lost' },
] as const;

/**
 * Gives a company the default statuses, event types and stages the first time its CRM is
 * used. Companies are made by other areas, so this runs lazily; the unique names make two
 * first requests at once harmless.
 */
export async function ensureCrmDefaults(db: Kysely<Database>, companyId: number) {
  const status = await db
    .selectFrom('crm_lead_statuses')
    .select('id')
    .where('company_id', '=', companyId)
    .limit(1)
    .executeTakeFirst();
  if (!status) {
    await db
      .insertInto('crm_lead_statuses')
      .values(DEFAULT_LEAD_STATUSES.map((s, i) => ({ ...s, company_id: companyId, position: i })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('crm_event_types')
      .values(DEFAULT_EVENT_TYPES.map((e) => ({ ...e, company_id: companyId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const stage = await db
    .selectFrom('crm_stages')
    .select('id')
    .where('company_id', '=', companyId)
    .limit(1)
    .executeTakeFirst();
  if (!stage) {
    await db
      .insertInto('crm_stages')
      .values(DEFAULT_STAGES.map((s, i) => ({ ...s, company_id: companyId, position: i })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
