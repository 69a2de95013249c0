import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { membersOf } from '../modules/admin/member.service';
import { createAppointment } from '../modules/contacts/calendar.service';
import type { ContactInput } from '../modules/contacts/contact.schemas';
import { createContact, updateContact } from '../modules/contacts/contact.service';
import { addMembers, createSegment, installPredefined } from '../modules/contacts/segment.service';

/**
 * The demo company's contact register: the customers and suppliers the ledger and the CRM
 * created become full contacts (persons, addresses, tags), and some forty more organisations
 * and persons fill the register to about sixty.
 */

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sofie',
  'Erik',
  'Nora',
  'Magnus',
  'Hanna',
  'Jonas',
  'Silje',
  'Anders',
  'Maria',
  'Henrik',
  'Ida',
  'Sindre',
];
const LAST = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Berg',
  'Haugland',
  'Solheim',
  'Dale',
  'Vik',
  'Lie',
  'Strand',
  'Moe',
  'Brekke',
];
const ROLES = [
  'Daglig leder',
  'Innkjøpsansvarlig',
  'Kjøkkensjef',
  'Økonomiansvarlig',
  'Kontorleder',
  'Salgssjef',
];
const STREETS = [
  'Strandkaien',
  'Torgallmenningen',
  'Nedre Ole Bulls plass',
  'Kong Oscars gate',
  'Nygårdsgaten',
  'Sandviksveien',
  'Damsgårdsveien',
  'Fjøsangerveien',
  'Lars Hilles gate',
  'Vestre Torggate',
];
const PLACES: [string, string][] = [
  ['5003', 'Bergen'],
  ['5014', 'Bergen'],
  ['5035', 'Bergen'],
  ['5058', 'Bergen'],
  ['5161', 'Laksevåg'],
  ['5116', 'Ulset'],
  ['5221', 'Nesttun'],
  ['4006', 'Stavanger'],
  ['0150', 'Oslo'],
];

const MORE_ORGANISATIONS: [string, string[]][] = [
  ['Kafé Kaigaten AS', ['kafé', 'storkunde']],
  ['Bergen Kaffebar AS', ['kafé']],
  ['Nordnes Bistro AS', ['restaurant']],
  ['Fisketorget Mat AS', ['restaurant']],
  ['Ulriken Kantine AS', ['kantine', 'storkunde']],
  ['Haukeland Kiosk AS', ['kiosk']],
  ['Vestlandsbanken Kantine', ['kantine']],
  ['Sentrum Bakeri AS', ['bakeri']],
  ['Kaffebrenneriet Lokal AS', ['kafé']],
  ['Torget Delikatesse AS', ['butikk']],
  ['Bryggen Bokhandel AS', ['butikk']],
  ['Fjordhotellet AS', ['hotell', 'storkunde']],
  ['Hotel Norge Vest AS', ['hotell']],
  ['Ole Bull Scene AS', ['kultur']],
  ['Grieghallen Servering AS', ['kultur', 'kantine']],
  ['Vestland Catering AS', ['catering']],
  ['Bergen Kongressenter AS', ['konferanse']],
  ['Stavanger Kaffelag AS', ['kafé']],
  ['Oslo Espresso AS', ['kafé']],
  ['Nesttun Matsenter AS', ['butikk']],
  ['Emballasjehuset AS', ['emballasje']],
  ['Melkebonden Vest SA', ['meieri']],
  ['Grønn Frakt AS', ['transport']],
  ['Kaffemaskinservice Vest AS', ['service']],
  ['Vestland Renhold AS', ['renhold']],
  ['Trykkeriet i Bergen AS', ['trykk']],
];
const SUPPLIERS = new Set([
  'Emballasjehuset AS',
  'Melkebonden Vest SA',
  'Grønn Frakt AS',
  'Kaffemaskinservice Vest AS',
  'Vestland Renhold AS',
  'Trykkeriet i Bergen AS',
]);
const MORE_PERSONS = [
  'Astrid Solberg',
  'Per Kristiansen',
  'Marte Lunde',
  'Even Halvorsen',
  'Tone Myklebust',
  'Bjørn Aasen',
  'Camilla Eide',
  'Håkon Ness',
  'Liv Torsvik',
  'Geir Skaar',
  'Randi Fosse',
  'Thomas Hauge',
];

