import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ensureCrmDefaults } from './crm-setup';
import { weighted } from './opportunity.service';

type Db = Kysely<Database>;

export interface Range {
  from: string;
  to: string;
}

export interface FunnelStep {
  fromId: number;
  fromName: string;
  toId: number;
  toName: string;
  /** Items that reached `from` (or a later step) within the period. */
  entered: number;
  /** Of those, the items that went on to `to` (or further), whenever that happened. */
  converted: number;
  /** converted / entered in per cent with one decimal; null when nothing entered. */
  rate: number | null;
  /** The mean time from `from` to `to` in days with one decimal; null when none converted. */
  averageDays: number | null;
}

export interface FunnelReport {
  kind: 'leads' | 'opportunities';
  from: string;
  to: string;
  /** Items reaching each step within the period, in funnel order. */
  reached: { id: number; name: string; count: number }[];
  steps: FunnelStep[];
  /** Opportunities lost in the period (the lost stage is not part of the chain). */
  lost: number | null;
}

interface Passage {
  item: number;
  step: number;
  at: string;
}

const DAY_MS = 86_400_000;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Conversion between each pair of neighbouring steps of a funnel. An item "reached" a step
 * at the first time it entered that step or any later one, so a lead that jumped two
 * statuses at once, or an opportunity moved past a stage by hand, still counts as passing
 * through. The cohort of a pair is the items that reached its first step within the
 * period; whether and when they reached the second is followed up to today.
 */
export function funnelSteps(
  chain: readonly { id: number; name: string }[],
  passages: readonly Passage[],
  range: Range,
): Pick<FunnelReport, 'reached' | 'steps'> {
  const order = new Map(chain.map((s, i) => [s.id, i]));
  // For each item, the first time it reached each position (or beyond).
  const firstAt = new Map<number, (string | undefined)[]>();
  for (const p of passages) {
    const position = order.get(p.step);
    if (position === undefined) continue;
    const times =
      firstAt.get(p.item) ?? new Array<string | undefined>(chain.length).fill(undefined);
    for (let i = 0; i <= position; i += 1) {
      const known = times[i];
      if (known === undefined || p.at < known) times[i] = p.at;
    }
    firstAt.set(p.item, times);
  }
  const end = `${range.to}T23:59:59.999Z`;
  const start = `${range.from}T00:00:00.000Z`;
  const inRange = (at: string | undefined): at is string =>
    at !== undefined && at >= start && at <= end;
  const reached = chain.map((s, i) => ({
    id: s.id,
    name: s.name,
    count: [...firstAt.values()].filter((times) => inRange(times[i])).length,
  }));
  const steps: FunnelStep[] = [];
  for (let i = 0; i + 1 < chain.length; i += 1) {
    const a = chain[i];
    const b = chain[i + 1];
    if (!a || !b) continue;
    let entered = 0;
    let converted = 0;
    let totalMs = 0;
    for (const times of firstAt.values()) {
      const at = times[i];
      if (!inRange(at)) continue;
      entered += 1;
      const next = times[i + 1];
      if (next === undefined) continue;
      converted += 1;
      totalMs += Math.max(0, Date.parse(next) - Date.parse(at));
    }
    steps.push({
      fromId: a.id,
      fromName: a.name,
      toId: b.id,
      toName: b.name,
      entered,
      converted,
      rate: entered ? oneDecimal((converted / entered) * 100) : null,
      averageDays: converted ? oneDecimal(totalMs / converted / DAY_MS) : null,
    });
  }
  return { reached, steps };
}

export async function leadFunnel(db: Db, companyId: number, range: Range): Promise<FunnelReport> {
  await ensureCrmDefaults(db, companyId);
  const chain = await db
    .selectFrom('crm_lead_statuses')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .orderBy('position')
    .execute();
  // Shortcoming: every passage of the company is read; fine for thousands of leads, a
  // candidate for a per-period query if companies keep hundreds of thousands.
  const passages = await db
    .selectFrom('crm_lead_status_history')
    .select(['party_id as item', 'status_id as step', 'reached_at as at'])
    .where('company_id', '=', companyId)
    .execute();
  return { kind: 'leads', ...range, ...funnelSteps(chain, passages, range), lost: null };
}

export async function opportunityFunnel(
  db: Db,
  companyId: number,
  range: Range,
): Promise<FunnelReport> {
  await ensureCrmDefaults(db, companyId);
  const stages = await db
    .selectFrom('crm_stages')
    .select(['id', 'name', 'outcome'])
    .where('company_id', '=', companyId)
    .orderBy('position')
    .execute();
  // The chain runs through the open stages to won; lost is an exit, counted apart.
  const chain = [
    ...stages.filter((s) => s.outcome === 'open'),
    ...stages.filter((s) => s.outcome === 'won'),
  ];
  const lostIds = new Set(stages.filter((s) => s.outcome === 'lost').map((s) => s.id));
  const passages = await db
    .selectFrom('crm_opportunity_history')
    .select(['opportunity_id as item', 'stage_id as step', 'entered_at as at'])
    .where('company_id', '=', companyId)
    .execute();
  const start = `${range.from}T00:00:00.000Z`;
  const end = `${range.to}T23:59:59.999Z`;
  const lost = new Set(
    passages.filter((p) => lostIds.has(p.step) && p.at >= start && p.at <= end).map((p) => p.item),
  ).size;
  return { kind: 'opportunities', ...range, ...funnelSteps(chain, passages, range), lost };
}

export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  count: number;
  amount: number;
  /** The sum of each opportunity's amount × probability, each rounded to øre. */
  weighted: number;
}

/** Open opportunities by the month they are expected to close, within the period. */
export async function salesForecast(
  db: Db,
  companyId: number,
  range: Range,
): Promise<{ from: string; to: string; months: ForecastMonth[]; total: ForecastMonth }> {
  await ensureCrmDefaults(db, companyId);
  const rows = await db
    .selectFrom('crm_opportunities as o')
    .innerJoin('crm_stages as s', 's.id', 'o.stage_id')
    .select(['o.amount', 'o.expected_close', 's.probability'])
    .where('o.company_id', '=', companyId)
    .where('s.outcome', '=', 'open')
    .where('o.expected_close', '>=', range.from)
    .where('o.expected_close', '<=', range.to)
    .execute();
  const months = new Map<string, ForecastMonth>();
  // Every month of the period is listed, also those with nothing expected.
  for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); m = nextMonth(m)) {
    months.set(m, { month: m, count: 0, amount: 0, weighted: 0 });
  }
  const total: ForecastMonth = { month: 'total', count: 0, amount: 0, weighted: 0 };
  for (const r of rows) {
    const month = months.get(r.expected_close.slice(0, 7));
    if (!month) continue;
    const amount = Number(r.amount);
    const w = weighted(amount, r.probability);
    for (const target of [month, total]) {
      target.count += 1;
      target.amount += amount;
      target.weighted += w;
    }
  }
  return { ...range, months: [...months.values()], total };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
