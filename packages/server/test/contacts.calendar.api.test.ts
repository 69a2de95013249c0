import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('calendar', (store) => {
  let api: ApiClient;
  let base: string;
  let partyId: number;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Kalender AS'));
    partyId = (await api.post(`${base}/contacts`, { name: 'Møtekunde AS', customer: true })).data
      .id;
  });

  const at = (day: string, time: string) => `2026-03-${day}T${time}:00.000Z`;

  it('creates appointments linked to a contact and finds them by range', async () => {
    const meeting = await api.post(`${base}/appointments`, {
      title: 'Smaking av høstkaffe',
      kind: 'meeting',
      startsAt: at('10', '09:00'),
      endsAt: at('10', '10:30'),
      location: 'Bryggen 14',
      partyId,
    });
    expect(meeting.statusCode).toBe(201);
    expect(meeting.data).toMatchObject({ partyName: 'Møtekunde AS', kind: 'meeting' });
    // A three-day fair that starts before the week asked for still shows in it.
    await api.post(`${base}/appointments`, {
      title: 'Kaffemesse',
      kind: 'event',
      startsAt: at('08', '08:00'),
      endsAt: at('10', '16:00'),
    });
    await api.post(`${base}/appointments`, {
      title: 'Neste uke',
      startsAt: at('17', '08:00'),
      endsAt: at('17', '09:00'),
    });
    const week = await api.get(
      `${base}/appointments?from=${at('09', '00:00')}&to=${at('16', '00:00')}`,
    );
    expect(week.statusCode).toBe(200);
    expect(week.data.items.map((a: { title: string }) => a.title)).toEqual([
      'Kaffemesse',
      'Smaking av høstkaffe',
    ]);
    const forContact = await api.get(
      `${base}/appointments?from=${at('01', '00:00')}&to=2026-04-01T00:00:00Z&partyId=${partyId}`,
    );
    expect(forContact.data.items).toHaveLength(1);
    // It shows on the contact card's timeline.
    const timeline = (await api.get(`${base}/contacts/${partyId}/timeline`)).data.items;
    expect(timeline[0]).toMatchObject({ kind: 'appointment', title: 'Smaking av høstkaffe' });
  });

  it('refuses an end before the start, unknown links and moves an appointment', async () => {
    const bad = await api.post(`${base}/appointments`, {
      title: 'Feil',
      startsAt: at('10', '10:00'),
      endsAt: at('10', '09:00'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0]).toMatchObject({ field: 'endsAt' });
    const unknown = await api.post(`${base}/appointments`, {
      title: 'Feil',
      startsAt: at('10', '10:00'),
      endsAt: at('10', '11:00'),
      partyId: 999_999,
      opportunityId: 999_999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0]).toMatchObject({ field: 'partyId' });

    const created = await api.post(`${base}/appointments`, {
      title: 'Telefon',
      kind: 'call',
      startsAt: at('11', '12:00'),
      endsAt: at('11', '12:15'),
    });
    const moved = await api.put(`${base}/appointments/${created.data.id}`, {
      title: 'Telefon',
      kind: 'call',
      startsAt: at('12', '12:00'),
      endsAt: at('12', '12:15'),
    });
    expect(moved.data.startsAt).toBe(at('12', '12:00'));
    expect((await api.delete(`${base}/appointments/${created.data.id}`)).statusCode).toBe(204);
    expect((await api.get(`${base}/appointments/${created.data.id}`)).statusCode).toBe(404);
  });
});