/** A valid organisation number (MOD11) from a running number, so the demo's numbers check. */
function orgNumberFrom(seed: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let n = seed; ; n += 1) {
    const body = String(920_000_000 + n * 7919).slice(0, 8);
    const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${body}${check === 11 ? 0 : check}`;
  }
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/é/g, 'e')
    .replace(/\b(as|sa|da)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');

function detailsFor(name: string, index: number, tags: string[]): Partial<ContactInput> {
  const pick = <T>(list: readonly T[], offset = 0) => list[(index * 7 + offset) % list.length] as T;
  const domain = `${slug(name)}.no`;
  const [postalCode, city] = pick(PLACES);
  const person = (offset: number) => {
    const first = pick(FIRST, offset);
    const last = pick(LAST, offset * 3 + 1);
    return {
      name: `${first} ${last}`,
      role: pick(ROLES, offset),
      email: `${slug(first)}@${domain}`,
      phone: `+479${String(1_000_000 + ((index * 104_729 + offset * 7_919) % 8_999_999)).padStart(7, '0')}`,
    };
  };
  return {
    email: `post@${domain}`,
    phone: `+475${String(5_000_000 + ((index * 3_571) % 4_999_999)).padStart(7, '0')}`,
    website: `https://${domain}`,
    paymentTermsDays: index % 3 === 0 ? 30 : 14,
    persons: index % 4 === 3 ? [person(0)] : [person(0), person(1)],
    addresses: [
      { kind: 'visit', line1: `${pick(STREETS)} ${1 + (index % 40)}`, postalCode, city },
      ...(index % 2 === 0
        ? [{ kind: 'invoice' as const, line1: `Postboks ${100 + index * 13}`, postalCode, city }]
        : []),
    ],
    tags,
  };
}

export async function createDemoContacts(db: Kysely<Database>, companyId: number, today: string) {
  // The customers and suppliers already there (from the ledger and the CRM).
  const existing = await db
    .selectFrom('parties')
    .select(['id', 'name', 'org_number', 'customer_number', 'supplier_number'])
    .where('company_id', '=', companyId)
    .orderBy('id')
    .execute();
  for (const [index, p] of existing.entries()) {
    const tags =
      p.supplier_number !== null
        ? ['leverandør']
        : index < 5
          ? ['storkunde', 'bergen']
          : ['bergen'];
    await updateContact(db, companyId, p.id, {
      name: p.name,
      orgNumber: p.org_number ?? orgNumberFrom(index + 500),
      ...detailsFor(p.name, index, tags),
    });
  }
  let index = existing.length;
  for (const [name, tags] of MORE_ORGANISATIONS) {
    index += 1;
    const supplier = SUPPLIERS.has(name);
    await createContact(db, companyId, {
      name,
      orgNumber: orgNumberFrom(index),
      customer: !supplier,
      supplier,
      isLead: !supplier && index % 5 === 0,
      ...detailsFor(name, index, supplier ? ['leverandør', ...tags] : tags),
    });
  }
  for (const name of MORE_PERSONS) {
    index += 1;
    const first = name.split(' ')[0] ?? name;
    await createContact(db, companyId, {
      kind: 'person',
      name,
      email: `${slug(first)}.${index}@epost.no`,
      phone: `+479${String(2_000_000 + index * 31_337).slice(0, 7)}`,
      customer: index % 2 === 0,
      isLead: index % 2 === 1,
      addresses: [
        {
          kind: 'delivery',
          line1: `${STREETS[index % STREETS.length]} ${index}`,
          postalCode: '5003',
          city: 'Bergen',
        },
      ],
      tags: ['privatkunde', ...(index % 3 === 0 ? ['abonnent'] : [])],
    });
  }
  await createDemoAppointments(db, companyId, today);
  await createDemoSegments(db, companyId, today);
}

