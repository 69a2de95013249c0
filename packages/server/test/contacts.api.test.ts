import { beforeAll, expect, it } from 'vitest';
import { addTimelineEntry } from '../src/modules/contacts/timeline.service';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

describeEachStore('contact register', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Kontakt AS'));
  });

  const fjord = {
    name: 'Fjordlys Kafé AS',
    orgNumber: '923 609 016',
    email: 'Post@Fjordlys.no',
    phone: '900 12 345',
    website: 'https://fjordlys.no',
    paymentTermsDays: 14,
    customer: true,
    notes: 'Bestiller hver fredag.',
    persons: [
      {
        name: 'Kari Nordmann',
        role: 'Daglig leder',
        email: 'kari@fjordlys.no',
        phone: '+4791234567',
      },
      { name: 'Ola Hansen', role: 'Innkjøp' },
    ],
    addresses: [
      { kind: 'visit', line1: 'Strandkaien 4', postalCode: '5013', city: 'Bergen' },
      { kind: 'invoice', line1: 'Postboks 12', postalCode: '5804', city: 'Bergen' },
    ],
    tags: ['kafé', 'bergen'],
  };

  it('creates an organisation with persons, addresses, tags and a customer number', async () => {
    const created = await api.post(`${base}/contacts`, fjord);
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      kind: 'organisation',
      name: 'Fjordlys Kafé AS',
      orgNumber: '923609016',
      email: 'post@fjordlys.no',
      phone: '+4790012345',
      customerNumber: 10000,
      supplierNumber: null,
      paymentTermsDays: 14,
      tags: ['bergen', 'kafé'],
    });
    expect(created.data.persons.map((p: { name: string }) => p.name)).toEqual([
      'Kari Nordmann',
      'Ola Hansen',
    ]);
    expect(created.data.addresses).toHaveLength(2);
    // The ledger's list of parties sees the same contact.
    const parties = (await api.get(`${base}/parties?kind=customer`)).data.items;
    expect(parties).toEqual([expect.objectContaining({ name: 'Fjordlys Kafé AS' })]);
  });

  it('refuses bad e-mail, phone and org numbers with field errors', async () => {
    const bad = await api.post(`${base}/contacts`, {
      name: 'Feil AS',
      email: 'not-an-address',
      phone: '12345',
      orgNumber: '923609017',
      persons: [{ name: 'X', phone: '+47 1234' }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.data.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'orgNumber', 'persons.0.phone', 'phone']);
  });

  it('accepts international E.164 phone numbers', async () => {
    const ok = await api.post(`${base}/contacts`, {
      kind: 'person',
      name: 'Sven Svensson',
      phone: '+46 70 123 45 67',
      supplier: true,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.data).toMatchObject({ kind: 'person', phone: '+46701234567', supplierNumber: 20000 });
  });

  it('refuses a customer number that another contact has', async () => {
    const dup = await api.post(`${base}/contacts`, { name: 'Dobbel AS', customerNumber: 10000 });
    expect(dup.statusCode).toBe(400);
    expect(dup.data.errors).toEqual([
      expect.objectContaining({ field: 'customerNumber', code: 'duplicate' }),
    ]);
  });

  it('finds contacts by name, e-mail, phone, org number, number and person', async () => {
    const names = async (q: string) =>
      (await api.get(`${base}/contacts?q=${encodeURIComponent(q)}`)).data.items.map(
        (c: { name: string }) => c.name,
      );
    expect(await names('fjord')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('FJORDLYS KAF')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('post@fjord')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('900 12 345')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('4790012')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('923609016')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('10000')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('kari')).toEqual(['Fjordlys Kafé AS']);
    expect(await names('sven')).toEqual(['Sven Svensson']);
    expect(await names('nobody')).toEqual([]);
    const list = await api.get(`${base}/contacts?role=supplier`);
    expect(list.data.items.map((c: { name: string }) => c.name)).toEqual(['Sven Svensson']);
    expect(list.data.total).toBe(2);
    const tagged = await api.get(`${base}/contacts?tag=kaf%C3%A9`);
    expect(tagged.data.items).toHaveLength(1);
  });

  it('changes a contact and keeps the search index right', async () => {
    const id = (await api.get(`${base}/contacts?q=fjord`)).data.items[0].id;
    const changed = await api.put(`${base}/contacts/${id}`, {
      ...fjord,
      name: 'Havblikk Kafé AS',
      supplier: true,
      persons: [{ name: 'Kari Nordmann', role: 'Styreleder' }],
      tags: ['kafé'],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.data).toMatchObject({
      name: 'Havblikk Kafé AS',
      customerNumber: 10000,
      supplierNumber: 20001,
      tags: ['kafé'],
    });
    expect(changed.data.persons).toHaveLength(1);
    expect((await api.get(`${base}/contacts?q=fjordlys`)).data.items).toHaveLength(1); // e-mail
    expect((await api.get(`${base}/contacts?q=havblikk`)).data.items).toHaveLength(1);
    expect((await api.get(`${base}/contacts?q=ola`)).data.items).toHaveLength(0);
    const tags = (await api.get(`${base}/contact-tags`)).data.items;
    expect(tags).toEqual(
      expect.arrayContaining([
        { id: expect.any(Number), name: 'kafé', count: 1 },
        { id: expect.any(Number), name: 'bergen', count: 0 },
      ]),
    );
  });

  it('shows notes, entries of other modules and ledger postings in one timeline', async () => {
    const id = (await api.get(`${base}/contacts?q=havblikk`)).data.items[0].id;
    const invoice = await api.post(`${base}/vouchers`, {
      series: 'S',
      date: `${YEAR}-01-10`,
      description: 'Faktura 1001',
      lines: [
        {
          account: '1500',
          amount: 125_000,
          partyId: id,
          invoiceNumber: '1001',
          dueDate: `${YEAR}-01-24`,
        },
        { account: '3000', amount: -125_000, vatCode: '3' },
      ],
    });
    expect(invoice.statusCode).toBe(201);
    const note = await api.post(`${base}/contacts/${id}/notes`, { title: 'Ringte om levering' });
    expect(note.statusCode).toBe(201);
    await addTimelineEntry(store().db, companyId, id, {
      kind: 'event',
      title: 'Besøkte nettsiden',
      points: 5,
      source: 'crm',
      occurredAt: `${YEAR}-01-05T10:00:00Z`,
    });
    const timeline = (await api.get(`${base}/contacts/${id}/timeline`)).data.items;
    expect(timeline.map((i: { kind: string }) => i.kind)).toEqual(['note', 'voucher', 'event']);
    expect(timeline[1].voucher).toMatchObject({
      ledger: 'customer',
      invoiceNumber: '1001',
      amount: 125_000,
      open: 125_000,
    });
    expect(timeline[2]).toMatchObject({ title: 'Besøkte nettsiden', points: 5 });

    // A contact with postings can be neither deleted nor lose its customer number.
    expect((await api.delete(`${base}/contacts/${id}`)).statusCode).toBe(409);
    const drop = await api.put(`${base}/contacts/${id}`, {
      name: 'Havblikk Kafé AS',
      customer: false,
    });
    expect(drop.statusCode).toBe(400);
    expect(drop.data.errors[0]).toMatchObject({ field: 'customerNumber' });
  });

  it('deletes a contact without postings', async () => {
    const id = (await api.get(`${base}/contacts?q=sven`)).data.items[0].id;
    expect((await api.delete(`${base}/contacts/${id}`)).statusCode).toBe(204);
    expect((await api.get(`${base}/contacts/${id}`)).statusCode).toBe(404);
  });
});
