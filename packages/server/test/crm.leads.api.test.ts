import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('crm lead funnel', (store) => {
  let api: ApiClient;
  let base: string;
  let party: number;
  const types: Record<string, number> = {};

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Lead AS'));
    party = (await api.post(`${base}/parties`, { name: 'Kaffebrenner AS', customer: true })).data
      .id;
    for (const t of (await api.get(`${base}/crm/event-types`)).data.items) types[t.name] = t.id;
  });

  it('starts a company with the default statuses and event types', async () => {
    const statuses = (await api.get(`${base}/crm/lead-statuses`)).data.items;
    expect(statuses.map((s: { name: string; threshold: number }) => [s.name, s.threshold])).toEqual(
      [
        ['Kald', 0],
        ['Lunken', 30],
        ['Varm', 60],
        ['Klar for salg', 85],
      ],
    );
    expect(types['Deltok på demo']).toBeTypeOf('number');
  });

  it('adds points per event and moves the lead up when a threshold is passed', async () => {
    const first = await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: types['Besøkte nettsiden'],
      occurredAt: '2026-01-05T10:00:00Z',
    });
    expect(first.statusCode).toBe(201);
    expect(first.data.lead).toMatchObject({ points: 5, statusName: 'Kald' });
    expect(first.data.moved).toEqual([]);
    const demo = await api.post(`${base}/crm/leads/${party}/events`, {
      eventTypeId: types['Deltok på demo'],
      occurredAt: '2026-01-20T10:00:00Z',
    });
    expect(demo.data.lead).toMatchObject({ points: 35, statusName: 'Lunken' });
    expect(demo.data.moved).toEqual(['Lunken']);
    const detail = (await api.get(`${base}/crm/leads/${party}`)).data;
    expect(
      detail.history.map((h: { statusName: string; reachedAt: string }) => [
        h.statusName,
        h.reachedAt,
      ]),
    ).toEqual([
      ['Kald', '2026-01-05T10:00:00.000Z'],
      ['Lunken', '2026-01-20T10:00:00.000Z'],
    ]);
    expect(detail.events).toHaveLength(2);
  });

  it('passes several statuses at once and never goes above 100 points', async () => {
    const more = await api.post(`${base}/crm/event-types`, {
      name: 'Signerte intensjonsavtale',
      points: 100,
    });
    expect(more.statusCode).toBe(201);
    const jump = await api.post(`${base}/crm/leads/${party}/events`, { eventTypeId: more.data.id });
    expect(jump.data.lead).toMatchObject({ points: 100, statusName: 'Klar for salg' });
    expect(jump.data.moved).toEqual(['Varm', 'Klar for salg']);
  });

  it('starts a lead at any status and moves it by hand', async () => {
    const other = (await api.post(`${base}/parties`, { name: 'Varm Start AS', customer: true }))
      .data.id;
    const statuses = (await api.get(`${base}/crm/lead-statuses`)).data.items;
    const warm = statuses.find((s: { name: string }) => s.name === 'Varm');
    const created = await api.post(`${base}/crm/leads`, { partyId: other, statusId: warm.id });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ points: 60, statusName: 'Varm' });
    const again = await api.post(`${base}/crm/leads`, { partyId: other });
    expect(again.statusCode).toBe(400);
    expect(again.data.errors[0]).toMatchObject({ field: 'partyId', code: 'duplicate' });
    const moved = await api.patch(`${base}/crm/leads/${other}`, { statusId: statuses[0].id });
    expect(moved.data).toMatchObject({ statusName: 'Kald', points: 60 });
    const leads = (await api.get(`${base}/crm/leads`)).data.items;
    expect(leads.map((l: { name: string }) => l.name)).toEqual([
      'Kaffebrenner AS',
      'Varm Start AS',
    ]);
  });

  it('refuses statuses whose thresholds do not rise and removing a status with leads', async () => {
    const statuses = (await api.get(`${base}/crm/lead-statuses`)).data.items;
    const bad = await api.put(`${base}/crm/lead-statuses`, {
      statuses: [
        { name: 'Kald', threshold: 0 },
        { name: 'Varm', threshold: 0 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].field).toBe('statuses.1.threshold');
    const removing = await api.put(`${base}/crm/lead-statuses`, {
      statuses: statuses.slice(1).map((s: { id: number; name: string; threshold: number }) => ({
        id: s.id,
        name: s.name,
        threshold: s.threshold,
      })),
    });
    expect(removing.statusCode).toBe(409);
    const renamed = await api.put(`${base}/crm/lead-statuses`, {
      statuses: [
        ...statuses.map((s: { id: number; name: string; threshold: number }) => ({
          id: s.id,
          name: s.name === 'Lunken' ? 'Interessert' : s.name,
          threshold: s.name === 'Lunken' ? 40 : s.threshold,
        })),
        { name: 'Kunde', threshold: 100 },
      ],
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.data.items.map((s: { name: string }) => s.name)).toEqual([
      'Kald',
      'Interessert',
      'Varm',
      'Klar for salg',
      'Kunde',
    ]);
  });

  it('refuses an unknown event type and a contact of another company', async () => {
    const unknown = await api.post(`${base}/crm/leads/${party}/events`, { eventTypeId: 99999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0].field).toBe('eventTypeId');
    const nobody = await api.post(`${base}/crm/leads/99999/events`, {
      eventTypeId: types['Åpnet e-post'],
    });
    expect(nobody.statusCode).toBe(400);
  });

  it('writes events and status moves on the contact timeline and the contact', async () => {
    const rows = await store()
      .db.selectFrom('contact_timeline')
      .select(['kind', 'title'])
      .where('party_id', '=', party)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.kind)).toEqual([
      'lead',
      'event',
      'event',
      'lead',
      'event',
      'lead',
      'lead',
    ]);
    const contact = await store()
      .db.selectFrom('parties')
      .select(['is_lead'])
      .where('id', '=', party)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ is_lead: 1 });
  });
});
