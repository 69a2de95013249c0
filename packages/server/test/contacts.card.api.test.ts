import { beforeAll, expect, it } from 'vitest';
import { grant } from '../src/modules/admin/member.service';
import { defaultPermissions } from '../src/modules/admin/permissions';
import { ApiClient, adminWithCompany, makeUser } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('contact card panels and lead status events', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;
  let app: Awaited<ReturnType<typeof adminWithCompany>>['app'];
  let party: number;
  let other: number;
  const types: Record<string, number> = {};

  beforeAll(async () => {
    ({ api, base, companyId, app } = await adminWithCompany(store(), 'Kort AS'));
    party = (await api.post(`${base}/contacts`, { name: 'Kaffebar AS', customer: true, tags: [] }))
      .data.id;
    other = (await api.post(`${base}/contacts`, { name: 'Bakeri AS', customer: true, tags: [] }))
      .data.id;
    for (const t of (await api.get(`${base}/crm/event-types`)).data.items) types[t.name] = t.id;
  });

  const segmentNames = async (id: number) =>
    (await api.get(`${base}/contacts/${id}/segments`)).data.items.map(
      (s: { name: string; kind: string }) => `${s.name} (${s.kind})`,
    );

  it('lists the contact’s opportunities with stage, amount, close date and owner', async () => {
    const owners = (await api.get(`${base}/crm/owners`)).data.items;
    const made = await api.post(`${base}/crm/opportunities`, {
      partyId: party,
      title: 'Ny espressomaskin',
      amount: 4_500_050,
      expectedClose: '2026-03-31',
      ownerId: owners[0].id,
    });
    expect(made.statusCode).toBe(201);
    await api.post(`${base}/crm/opportunities`, {
      partyId: other,
      title: 'Ikke denne',
      amount: 100,
      expectedClose: '2026-02-01',
    });
    const answer = await api.get(`${base}/contacts/${party}/opportunities`);
    expect(answer.statusCode).toBe(200);
    expect(answer.data.items).toHaveLength(1);
    expect(answer.data.items[0]).toMatchObject({
      id: made.data.id,
      title: 'Ny espressomaskin',
      amount: 4_500_050,
      expectedClose: '2026-03-31',
      ownerName: owners[0].name,
      stageName: made.data.stageName,
    });
    expect((await api.get(`${base}/contacts/999999/opportunities`)).statusCode).toBe(404);
  });

  it('lists the static, semi-dynamic and dynamic segments the contact is in', async () => {
    const picked = await api.post(`${base}/segments`, { name: 'Utvalgte', kind: 'static' });
    await api.post(`${base}/segments/${picked.data.id}/members`, { partyIds: [party] });
    await api.post(`${base}/segments`, {
      name: 'Kaffe',
      kind: 'dynamic',
      rule: { field: 'name', op: 'contains', value: 'Kaffe' },
    });
    await api.post(`${base}/segments`, {
      name: 'Kaffe blant utvalgte',
      kind: 'dynamic',
      parentId: picked.data.id,
      rule: { field: 'isCustomer', op: 'eq', value: true },
    });
    await api.post(`${base}/segments`, {
      name: 'Bakere',
      kind: 'dynamic',
      rule: { field: 'name', op: 'startsWith', value: 'Bakeri' },
    });
    expect(await segmentNames(party)).toEqual([
      'Kaffe (dynamic)',
      'Kaffe blant utvalgte (dynamic)',
      'Utvalgte (static)',
    ]);
    expect(await segmentNames(other)).toEqual(['Bakere (dynamic)']);
    expect((await api.get(`${base}/contacts/999999/segments`)).statusCode).toBe(404);
  });

  it('puts a lead in a semi-dynamic segment when events move it to the status', async () => {
    const warm = await api.post(`${base}/segments`, {
      name: 'Ble varme',
      kind: 'semi',
      trigger: { event: 'lead.status-changed', status: 'Varm' },
    });
    const anyMove = await api.post(`${base}/segments`, {
      name: 'Alle bevegelser',
      kind: 'semi',
      trigger: { event: 'lead.status-changed' },
    });
    expect(warm.statusCode).toBe(201);
    const members = async (id: number) =>
      (await api.get(`${base}/segments/${id}/members`)).data.items.map(
        (c: { name: string }) => c.name,
      );
    // 5 + 30 points: the lead is created at Kald and moves to Lunken, not yet Varm.
    await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: types['Besøkte nettsiden'],
    });
    await api.post(`${base}/crm/leads/${party}/events`, { eventTypeId: types['Deltok på demo'] });
    expect(await members(warm.data.id)).toEqual([]);
    expect(await members(anyMove.data.id)).toEqual(['Kaffebar AS']);
    // Another demo passes the threshold of Varm (60), which raises the event.
    const third = await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: types['Deltok på demo'],
    });
    expect(third.data.moved).toContain('Varm');
    expect(await members(warm.data.id)).toEqual(['Kaffebar AS']);
    expect(await segmentNames(party)).toContain('Ble varme (semi)');
  });

  it('raises the event when a lead is moved by hand too', async () => {
    const cooled = await api.post(`${base}/segments`, {
      name: 'Kjølt ned',
      kind: 'semi',
      trigger: { event: 'lead.status-changed', status: 'Lunken' },
    });
    const statuses = (await api.get(`${base}/crm/lead-statuses`)).data.items;
    const lukewarm = statuses.find((s: { name: string }) => s.name === 'Lunken');
    await api.post(`${base}/crm/leads`, { partyId: other });
    const members = async () =>
      (await api.get(`${base}/segments/${cooled.data.id}/members`)).data.items.map(
        (c: { name: string }) => c.name,
      );
    expect(await members()).toEqual([]);
    const moved = await api.patch(`${base}/crm/leads/${other}`, { statusId: lukewarm.id });
    expect(moved.statusCode).toBe(200);
    expect(await members()).toEqual(['Bakeri AS']);
  });

  it('keeps the CRM panels from those who may see contacts but not the CRM', async () => {
    const user = await makeUser(store());
    const permissions = { ...defaultPermissions('user'), crm: 'none' as const };
    await grant(store().db, companyId, { id: user.id }, { role: 'user', permissions });
    const seller = new ApiClient(app);
    await seller.login(user.email, user.password);
    expect((await seller.get(`${base}/contacts/${party}`)).statusCode).toBe(200);
    for (const panel of ['opportunities', 'segments']) {
      const refused = await seller.get(`${base}/contacts/${party}/${panel}`);
      expect(refused.statusCode).toBe(403);
    }
  });
});
