import { type Kysely, sql } from 'kysely';
import type { Database } from '../packages/server/src/db/schema';
import { createCompany } from '../packages/server/src/modules/admin/company.service';
import {
  createContact,
  searchContacts,
} from '../packages/server/src/modules/contacts/contact.service';
import { searchTermsOf } from '../packages/server/src/modules/contacts/contact-search';
import { freshStore } from './ledger.bench';

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
];
const WORDS = [
  'Fjord',
  'Kaffe',
  'Bygg',
  'Regnskap',
  'Bakeri',
  'Hotell',
  'Marina',
  'Design',
  'Transport',
  'Elektro',
  'Rør',
  'Snekker',
  'Tann',
  'Fysio',
  'Sjømat',
];
const PLACES = ['Bergen', 'Oslo', 'Stavanger', 'Trondheim', 'Tromsø', 'Ålesund', 'Bodø', 'Molde'];

function contactNo(n: number) {
  const person = n % 4 === 0;
  const name = person
    ? `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]} ${n}`
    : `${WORDS[n % WORDS.length]} ${PLACES[(n >> 2) % PLACES.length]} ${n} AS`;
  return {
    kind: person ? ('person' as const) : ('organisation' as const),
    name,
    email: `post${n}@firma${n % 5000}.no`,
    phone: `+479${String(1_000_000 + n).padStart(7, '0')}`,
    orgNumber: person ? null : String(800_000_000 + n),
    customerNumber: n % 3 === 0 ? null : 10_000 + n,
    supplierNumber: n % 3 === 0 ? 20_000 + n : null,
  };
}

/**
 * BENCH_CONTACTS contacts (default 50 000): 500 through the service (persons, addresses,
 * tags, search index), the rest bulk-loaded with their search terms; then the searches the
 * list makes as a user types, each timed as the median of 20 runs.
 */
export async function contactsBenchmark(
  dialect: 'sqlite' | 'postgres',
  count: number,
  pgUrl?: string,
) {
  const { store, drop } = await freshStore(dialect, pgUrl);
  try {
    const db = store.db;
    const company = await createCompany(
      db,
      { name: 'Kontaktbenk AS', orgNumber: '923609016' },
      null,
    );
    console.log(`\n== Contacts on ${dialect} ==`);
    const viaService = Math.min(500, count);
    let started = performance.now();
    for (let n = 1; n <= viaService; n++) {
      const c = contactNo(n);
      await createContact(db, company.id, {
        kind: c.kind,
        name: c.name,
        email: c.email,
        phone: c.phone,
        customerNumber: c.customerNumber,
        supplierNumber: c.supplierNumber,
        persons: [{ name: `${FIRST[n % FIRST.length]} Kontakt`, role: 'Daglig leder' }],
        addresses: [{ kind: 'visit', line1: `Gate ${n}`, postalCode: '5003', city: 'Bergen' }],
        tags: [n % 2 ? 'kunde' : 'prospekt'],
      });
    }
    const perContact = (performance.now() - started) / viaService;
    console.log(
      `${viaService} contacts created through the service: ${perContact.toFixed(2)} ms each`,
    );
    started = performance.now();
    await bulkLoad(db, company.id, viaService + 1, count);
    // A live PostgreSQL has statistics from autovacuum; right after a bulk load it has none.
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    console.log(
      `${count - viaService} more bulk-loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const queries: [string, string][] = [
      ['list, first page', ''],
      ['one letter "k"', 'k'],
      ['name prefix "fjord"', 'fjord'],
      ['two words "kaffe bergen"', 'kaffe bergen'],
      ['exact name word "sjømat"', 'sjømat'],
      ['e-mail "post4711@"', 'post4711@'],
      ['phone "910 04 711"', '910 04 711'],
      ['org number "800012345"', '800012345'],
      ['customer number "14711"', '14711'],
      ['no hit "zzz"', 'zzz'],
    ];
    for (const [label, q] of queries) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        hits = (await searchContacts(db, company.id, { q, limit: 50 })).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `search ${label.padEnd(30)} ${hits.toString().padStart(3)} hits  ` +
          `median ${times[10]?.toFixed(2)} ms  max ${times[19]?.toFixed(2)} ms`,
      );
    }
  } finally {
    await drop();
  }
}

async function bulkLoad(db: Kysely<Database>, companyId: number, from: number, to: number) {
  const created_at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = from; start <= to; start += 1000) {
      const batch = [];
      for (let n = start; n < Math.min(to + 1, start + 1000); n++) batch.push(contactNo(n));
      const ids = await trx
        .insertInto('parties')
        .values(
          batch.map((c) => ({
            company_id: companyId,
            kind: c.kind,
            name: c.name,
            email: c.email,
            phone: c.phone,
            org_number: c.orgNumber,
            customer_number: c.customerNumber,
            supplier_number: c.supplierNumber,
            created_at,
          })),
        )
        .returning('id')
        .execute();
      const terms = batch.flatMap((c, i) =>
        searchTermsOf(c).map((term) => ({ company_id: companyId, party_id: ids[i]!.id, term })),
      );
      for (let i = 0; i < terms.length; i += 5000) {
        await trx
          .insertInto('contact_search_terms')
          .values(terms.slice(i, i + 5000))
          .execute();
      }
    }
  });
}
