import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createParty, listParties } from '../modules/accounting/party.service';
import { listEventTypes, logEvent } from '../modules/crm/lead.service';
import { createTemplate } from '../modules/crm/mailing.service';
import {
  changeOpportunity,
  createOpportunity,
  listStages,
} from '../modules/crm/opportunity.service';

/** The prospects of the demo roastery: offices, hotels and shops that might buy coffee. */
const PROSPECTS = [
  'Nordnes Arkitekter AS',
  'Fløyen Hotell AS',
  'Sandviken Bakeri AS',
  'Bryggen Advokatfirma DA',
  'Møhlenpris Tannklinikk AS',
  'Vågen Regnskap AS',
  'Solheimsviken Coworking AS',
  'Fana Golfklubb',
  'Åsane Bilsenter AS',
  'Laksevåg Marina AS',
  'Kronstad Fysioterapi AS',
  'Damsgård Design AS',
  'Festplassen Eventbyrå AS',
  'Nygård Skole',
];

/** A small deterministic generator, so every demo installation tells the same story. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Leads with events spread over the last five months: the events' points carry each lead
 * as far up the funnel as they reach, with the times the statuses were reached, so the
 * board and the funnel report show a living funnel.
 */
export async function createDemoCrm(
  db: Kysely<Database>,
  companyId: number,
  today: string,
  ownerId: number,
) {
  const random = sequence(42);
  const types = await listEventTypes(db, companyId);
  const byName = new Map(types.map((t) => [t.name, t.id]));
  const pick = (names: string[]) => byName.get(names[Math.floor(random() * names.length)] ?? '');
  const end = Date.parse(`${today}T15:00:00Z`);
  const start = end - 150 * 86_400_000;
  const prospects: number[] = [];
  for (const name of PROSPECTS) {
    prospects.push((await createParty(db, companyId, { name, customer: true })).id);
  }
  for (const [index, partyId] of prospects.entries()) {
    // Later prospects get more events, so the funnel has leads in every status.
    const count = 1 + Math.floor((index / PROSPECTS.length) * 9 + random() * 3);
    let at = start + Math.floor(random() * 40) * 86_400_000;
    for (let i = 0; i < count && at < end; i += 1) {
      const eventTypeId =
        i > 3 && random() < 0.4
          ? pick(['Deltok på demo', 'Ba om å bli kontaktet'])
          : pick([
              'Besøkte nettsiden',
              'Åpnet e-post',
              'Lastet ned brosjyre',
              'Meldte seg på nyhetsbrev',
            ]);
      if (eventTypeId === undefined) continue;
      await logEvent(
        db,
        companyId,
        partyId,
        { eventTypeId, occurredAt: new Date(at).toISOString() },
        null,
      );
      at += Math.floor(2 + random() * 14) * 86_400_000 + Math.floor(random() * 8) * 3_600_000;
    }
  }
  await createDemoOpportunities(db, companyId, today, ownerId, random);
  await createDemoTemplates(db, companyId);
  return { prospects };
}

const DEALS = [
  'Kaffeavtale kontor',
  'Kaffemaskin og bønner',
  'Julegaver til ansatte',
  'Fast levering hver uke',
  'Kaffebar på messe',
  'Barista-kurs',
  'Serviceavtale maskiner',
  'Frokostmøter',
];

const DAY = 86_400_000;

/**
 * About 25 opportunities: some won and lost after walking through the stages over the last
 * months, the rest open in every stage with expected close dates in the coming months.
 */
async function createDemoOpportunities(
  db: Kysely<Database>,
  companyId: number,
  today: string,
  ownerId: number,
  random: () => number,
) {
  const stages = await listStages(db, companyId);
  const open = stages.filter((s) => s.outcome === 'open');
  const won = stages.find((s) => s.outcome === 'won');
  const lost = stages.find((s) => s.outcome === 'lost');
  const customers = await listParties(db, companyId, { kind: 'customer' });
  if (!won || !lost || open.length === 0 || customers.length === 0) return;
  const end = Date.parse(`${today}T12:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < 25; i += 1) {
    const party = customers[(i * 7) % customers.length];
    if (!party) continue;
    // Every fourth is won and every fifth lost; the rest stay open at some stage.
    const fate = i % 4 === 0 ? 'won' : i % 5 === 1 ? 'lost' : 'open';
    const reach =
      fate === 'open' ? Math.floor(i / 2) % open.length : Math.floor(random() * open.length);
    let at = end - Math.floor(60 + random() * 110) * DAY;
    const amount = Math.round(15_000 + random() * 385_000) * 100 - Math.round(random() * 4) * 2500;
    const created = await createOpportunity(
      db,
      companyId,
      {
        partyId: party.id,
        title: DEALS[i % DEALS.length] ?? 'Kaffeavtale',
        amount: Math.max(100_000, amount - (amount % 50_000)),
        expectedClose: iso(end + Math.floor(random() * 150) * DAY).slice(0, 10),
        ownerId,
        stageId: open[0]?.id,
      },
      ownerId,
      iso(at),
    );
    const path = [
      ...open.slice(1, reach + 1),
      ...(fate === 'won' ? [won] : fate === 'lost' ? [lost] : []),
    ];
    for (const stage of path) {
      at += Math.floor(4 + random() * 18) * DAY;
      if (at > end) break;
      await changeOpportunity(db, companyId, created.id, { stageId: stage.id }, ownerId, iso(at));
      if (stage.outcome !== 'open')
        await changeOpportunity(
          db,
          companyId,
          created.id,
          { expectedClose: iso(at).slice(0, 10) },
          ownerId,
          iso(at),
        );
    }
  }
}

/** Templates for the three channels, using the merge fields. */
async function createDemoTemplates(db: Kysely<Database>, companyId: number) {
  await createTemplate(db, companyId, {
    name: 'Smakekveld',
    channel: 'email',
    subject: 'Invitasjon til smakekveld, {{navn}}',
    body: [
      'Hei {{kontaktperson}}!',
      '',
      'Vi i {{firma}} inviterer til smakekveld på Bryggen torsdag kl. 18.',
      'Vi smaker årets nye kaffer fra Etiopia og Colombia.',
      '',
      'Svar på denne e-posten om du vil komme.',
      '',
      'Vennlig hilsen',
      '{{firma}}',
    ].join('\n'),
  });
  await createTemplate(db, companyId, {
    name: 'Påminnelse SMS',
    channel: 'sms',
    subject: '',
    body: 'Hei {{kontaktperson}}! Husk smakekvelden hos {{firma}} torsdag kl. 18. Velkommen!',
  });
  await createTemplate(db, companyId, {
    name: 'Årsbrev til kunder',
    channel: 'letter',
    subject: 'Takk for handelen i år',
    body: [
      'Kjære {{kontaktperson}}',
      '',
      'Takk for at {{navn}} (kundenummer {{kundenummer}}) har handlet hos oss i år.',
      'Som takk får dere 10 % på neste bestilling av hele bønner.',
      '',
      'Med vennlig hilsen',
      '{{firma}}',
    ].join('\n'),
  });
}