const APPOINTMENTS: [number, number, number, string, 'meeting' | 'call' | 'event' | 'task'][] = [
  // [day from today, hour, minutes long, title, kind]
  [1, 9, 60, 'Smaking av julekaffe', 'meeting'],
  [1, 13, 30, 'Oppfølging av tilbud', 'call'],
  [2, 10, 90, 'Barista-kurs for personalet', 'event'],
  [3, 8, 30, 'Bestilling til helgen', 'call'],
  [5, 11, 60, 'Gjennomgang av avtale', 'meeting'],
  [7, 14, 45, 'Levering av kaffemaskin', 'task'],
  [8, 9, 60, 'Møte om kantineavtale', 'meeting'],
  [10, 12, 30, 'Ringe om faktura', 'call'],
  [13, 10, 120, 'Julemarked på Bryggen', 'event'],
  [15, 9, 60, 'Smaking av nye bønner', 'meeting'],
  [20, 13, 60, 'Årsavtale for neste år', 'meeting'],
  [27, 10, 30, 'Statusmøte', 'call'],
];

/** Appointments in the coming weeks with some of the contacts, for the calendar. */
export async function createDemoAppointments(
  db: Kysely<Database>,
  companyId: number,
  today: string,
) {
  const contacts = await db
    .selectFrom('parties')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .where('customer_number', 'is not', null)
    .orderBy('id')
    .limit(APPOINTMENTS.length)
    .execute();
  const userId = (await membersOf(db, companyId))[0]?.userId ?? null;
  const start = new Date(`${today}T00:00:00Z`);
  for (const [index, [days, hour, minutes, title, kind]] of APPOINTMENTS.entries()) {
    const contact = contacts[index % contacts.length];
    // Hours are Norwegian local time in winter (UTC+1); close enough for demo data.
    const startsAt = new Date(start.getTime() + days * 86_400_000 + (hour - 1) * 3_600_000);
    await createAppointment(
      db,
      companyId,
      {
        title,
        kind,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
        location: kind === 'meeting' ? 'Bryggen 14' : null,
        partyId: kind === 'task' ? null : (contact?.id ?? null),
        userId,
      },
      null,
    );
  }
}

/**
 * A few segments of every kind, the predefined ones, and 60 days of daily sizes before today
 * so the trend has something to show (made up from today's size: a demo has no history).
 */
async function createDemoSegments(db: Kysely<Database>, companyId: number, today: string) {
  const cafes = await createSegment(db, companyId, {
    name: 'Kaféer',
    kind: 'dynamic',
    rule: { field: 'tag', op: 'eq', value: 'kafé' },
  });
  await createSegment(db, companyId, {
    name: 'Kaféer i Bergen',
    kind: 'dynamic',
    parentId: cafes.id,
    rule: { field: 'city', op: 'eq', value: 'Bergen' },
  });
  await createSegment(db, companyId, {
    name: 'VIP',
    kind: 'semi',
    trigger: { event: 'tag.added', tag: 'vip' },
  });
  const gifts = await createSegment(db, companyId, { name: 'Julegaveliste', kind: 'static' });
  const big = await db
    .selectFrom('contact_tags')
    .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select('contact_tags.party_id')
    .where('tags.company_id', '=', companyId)
    .where('tags.name', '=', 'storkunde')
    .execute();
  if (big.length > 0)
    await addMembers(
      db,
      companyId,
      gifts.id,
      big.map((r) => r.party_id),
    );
  const segments = await installPredefined(db, companyId);
  const start = Date.parse(`${today}T00:00:00Z`);
  const rows = segments.flatMap((s) =>
    Array.from({ length: 60 }, (_, i) => {
      const daysAgo = 60 - i;
      const drift = Math.round((s.size * daysAgo) / 200 + Math.sin(daysAgo + s.id) * (s.size / 10));
      return {
        company_id: companyId,
        segment_id: s.id,
        day: new Date(start - daysAgo * 86_400_000).toISOString().slice(0, 10),
        size: Math.max(0, s.size - drift),
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('segment_snapshots')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
