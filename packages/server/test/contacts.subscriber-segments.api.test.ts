import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const today = new Date().toISOString().slice(0, 10);
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describeEachStore('subscriber segments', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Abonnement AS'));
    for (const name of [
      'Ny AS',
      'Utløper AS',
      'Utløpt AS',
      'Fornyet AS',
      'Gammel AS',
      'Ingen AS',
    ]) {
      const r = await api.post(`${base}/contacts`, { name, customer: true });
      if (r.statusCode !== 201) throw new Error(r.body);
      ids[name] = r.data.id;
    }
    const item = await api.post(`${base}/inventory/items`, {
      number: 'AB1',
      kind: 'subscription',
      name: 'Fagblad',
      unit: 'stk',
      salesPrice: 10_000,
      subscriptionPeriod: 'month',
    });
    if (item.statusCode !== 201) throw new Error(item.body);
    // Subscriptions as the sales documents leave them, each period given by its dates.
    const subscription = (name: string, start: number, end: number) => ({
      company_id: companyId,
      party_id: ids[name]!,
      item_id: item.data.id,
      start_date: shift(start),
      end_date: shift(end),
      renewal: 'automatic',
      created_at: new Date().toISOString(),
    });
    await store()
      .db.insertInto('subscriptions')
      .values([
        // Started ten days ago, ends in three weeks: new and expiring.
        subscription('Ny AS', -10, 20),
        // Started long ago, ends in five days.
        subscription('Utløper AS', -300, 5),
        // Ended a week ago.
        subscription('Utløpt AS', -100, -7),
        // Ended a week ago but renewed since: the end has moved on a year.
        subscription('Fornyet AS', -400, 330),
        // Ended two months ago: no longer "expired" in the 30-day sense.
        subscription('Gammel AS', -200, -60),
      ])
      .execute();
  });

  const names = async (id: number) =>
    (await api.get(`${base}/segments/${id}/members`)).data.items.map(
      (c: { name: string }) => c.name,
    );

  it('installs new, expiring and expired subscribers among the predefined segments', async () => {
    const all = (await api.post(`${base}/segments/predefined`)).data.items;
    const byName = (n: string) => all.find((s: { name: string }) => s.name.startsWith(n));
    expect(await names(byName('Nye abonnenter').id)).toEqual(['Ny AS']);
    expect(await names(byName('Abonnement som utløper').id)).toEqual(['Ny AS', 'Utløper AS']);
    expect(await names(byName('Utløpte abonnement').id)).toEqual(['Utløpt AS']);
  });

  it('takes the subscription dates in rules, looking forward with withinNextDays', async () => {
    const count = async (rule: unknown) =>
      (await api.post(`${base}/segments/count`, { rule })).data;
    expect(await count({ field: 'nextSubscriptionEnd', op: 'withinNextDays', value: 7 })).toEqual({
      count: 1,
    });
    expect(await count({ field: 'subscriptionStart', op: 'exists' })).toEqual({ count: 5 });
    expect(await count({ field: 'subscriptionEnd', op: 'after', value: today })).toEqual({
      count: 3,
    });
    // Looking forward works on any date field, and today is within it.
    expect(await count({ field: 'createdAt', op: 'withinNextDays', value: 30 })).toEqual({
      count: 6,
    });
    const bad = await api.post(`${base}/segments/count`, {
      rule: { field: 'subscriptionEnd', op: 'withinNextDays', value: 'soon' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].field).toBe('rule.value');
  });
});
