import { isValidKid } from '@nordbok/formats';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, adminWithCompany, makeUser } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;

interface Posting {
  account: string;
  amount: number;
  partyId: number | null;
  kid: string | null;
}

interface ProposalInvoice {
  documentId: number;
  number: number;
  level: number;
  daysOverdue: number;
  interest: number | null;
  open: number;
}

interface ProposalCustomer {
  partyId: number;
  fee: number;
  invoices: ProposalInvoice[];
  collection: ProposalInvoice[];
}

describeEachStore('reminders and interest notes', (store) => {
  let app: ConstructorParameters<typeof ApiClient>[0];
  let api: ApiClient;
  let base: string;

  const invoice = async (partyId: number, date: string, dueDate: string, amount: number) => {
    const res = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId,
      date,
      dueDate,
      lines: [{ description: 'Rådgivning', quantity: 1, unitPrice: amount, vatCode: '6' }],
    });
    expect(res.statusCode).toBe(201);
    return res.data as { id: number; number: number; gross: number; kid: string };
  };
  const proposal = async (date: string) => {
    const res = await api.get(`${base}/reminder-proposal?date=${date}`);
    expect(res.statusCode).toBe(200);
    return res.data as { fee: number; maxFee: number; customers: ProposalCustomer[] };
  };
  const customerIn = (p: { customers: ProposalCustomer[] }, partyId: number) =>
    p.customers.find((c) => c.partyId === partyId);
  const party = async (name: string) =>
    (await api.post(`${base}/parties`, { name, customer: true })).data.id as number;

  beforeAll(async () => {
    ({ app, api, base } = await adminWithCompany(store(), 'Purring AS'));
    // The rate rises from 1 April in this test's year; the inkassosats stays at 700,00.
    const res = await api.put(`/api/v1/late-payment-rates/${day('04-01')}`, {
      interestBasisPoints: 1500,
      inkassosats: 70_000,
    });
    expect(res.statusCode).toBe(200);
  });

  it('lists the rates for members and lets only installation administrators change them', async () => {
    const rates = (await api.get(`${base}/late-payment-rates`)).data.items;
    expect(rates.map((r: { validFrom: string }) => r.validFrom)).toEqual(
      expect.arrayContaining(['2025-01-01', day('04-01')]),
    );
    const plain = await makeUser(store());
    const other = new ApiClient(app);
    await other.login(plain.email, plain.password);
    const refused = await other.put(`/api/v1/late-payment-rates/${day('07-01')}`, {
      interestBasisPoints: 1400,
      inkassosats: 70_000,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('proposes only invoices 14 days past due, with interest exact across a change of rate', async () => {
    const customer = await party('Sen Betaler AS');
    const late = await invoice(customer, day('02-15'), day('03-01'), 1_000_000);
    const recent = await invoice(customer, day('04-10'), day('04-20'), 50_000);
    const p = await proposal(day('04-30'));
    const c = customerIn(p, customer)!;
    expect(c.invoices.map((i) => i.documentId)).toEqual([late.id]);
    expect(c.invoices.map((i) => i.documentId)).not.toContain(recent.id);
    // 10 000,00 from 2 March: 30 days at 12,5 % = 102,74, then 30 days at 15 % = 123,29.
    expect(c.invoices[0]).toMatchObject({ level: 1, daysOverdue: 60, interest: 10_274 + 12_329 });
    // Exactly 14 days after the due date is the first day a reminder may go.
    expect(customerIn(await proposal(day('05-04')), customer)!.invoices).toHaveLength(2);
    expect(customerIn(await proposal(day('05-03')), customer)!.invoices).toHaveLength(1);
  });

  it('caps the fee at 1/20 of the inkassosats', async () => {
    const settings = (await api.get(`${base}/sales-settings`)).data;
    const saved = await api.put(`${base}/sales-settings`, { ...settings, reminderFee: 7_000 });
    expect(saved.statusCode).toBe(200);
    const p = await proposal(day('04-30'));
    expect(p).toMatchObject({ fee: 3_500, maxFee: 3_500 });
    expect(p.customers.filter((c) => c.invoices.length > 0).every((c) => c.fee === 3_500)).toBe(
      true,
    );
    await api.put(`${base}/sales-settings`, { ...settings, reminderFee: 2_500 });
    expect((await proposal(day('04-30'))).fee).toBe(2_500);
    await api.put(`${base}/sales-settings`, settings);
  });

  it('creates reminders: the fee on 1500/3900 with a new KID, invoices reminded; a third is refused', async () => {
    const customer = await party('Treg Kunde AS');
    const inv = await invoice(customer, day('01-05'), day('01-20'), 200_000);
    const first = await api.post(`${base}/reminders`, {
      date: day('02-10'),
      partyIds: [customer],
      interest: true,
    });
    expect(first.statusCode).toBe(201);
    const reminderItem = first.data.items.find((i: { kind: string }) => i.kind === 'reminder');
    const noteItem = first.data.items.find((i: { kind: string }) => i.kind === 'interest_note');
    expect(reminderItem).toMatchObject({ partyId: customer, gross: 3_500 });
    expect(reminderItem.invoiceNumbers).toEqual([inv.number]);

    const reminder = (await api.get(`${base}/documents/${reminderItem.documentId}`)).data;
    expect(reminder.kind).toBe('reminder');
    expect(reminder.lines).toHaveLength(1);
    expect(reminder.lines[0]).toMatchObject({ description: 'Purregebyr', vatCode: null });
    expect(reminder.sources).toEqual([
      expect.objectContaining({ documentId: inv.id, amount: 200_000 }),
    ]);
    expect(isValidKid(reminder.kid)).toBe(true);
    expect(reminder.kid).not.toBe(inv.kid);
    // Reminders number on from the invoices, so no claim shares a number or a KID.
    expect(reminder.number).toBeGreaterThan(inv.number);
    const postings: Posting[] = (await api.get(`${base}/vouchers/${reminder.voucherId}`)).data
      .postings;
    expect(postings.find((p) => p.account === '1500')).toMatchObject({
      amount: 3_500,
      partyId: customer,
      kid: reminder.kid,
    });
    expect(postings.find((p) => p.account === '3900')).toMatchObject({ amount: -3_500 });

    // 2 000,00 late 21 days at 12,5 %: 14,38.
    const note = (await api.get(`${base}/documents/${noteItem.documentId}`)).data;
    expect(note.number).toBeGreaterThan(reminder.number);
    expect(note.kid).not.toBe(reminder.kid);
    expect(note.kind).toBe('interest_note');
    expect(note.gross).toBe(1_438);
    expect(note.lines[0]).toMatchObject({
      description: `Forsinkelsesrente faktura ${inv.number}, 21 dager`,
      account: '8050',
      vatCode: null,
    });

    const reminded = (await api.get(`${base}/documents/${inv.id}`)).data;
    expect(reminded.status).toBe(7);
    expect(reminded.reminderLevel).toBe(1);
    expect(reminded.events.map((e: { kind: string }) => e.kind)).toContain('reminded');

    // Not again before 14 days after the first reminder.
    expect(customerIn(await proposal(day('02-23')), customer)).toBeUndefined();
    const early = await api.post(`${base}/reminders`, {
      date: day('02-23'),
      partyIds: [customer],
      interest: false,
    });
    expect(early.statusCode).toBe(400);
    expect(early.data.errors[0].field).toBe('partyIds');

    const second = customerIn(await proposal(day('02-24')), customer)!;
    expect(second.invoices[0]).toMatchObject({ documentId: inv.id, level: 2 });
    // Interest counts from the last interest note now: 14 days.
    expect(second.invoices[0]!.interest).toBe(959);
    const secondRes = await api.post(`${base}/reminders`, {
      date: day('02-24'),
      partyIds: [customer],
      interest: false,
    });
    expect(secondRes.statusCode).toBe(201);
    expect((await api.get(`${base}/documents/${inv.id}`)).data.reminderLevel).toBe(2);

    // A third reminder is not proposed: the invoice is listed for debt collection.
    const third = customerIn(await proposal(day('04-30')), customer)!;
    expect(third.invoices).toEqual([]);
    expect(third.fee).toBe(0);
    expect(third.collection.map((i) => i.documentId)).toEqual([inv.id]);
    const refused = await api.post(`${base}/reminders`, {
      date: day('04-30'),
      partyIds: [customer],
      interest: false,
    });
    expect(refused.statusCode).toBe(400);
    expect((await api.get(`${base}/documents/${inv.id}`)).data.reminderLevel).toBe(2);
  });

  it('makes a reminder without a fee and without a voucher when the fee is zero', async () => {
    const settings = (await api.get(`${base}/sales-settings`)).data;
    await api.put(`${base}/sales-settings`, { ...settings, reminderFee: 0 });
    const customer = await party('Gratis Purring AS');
    const inv = await invoice(customer, day('01-02'), day('01-16'), 10_000);
    const res = await api.post(`${base}/reminders`, {
      date: day('02-01'),
      partyIds: [customer],
      interest: false,
    });
    await api.put(`${base}/sales-settings`, settings);
    expect(res.statusCode).toBe(201);
    const reminder = (await api.get(`${base}/documents/${res.data.items[0].documentId}`)).data;
    expect(reminder).toMatchObject({ gross: 0, voucherId: null, lines: [] });
    expect((await api.get(`${base}/documents/${inv.id}`)).data.status).toBe(7);
  });

  it('leaves paid invoices out', async () => {
    const customer = await party('Betaler Alltid AS');
    const inv = await invoice(customer, day('01-02'), day('01-16'), 10_000);
    await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('01-15'),
      amount: inv.gross,
      allocations: [{ documentId: inv.id, amount: inv.gross }],
    });
    expect(customerIn(await proposal(day('03-01')), customer)).toBeUndefined();
  });
});
