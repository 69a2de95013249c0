import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { cli, cliInstallation } from './support/cli';
import { DIALECTS, describeEachStore } from './support/stores';

const today = new Date().toISOString().slice(0, 10);

describeEachStore('segments', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Segment AS'));
    const make = async (name: string, extra: object) => {
      const r = await api.post(`${base}/contacts`, { name, ...extra });
      if (r.statusCode !== 201) throw new Error(r.body);
      ids[name] = r.data.id;
    };
    await make('Kafé Én AS', { customer: true, tags: ['kafé'], email: 'post@kafe1.no' });
    await make('Kafé To AS', { customer: true, tags: ['kafé'] });
    await make('Kafé Leverandør AS', { supplier: true, tags: ['kafé'] });
    await make('Hotell AS', { customer: true, tags: ['hotell'] });
    // A customer invoice today makes Kafé Én an active customer.
    const invoice = await api.post(`${base}/vouchers`, {
      series: 'S',
      date: today,
      description: 'Faktura 1',
      lines: [
        { account: '1500', amount: 100_000, partyId: ids['Kafé Én AS'], dueDate: today },
        { account: '3000', amount: -100_000, vatCode: '3' },
      ],
    });
    if (invoice.statusCode !== 201) throw new Error(invoice.body);
  });

  const names = async (id: number) =>
    (await api.get(`${base}/segments/${id}/members`)).data.items.map(
      (c: { name: string }) => c.name,
    );

  it('evaluates a dynamic rule and keeps a child within its parent', async () => {
    const cafes = await api.post(`${base}/segments`, {
      name: 'Kaféer',
      kind: 'dynamic',
      rule: { field: 'tag', op: 'eq', value: 'kafé' },
    });
    expect(cafes.statusCode).toBe(201);
    expect(cafes.data.size).toBe(3);
    const customers = await api.post(`${base}/segments`, {
      name: 'Kafékunder',
      kind: 'dynamic',
      parentId: cafes.data.id,
      rule: { field: 'isCustomer', op: 'eq', value: true },
    });
    // Hotell AS is a customer too, but not in the parent.
    expect(await names(customers.data.id)).toEqual(['Kafé To AS', 'Kafé Én AS']);
    const live = await api.post(`${base}/segments/count`, {
      parentId: cafes.data.id,
      rule: {
        all: [
          { field: 'email', op: 'contains', value: 'KAFE1' },
          { not: { field: 'isSupplier', op: 'eq', value: true } },
        ],
      },
    });
    expect(live.data).toEqual({ count: 1 });
  });

  it('refuses a rule that cannot be evaluated, and does not save it', async () => {
    const before = (await api.get(`${base}/segments`)).data.items.length;
    for (const rule of [
      { field: 'shoeSize', op: 'eq', value: 42 },
      { field: 'leadPoints', op: 'contains', value: 'x' },
      { all: [{ field: 'lastPurchase', op: 'withinDays', value: 'a year' }] },
      'everyone',
    ]) {
      const bad = await api.post(`${base}/segments`, { name: 'Feil', kind: 'dynamic', rule });
      expect(bad.statusCode).toBe(400);
      expect(bad.data.errors[0].field).toMatch(/^rule/);
    }
    const bad = await api.post(`${base}/segments/count`, {
      rule: { all: [{ field: 'lastPurchase', op: 'withinDays', value: 'a year' }] },
    });
    expect(bad.data.errors[0]).toMatchObject({ field: 'rule.all.0.value' });
    expect((await api.get(`${base}/segments`)).data.items.length).toBe(before);
  });

  it('adds contacts to semi-dynamic segments when events happen', async () => {
    const vip = await api.post(`${base}/segments`, {
      name: 'VIP',
      kind: 'semi',
      trigger: { event: 'tag.added', tag: 'vip' },
    });
    const newOnes = await api.post(`${base}/segments`, {
      name: 'Nye kontakter',
      kind: 'semi',
      trigger: { event: 'contact.created' },
    });
    expect(vip.data.size).toBe(0);
    await api.put(`${base}/contacts/${ids['Hotell AS']}`, {
      name: 'Hotell AS',
      tags: ['hotell', 'vip'],
    });
    expect(await names(vip.data.id)).toEqual(['Hotell AS']);
    await api.post(`${base}/contacts`, { name: 'Ny Kunde AS', customer: true });
    expect(await names(newOnes.data.id)).toEqual(['Ny Kunde AS']);
    const noTrigger = await api.post(`${base}/segments`, { name: 'Uten', kind: 'semi' });
    expect(noTrigger.data.errors[0]).toMatchObject({ field: 'trigger' });
  });

  it('keeps static members by hand, with dynamic sub-levels inside', async () => {
    const picked = await api.post(`${base}/segments`, { name: 'Utvalgte', kind: 'static' });
    await api.post(`${base}/segments/${picked.data.id}/members`, {
      partyIds: [ids['Kafé To AS'], ids['Kafé Leverandør AS']],
    });
    const sub = await api.post(`${base}/segments`, {
      name: 'Utvalgte leverandører',
      kind: 'dynamic',
      parentId: picked.data.id,
      rule: { field: 'isSupplier', op: 'eq', value: true },
    });
    expect(await names(sub.data.id)).toEqual(['Kafé Leverandør AS']);
    await api.delete(`${base}/segments/${picked.data.id}/members/${ids['Kafé Leverandør AS']}`);
    expect(await names(sub.data.id)).toEqual([]);
    const cycle = await api.put(`${base}/segments/${picked.data.id}`, {
      name: 'Utvalgte',
      kind: 'static',
      parentId: sub.data.id,
    });
    expect(cycle.data.errors[0]).toMatchObject({ field: 'parentId' });
  });

  it('installs the predefined segments: active and inactive customers by invoice', async () => {
    const all = (await api.post(`${base}/segments/predefined`)).data.items;
    const byName = (n: string) => all.find((s: { name: string }) => s.name.startsWith(n));
    expect(await names(byName('Aktive kunder').id)).toEqual(['Kafé Én AS']);
    expect(await names(byName('Inaktive kunder').id)).toEqual([
      'Hotell AS',
      'Kafé To AS',
      'Ny Kunde AS',
    ]);
    expect(await names(byName('Nye kunder').id)).toEqual(['Kafé Én AS']);
    expect(byName('Varme ledetråder').size).toBe(0);
    // Installing twice adds nothing.
    const again = (await api.post(`${base}/segments/predefined`)).data.items;
    expect(again.length).toBe(all.length);
  });

  it('records daily sizes and compares two periods', async () => {
    const segment = (await api.get(`${base}/segments`)).data.items.find(
      (s: { name: string }) => s.name === 'Kaféer',
    );
    // Listing recorded today's size; an earlier day is put in as a cron run would have.
    await store()
      .db.insertInto('segment_snapshots')
      .values({ company_id: companyId, segment_id: segment.id, day: '2026-01-10', size: 2 })
      .execute();
    const trend = await api.get(
      `${base}/segments/${segment.id}/trend?from=2026-01-01&to=${today}&compareTo=2026-01-31`,
    );
    expect(trend.statusCode).toBe(200);
    expect(trend.data.points).toEqual([
      { day: '2026-01-10', size: 2 },
      { day: today, size: 3 },
    ]);
    expect(trend.data.comparison).toMatchObject({ earlier: 2, later: 3, change: 1, percent: 50 });
  });
});

describe.each(DIALECTS)('nordbok segments snapshot [%s]', (dialect) => {
  let installation: Awaited<ReturnType<typeof cliInstallation>>;
  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-segments-');
  });
  afterAll(async () => installation?.remove());

  it('records the sizes of every segment of a company', async () => {
    const created = await cli(
      installation.env,
      'company',
      'create',
      '--name',
      'Cron AS',
      '--orgnr',
      '923609016',
      '--json',
    );
    const id = JSON.parse(created.stdout).id;
    const run = await cli(
      installation.env,
      'segments',
      'snapshot',
      '--company',
      String(id),
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ companyId: id, segments: [] });
    const bad = await cli(installation.env, 'segments', 'snapshot', '--company', '999999');
    expect(bad.code).not.toBe(0);
  });
});
