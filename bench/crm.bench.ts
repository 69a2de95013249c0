import type { Kysely } from 'kysely';
import type { Database } from '../packages/server/src/db/schema';
import { createCompany } from '../packages/server/src/modules/admin/company.service';
import {
  listEventTypes,
  listLeads,
  listStatuses,
  logEvent,
} from '../packages/server/src/modules/crm/lead.service';
import { listStages } from '../packages/server/src/modules/crm/opportunity.service';
import {
  leadFunnel,
  opportunityFunnel,
  salesForecast,
} from '../packages/server/src/modules/crm/report.service';
import { freshStore } from './ledger.bench';

const DAY = 86_400_000;

/**
 * BENCH_CRM_LEADS leads (default 20 000) and as many opportunities, bulk-loaded with the
 * statuses and stages they passed over a year; then an event logged through the service
 * (which may move a lead), the lead board's list and the funnel reports, each the median
 * of 10 runs.
 */
export async function crmBenchmark(dialect: 'sqlite' | 'postgres', count: number, pgUrl?: string) {
  const { store, drop } = await freshStore(dialect, pgUrl);
  try {
    const db = store.db;
    const company = await createCompany(db, { name: 'CRM-benk AS', orgNumber: '923609016' }, null);
    console.log(`\n== CRM on ${dialect} ==`);
    let started = performance.now();
    await bulkLoad(db, company.id, count);
    console.log(
      `${count} leads and ${count} opportunities with history bulk-loaded in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const types = await listEventTypes(db, company.id);
    const visit = types.find((t) => t.name === 'Besøkte nettsiden')?.id ?? 0;
    const parties = await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', company.id)
      .limit(200)
      .execute();
    const times: number[] = [];
    for (const p of parties) {
      const t = performance.now();
      await logEvent(db, company.id, p.id, { eventTypeId: visit }, null);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `log an event (points, status moves, timeline)  ` +
        `median ${times[100]?.toFixed(2)} ms  max ${times.at(-1)?.toFixed(2)} ms`,
    );
    const year = {
      from: new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10),
      to: new Date().toISOString().slice(0, 10),
    };
    const later = {
      from: year.to,
      to: new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
    };
    const timed: [string, () => Promise<unknown>][] = [
      ['lead board list', () => listLeads(db, company.id)],
      ['lead funnel, one year', () => leadFunnel(db, company.id, year)],
      ['sales funnel, one year', () => opportunityFunnel(db, company.id, year)],
      ['sales forecast, next year', () => salesForecast(db, company.id, later)],
    ];
    for (const [label, run] of timed) {
      const runs: number[] = [];
      for (let i = 0; i < 10; i++) {
        started = performance.now();
        await run();
        runs.push(performance.now() - started);
      }
      runs.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(45)} median ${runs[5]?.toFixed(1)} ms  max ${runs[9]?.toFixed(1)} ms`,
      );
    }
  } finally {
    await drop();
  }
}

async function bulkLoad(db: Kysely<Database>, companyId: number, count: number) {
  const statuses = await listStatuses(db, companyId);
  const stages = await listStages(db, companyId);
  const open = stages.filter((s) => s.outcome === 'open');
  const won = stages.find((s) => s.outcome === 'won');
  const lost = stages.find((s) => s.outcome === 'lost');
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < count; start += 500) {
      const size = Math.min(500, count - start);
      const parties = await trx
        .insertInto('parties')
        .values(
          Array.from({ length: size }, (_, i) => ({
            company_id: companyId,
            name: `Prospekt ${start + i} AS`,
            customer_number: 10_000 + start + i,
            created_at: iso(now),
          })),
        )
        .returning('id')
        .execute();
      const leads = [];
      const history = [];
      const opportunities = [];
      for (const [i, p] of parties.entries()) {
        const n = start + i;
        const reach = n % statuses.length;
        let at = now - (365 - (n % 300)) * DAY;
        for (const s of statuses.slice(0, reach + 1)) {
          history.push({
            company_id: companyId,
            party_id: p.id,
            status_id: s.id,
            reached_at: iso(at),
          });
          at += (3 + (n % 20)) * DAY;
        }
        const status = statuses[reach];
        if (!status) continue;
        leads.push({
          company_id: companyId,
          party_id: p.id,
          points: status.threshold,
          status_id: status.id,
          status_since: iso(at),
          created_at: iso(now - 365 * DAY),
        });
        const fate = n % 5 === 0 ? won : n % 7 === 0 ? lost : open[n % open.length];
        if (!fate) continue;
        opportunities.push({
          company_id: companyId,
          party_id: p.id,
          title: `Avtale ${n}`,
          amount: 1_000_000 + (n % 97) * 12_345,
          expected_close: iso(now + (n % 360) * DAY).slice(0, 10),
          owner_id: null,
          stage_id: fate.id,
          stage_since: iso(at),
          created_at: iso(now - (300 - (n % 250)) * DAY),
        });
      }
      await trx.insertInto('crm_leads').values(leads).execute();
      for (let i = 0; i < history.length; i += 1000)
        await trx
          .insertInto('crm_lead_status_history')
          .values(history.slice(i, i + 1000))
          .execute();
      const ids = await trx
        .insertInto('crm_opportunities')
        .values(opportunities)
        .returning(['id', 'stage_id', 'created_at'])
        .execute();
      const passages = ids.flatMap((o) => {
        const path = [
          ...open.filter(
            (s) => s.position <= (stages.find((x) => x.id === o.stage_id)?.position ?? 0),
          ),
          ...(o.stage_id === won?.id || o.stage_id === lost?.id
            ? [stages.find((x) => x.id === o.stage_id)!]
            : []),
        ];
        let at = Date.parse(o.created_at);
        return [...new Set(path)].map((s) => {
          at += 7 * DAY;
          return {
            company_id: companyId,
            opportunity_id: o.id,
            stage_id: s.id,
            entered_at: iso(at),
          };
        });
      });
      for (let i = 0; i < passages.length; i += 1000)
        await trx
          .insertInto('crm_opportunity_history')
          .values(passages.slice(i, i + 1000))
          .execute();
    }
  });
}
