import { createDemoCompany } from '../packages/server/src/demo/demo-company';
import { createUser } from '../packages/server/src/modules/admin/user.service';
import { segmentsOfContact } from '../packages/server/src/modules/contacts/segment.service';
import { listOpportunities } from '../packages/server/src/modules/crm/opportunity.service';
import { freshStore } from './ledger.bench';

/**
 * The contact card's segment and opportunity panels on the demo company: every segment is
 * evaluated for one contact at a time, so the figure to watch is the time per contact.
 */
export async function contactCardBenchmark(dialect: 'sqlite' | 'postgres', pgUrl?: string) {
  const { store, drop } = await freshStore(dialect, pgUrl);
  try {
    const db = store.db;
    const owner = await createUser(db, {
      email: `bench-${Date.now()}@example.no`,
      name: 'Bench',
      password: 'correct horse battery',
      isInstallationAdmin: true,
    });
    const company = await createDemoCompany(db, owner.id);
    const parties = await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', company.id)
      .execute();
    const segments = await db
      .selectFrom('segments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', company.id)
      .executeTakeFirstOrThrow();
    // One pass first so the figures do not include the first statements' preparation.
    for (const p of parties.slice(0, 5)) await segmentsOfContact(db, company.id, p.id);
    let started = performance.now();
    let memberships = 0;
    for (const p of parties) memberships += (await segmentsOfContact(db, company.id, p.id)).length;
    const segmentMs = (performance.now() - started) / parties.length;
    started = performance.now();
    for (const p of parties) await listOpportunities(db, company.id, { partyId: p.id });
    const opportunityMs = (performance.now() - started) / parties.length;
    console.log(
      `[${dialect}] contact card on the demo company ` +
        `(${parties.length} contacts, ${Number(segments.n)} segments, ${memberships} memberships): ` +
        `segments panel ${segmentMs.toFixed(2)} ms per contact, ` +
        `opportunities panel ${opportunityMs.toFixed(2)} ms per contact`,
    );
  } finally {
    await drop();
  }
}
