import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany, makeUser } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('crm opportunities', (store) => {
  let api: ApiClient;
  let base: string;
  let party: number;
  let stages: { id: number; name: string; outcome: string }[];
  const stage = (name: string) => stages.find((s) => s.name === name)?.id;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Salg AS'));
    party = (await api.post(`${base}/parties`, { name: 'Hotell Fjord AS', customer: true })).data
      .id;
    stages = (await api.get(`${base}/crm/stages`)).data.items;
  });

  it('starts with default stages from initial to won and lost', () => {
    expect(stages.map((s) => [s.name, s.outcome])).toEqual([
      ['Kvalifisering', 'open'],
      ['Behovsanalyse', 'open'],
      ['Tilbud sendt', 'open'],
      ['Forhandling', 'open'],
      ['Vunnet', 'won'],
      ['Tapt', 'lost'],
    ]);
  });

  it('creates an opportunity with owner and weights its amount by the stage probability', async () => {
    const owners = (await api.get(`${base}/crm/owners`)).data.items;
    expect(owners).toHaveLength(1);
    const created = await api.post(`${base}/crm/opportunities`, {
      partyId: party,
      title: 'Kaffeavtale 2027',
      amount: 12_345_67,
      expectedClose: '2027-02-15',
      ownerId: owners[0].id,
      stageId: stage('Behovsanalyse'),
    });
    expect(created.statusCode).toBe(201);
    // 1 234 567 øre × 25 % = 308 641,75 → 308 642 øre, half away from zero.
    expect(created.data).toMatchObject({
      partyName: 'Hotell Fjord AS',
      stageName: 'Behovsanalyse',
      probability: 25,
      weighted: 308_642,
      ownerName: owners[0].name,
    });
    const moved = await api.patch(`${base}/crm/opportunities/${created.data.id}`, {
      stageId: stage('Vunnet'),
    });
    expect(moved.data).toMatchObject({ outcome: 'won', weighted: 12_345_67 });
    const detail = (await api.get(`${base}/crm/opportunities/${created.data.id}`)).data;
    expect(detail.history.map((h: { stageName: string }) => h.stageName)).toEqual([
      'Behovsanalyse',
      'Vunnet',
    ]);
    const won = (await api.get(`${base}/crm/opportunities?outcome=won`)).data.items;
    expect(won).toHaveLength(1);
    const timeline = await store()
      .db.selectFrom('contact_timeline')
      .select('title')
      .where('party_id', '=', party)
      .orderBy('id')
      .execute();
    expect(timeline.map((t) => t.title)).toEqual([
      'Salgsmulighet «Kaffeavtale 2027»: Behovsanalyse',
      'Salgsmulighet «Kaffeavtale 2027»: vunnet',
    ]);
  });

  it.each([
    [{ amount: 1.5 }, 'amount'],
    [{ amount: -100 }, 'amount'],
    [{ expectedClose: '2027-02-30' }, 'expectedClose'],
    [{ title: ' ' }, 'title'],
    [{ partyId: 99999 }, 'partyId'],
    [{ stageId: 99999 }, 'stageId'],
  ])('refuses %j, naming the field', async (change, field) => {
    const response = await api.post(`${base}/crm/opportunities`, {
      partyId: party,
      title: 'X',
      amount: 100,
      expectedClose: '2027-01-01',
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses an owner who is not a user of the company', async () => {
    const outsider = await makeUser(store());
    const response = await api.post(`${base}/crm/opportunities`, {
      partyId: party,
      title: 'X',
      amount: 100,
      expectedClose: '2027-01-01',
      ownerId: outsider.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors[0].field).toBe('ownerId');
  });

  it('configures stages and refuses open stages after closed ones', async () => {
    const input = stages.map((s) => ({
      id: s.id,
      name: s.name,
      probability:
        s.name === 'Forhandling' ? 80 : (s as unknown as { probability: number }).probability,
      outcome: s.outcome,
    }));
    const saved = await api.put(`${base}/crm/stages`, { stages: input });
    expect(saved.statusCode).toBe(200);
    expect(
      saved.data.items.find((s: { name: string }) => s.name === 'Forhandling').probability,
    ).toBe(80);
    const wrong = await api.put(`${base}/crm/stages`, {
      stages: [...input.slice(4), ...input.slice(0, 4)],
    });
    expect(wrong.statusCode).toBe(400);
  });
});
