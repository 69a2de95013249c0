import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeOpportunity,
  createOpportunity,
  listStages,
} from '../src/modules/crm/opportunity.service';
import { funnelSteps } from '../src/modules/crm/report.service';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

describe('funnel steps', () => {
  const chain = [
    { id: 1, name: 'A' },
    { id: 2, name: 'B' },
    { id: 3, name: 'C' },
  ];
  it('counts an item that skipped a step as passing through it', () => {
    const result = funnelSteps(
      chain,
      [
        { item: 1, step: 1, at: '2026-03-01T00:00:00.000Z' },
        { item: 1, step: 3, at: '2026-03-05T00:00:00.000Z' },
        { item: 2, step: 1, at: '2026-03-02T00:00:00.000Z' },
        { item: 2, step: 2, at: '2026-03-04T00:00:00.000Z' },
        { item: 3, step: 1, at: '2026-03-03T00:00:00.000Z' },
        // Outside the period: not in any cohort.
        { item: 4, step: 1, at: '2026-05-01T00:00:00.000Z' },
      ],
      { from: '2026-03-01', to: '2026-03-31' },
    );
    expect(result.reached.map((r) => r.count)).toEqual([3, 2, 1]);
    expect(result.steps[0]).toMatchObject({ entered: 3, converted: 2, rate: 66.7, averageDays: 3 });
    expect(result.steps[1]).toMatchObject({ entered: 2, converted: 1, rate: 50, averageDays: 0 });
  });
});

describeEachStore('crm funnel reports', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Rapport AS'));
    const party = (await api.post(`${base}/parties`, { name: 'Kunde AS', customer: true })).data.id;
    const types = (await api.get(`${base}/crm/event-types`)).data.items;
    const demo = types.find((t: { name: string }) => t.name === 'Deltok på demo').id;
    await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: demo,
      occurredAt: '2026-02-01T08:00:00Z',
    });
    await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: demo,
      occurredAt: '2026-02-11T08:00:00Z',
    });
    const stages = await listStages(store().db, companyId);
    const [first, second] = stages;
    const won = stages.find((s) => s.outcome === 'won');
    const lost = stages.find((s) => s.outcome === 'lost');
    const make = (amount: number, close: string, at: string) =>
      createOpportunity(
        store().db,
        companyId,
        { partyId: party, title: `Avtale ${amount}`, amount, expectedClose: close },
        null,
        at,
      );
    const a = await make(100_000_00, '2026-04-15', '2026-02-01T00:00:00.000Z');
    await changeOpportunity(
      store().db,
      companyId,
      a.id,
      { stageId: second?.id },
      null,
      '2026-02-05T00:00:00.000Z',
    );
    await changeOpportunity(
      store().db,
      companyId,
      a.id,
      { stageId: won?.id },
      null,
      '2026-02-15T00:00:00.000Z',
    );
    const b = await make(50_000_01, '2026-04-20', '2026-02-02T00:00:00.000Z');
    await changeOpportunity(
      store().db,
      companyId,
      b.id,
      { stageId: lost?.id },
      null,
      '2026-02-03T00:00:00.000Z',
    );
    await make(33_333_33, '2026-05-31', '2026-02-03T00:00:00.000Z');
    expect(first).toBeDefined();
  });

  it('reports lead conversion and the days between statuses', async () => {
    const report = await api.get(
      `${base}/crm/reports/funnel?kind=leads&from=2026-02-01&to=2026-02-28`,
    );
    expect(report.statusCode).toBe(200);
    expect(report.data.steps[0]).toMatchObject({
      fromName: 'Kald',
      toName: 'Lunken',
      entered: 1,
      converted: 1,
      rate: 100,
      averageDays: 0,
    });
    // 30 points on 1 Feb reached Lunken; 60 on 11 Feb reached Varm ten days later.
    expect(report.data.steps[1]).toMatchObject({ toName: 'Varm', converted: 1, averageDays: 10 });
    expect(report.data.steps[2]).toMatchObject({
      toName: 'Klar for salg',
      entered: 1,
      converted: 0,
      rate: 0,
    });
  });

  it('reports the sales funnel with the lost apart', async () => {
    const report = (
      await api.get(`${base}/crm/reports/funnel?kind=opportunities&from=2026-02-01&to=2026-02-28`)
    ).data;
    expect(report.reached.map((r: { count: number }) => r.count)).toEqual([3, 1, 1, 1, 1]);
    expect(report.steps[0]).toMatchObject({ entered: 3, converted: 1, rate: 33.3, averageDays: 4 });
    expect(report.steps.at(-1)).toMatchObject({ toName: 'Vunnet', converted: 1 });
    expect(report.lost).toBe(1);
  });

  it('forecasts open opportunities by month from amount × probability', async () => {
    const forecast = (await api.get(`${base}/crm/reports/forecast?from=2026-03-01&to=2026-05-31`))
      .data;
    // Only the open one counts: 33 333,33 kr × 10 % = 3 333,333 → 3 333,33 kr.
    expect(forecast.months).toEqual([
      { month: '2026-03', count: 0, amount: 0, weighted: 0 },
      { month: '2026-04', count: 0, amount: 0, weighted: 0 },
      { month: '2026-05', count: 1, amount: 33_333_33, weighted: 3_333_33 },
    ]);
    const csv = await api.get(
      `${base}/crm/reports/forecast?from=2026-03-01&to=2026-05-31&format=csv`,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('salgsprognose-2026-03-01-2026-05-31.csv');
    expect(csv.body).toBe(
      'month,count,amount,weighted\n2026-03,0,0.00,0.00\n2026-04,0,0.00,0.00\n2026-05,1,33333.33,3333.33\n',
    );
    const funnelCsv = await api.get(
      `${base}/crm/reports/funnel?kind=leads&from=2026-02-01&to=2026-02-28&format=csv`,
    );
    expect(funnelCsv.body.split('\n')[0]).toBe('from,to,entered,converted,rate,averageDays');
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await api.get(`${base}/crm/reports/forecast?from=2026-05-01&to=2026-03-01`);
    expect(response.statusCode).toBe(400);
  });
});
