import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;
const leap = (YEAR % 4 === 0 && YEAR % 100 !== 0) || YEAR % 400 === 0;

describeEachStore('recurring documents and subscriptions', (store) => {
  let api: ApiClient;
  let base: string;
  let customer: number;
  let other: number;
  let magazine: number;
  let support: number;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Faste AS'));
    customer = (await api.post(`${base}/parties`, { name: 'Kontor Øst AS', customer: true })).data
      .id;
    other = (await api.post(`${base}/parties`, { name: 'Butikk Vest AS', customer: true })).data.id;
    magazine = (
      await api.post(`${base}/inventory/items`, {
        number: 'A1',
        kind: 'subscription',
        name: 'Fagblad',
        unit: 'stk',
        salesPrice: 20_000,
        subscriptionPeriod: 'month',
      })
    ).data.id;
    support = (
      await api.post(`${base}/inventory/items`, {
        number: 'A2',
        kind: 'subscription',
        name: 'Support',
        unit: 'stk',
        salesPrice: 120_000,
        subscriptionPeriod: 'quarter',
        subscriptionRenewal: 'manual',
      })
    ).data.id;
  });

  it('keeps a recurring invoice, proposes what is due and makes it once, keeping the 31st', async () => {
    const made = await api.post(`${base}/recurring`, {
      partyId: customer,
      kind: 'invoice',
      description: 'Husleie kontor',
      interval: 'monthly',
      nextDate: day('01-31'),
      lines: [{ description: 'Leie', quantity: 1, unitPrice: 1_000_000, account: '3000' }],
    });
    expect(made.statusCode).toBe(201);
    expect(made.data).toMatchObject({
      nextDate: day('01-31'),
      net: 1_000_000,
      vat: 250_000,
      gross: 1_250_000,
      documentCount: 0,
      active: true,
    });
    const id = made.data.id;

    const proposal = await api.get(`${base}/recurring-proposal?date=${day('04-15')}`);
    expect(proposal.statusCode).toBe(200);
    const mine = proposal.data.items.filter((i: { recurringId: number }) => i.recurringId === id);
    expect(mine.map((i: { date: string }) => i.date)).toEqual([
      day('01-31'),
      day(leap ? '02-29' : '02-28'),
      day('03-31'),
    ]);
    expect(mine[0]).toMatchObject({ partyName: 'Kontor Øst AS', gross: 1_250_000 });

    const run = await api.post(`${base}/recurring-run`, { date: day('04-15'), ids: [id] });
    expect(run.statusCode).toBe(200);
    expect(run.data.created).toHaveLength(3);
    const invoice = (await api.get(`${base}/documents/${run.data.created[2].id}`)).data;
    expect(invoice).toMatchObject({ kind: 'invoice', date: day('03-31'), gross: 1_250_000 });
    expect(invoice.voucherId).not.toBeNull();
    // The day is the series' own: after the short February the invoices are on the 31st again.
    const after = (await api.get(`${base}/recurring/${id}`)).data;
    expect(after).toMatchObject({
      nextDate: day('04-30'),
      documentCount: 3,
      lastDocumentDate: day('03-31'),
    });

    const again = await api.post(`${base}/recurring-run`, { date: day('04-15') });
    expect(again.data.created).toEqual([]);
    const later = await api.get(`${base}/recurring-proposal?date=${day('05-31')}`);
    expect(
      later.data.items
        .filter((i: { recurringId: number }) => i.recurringId === id)
        .map((i: { date: string }) => i.date),
    ).toEqual([day('04-30'), day('05-31')]);
  });

  it('stops at the end date, prices item lines as a document does, and refuses bad input', async () => {
    const made = await api.post(`${base}/recurring`, {
      partyId: other,
      kind: 'order',
      description: 'Kvartalsvis levering',
      interval: 'quarterly',
      nextDate: day('01-15'),
      endDate: day('06-30'),
      lines: [{ itemId: magazine, quantity: 2 }],
    });
    expect(made.statusCode).toBe(201);
    expect(made.data).toMatchObject({ net: 40_000, gross: 50_000 });
    const run = await api.post(`${base}/recurring-run`, {
      date: day('12-31'),
      ids: [made.data.id],
    });
    expect(run.data.created.map((d: { date: string }) => d.date)).toEqual([
      day('01-15'),
      day('04-15'),
    ]);
    expect(run.data.created[0].kind).toBe('order');
    const after = (await api.get(`${base}/recurring/${made.data.id}`)).data;
    expect(after).toMatchObject({ finished: true, active: false, nextDate: day('07-15') });

    const bad = await api.post(`${base}/recurring`, {
      partyId: other,
      kind: 'invoice',
      description: 'Feil',
      interval: 'weekly',
      nextDate: day('01-01'),
      lines: [{ description: 'X', quantity: 1, unitPrice: 100 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].field).toBe('interval');
    const noPrice = await api.post(`${base}/recurring`, {
      partyId: other,
      kind: 'invoice',
      description: 'Feil',
      interval: 'monthly',
      nextDate: day('01-01'),
      lines: [{ description: 'X', quantity: 1 }],
    });
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.data.errors[0].field).toBe('lines.0.unitPrice');
    const backwards = await api.post(`${base}/recurring`, {
      partyId: other,
      kind: 'invoice',
      description: 'Feil',
      interval: 'monthly',
      nextDate: day('03-01'),
      endDate: day('02-01'),
      lines: [{ description: 'X', quantity: 1, unitPrice: 100 }],
    });
    expect(backwards.data.errors[0].field).toBe('endDate');

    const changed = await api.put(`${base}/recurring/${made.data.id}`, {
      partyId: other,
      kind: 'order',
      description: 'Kvartalsvis levering',
      interval: 'quarterly',
      nextDate: day('07-15'),
      endDate: null,
      active: false,
      lines: [{ itemId: magazine, quantity: 3 }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.data).toMatchObject({ finished: false, active: false, net: 60_000 });
    // An inactive one is not proposed.
    const proposal = await api.get(`${base}/recurring-proposal?date=${day('12-31')}`);
    expect(
      proposal.data.items.some((i: { recurringId: number }) => i.recurringId === made.data.id),
    ).toBe(false);
    const removed = await api.delete(`${base}/recurring/${made.data.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await api.get(`${base}/recurring/${made.data.id}`)).statusCode).toBe(404);
    // Its documents stay.
    expect((await api.get(`${base}/documents/${run.data.created[0].id}`)).statusCode).toBe(200);
  });

  it('starts subscriptions from an invoice once, and renews the automatic ones', async () => {
    const invoice = (
      await api.post(`${base}/documents`, {
        kind: 'invoice',
        partyId: customer,
        date: day('03-01'),
        lines: [
          { itemId: magazine, quantity: 1 },
          { itemId: support, quantity: 1 },
          { description: 'Oppstart', quantity: 1, unitPrice: 5_000 },
        ],
      })
    ).data;
    const started = await api.post(`${base}/subscriptions/from-document/${invoice.id}`);
    expect(started.statusCode).toBe(200);
    expect(started.data.items).toEqual([
      expect.objectContaining({
        itemName: 'Fagblad',
        startDate: day('03-01'),
        endDate: day('03-31'),
        renewal: 'automatic',
        status: 'active',
        sourceDocumentId: invoice.id,
      }),
      expect.objectContaining({
        itemName: 'Support',
        startDate: day('03-01'),
        endDate: day('05-31'),
        renewal: 'manual',
      }),
    ]);
    const twice = await api.post(`${base}/subscriptions/from-document/${invoice.id}`);
    expect(twice.data.items.map((s: { id: number }) => s.id)).toEqual(
      started.data.items.map((s: { id: number }) => s.id),
    );
    const list = (await api.get(`${base}/subscriptions?partyId=${customer}`)).data.items;
    expect(list).toHaveLength(2);
    expect((await api.get(`${base}/subscriptions?partyId=${other}`)).data.items).toEqual([]);

    // On 15 March the magazine (ends 31 March) is due; support ends 31 May, outside 30 days.
    const proposal = await api.get(`${base}/subscription-renewals?date=${day('03-15')}`);
    expect(proposal.statusCode).toBe(200);
    expect(proposal.data.items).toEqual([
      expect.objectContaining({
        itemName: 'Fagblad',
        nextStart: day('04-01'),
        nextEnd: day('04-30'),
        gross: 25_000,
      }),
    ]);
    const renewed = await api.post(`${base}/subscription-renewals`, { date: day('03-15') });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.data.created).toHaveLength(1);
    const renewal = (await api.get(`${base}/documents/${renewed.data.created[0].id}`)).data;
    expect(renewal).toMatchObject({ kind: 'invoice', date: day('03-15'), gross: 25_000 });
    expect(renewal.lines[0].description).toBe(`Fagblad 01.04.${YEAR}–30.04.${YEAR}`);
    // A renewal invoice starts no new subscription.
    const fromRenewal = await api.post(`${base}/subscriptions/from-document/${renewal.id}`);
    expect(fromRenewal.data.items).toEqual([]);
    const magazineSub = started.data.items[0].id;
    expect((await api.get(`${base}/subscriptions/${magazineSub}`)).data.endDate).toBe(day('04-30'));
    const again = await api.post(`${base}/subscription-renewals`, { date: day('03-15') });
    expect(again.data.created).toEqual([]);
    // Renewal invoices are not the recurring documents' business.
    const recurring = (await api.get(`${base}/recurring?partyId=${customer}`)).data.items;
    expect(recurring.every((r: { description: string }) => r.description !== 'Fagblad')).toBe(true);

    // The manual one is listed for review by May and renewed only when chosen.
    const may = (await api.get(`${base}/subscription-renewals?date=${day('05-10')}`)).data.items;
    const manual = may.find((s: { itemName: string }) => s.itemName === 'Support');
    expect(manual).toMatchObject({ renewal: 'manual', nextStart: day('06-01') });
    expect(manual.nextEnd).toBe(day('08-31'));
    const auto = await api.post(`${base}/subscription-renewals`, { date: day('05-10') });
    expect(auto.data.created.every((d: { gross: number }) => d.gross === 25_000)).toBe(true);
    const chosen = await api.post(`${base}/subscription-renewals`, {
      date: day('05-10'),
      ids: [manual.id],
    });
    expect(chosen.data.created).toHaveLength(1);
    expect(chosen.data.created[0].gross).toBe(150_000);
    expect((await api.get(`${base}/subscriptions/${manual.id}`)).data.endDate).toBe(day('08-31'));

    // A cancelled subscription runs out and is not renewed.
    const cancelled = await api.post(`${base}/subscriptions/${magazineSub}/cancel`);
    expect(cancelled.data.status).toBe('cancelled');
    const none = await api.get(`${base}/subscription-renewals?date=${day('06-30')}`);
    expect(none.data.items.some((s: { id: number }) => s.id === magazineSub)).toBe(false);
  });

  it('takes the subscription from the order an invoice was carried forward from', async () => {
    const order = (
      await api.post(`${base}/documents`, {
        kind: 'order',
        partyId: other,
        date: day('06-01'),
        lines: [{ itemId: magazine, quantity: 2 }],
      })
    ).data;
    const fromOrder = await api.post(`${base}/subscriptions/from-document/${order.id}`);
    expect(fromOrder.data.items).toHaveLength(1);
    expect(fromOrder.data.items[0]).toMatchObject({ quantity: 2, endDate: day('06-30') });
    const invoice = await api.post(`${base}/documents/${order.id}/carry-forward`, {
      kind: 'invoice',
      date: day('06-05'),
    });
    expect(invoice.statusCode).toBe(201);
    const fromInvoice = await api.post(`${base}/subscriptions/from-document/${invoice.data.id}`);
    expect(fromInvoice.data.items.map((s: { id: number }) => s.id)).toEqual([
      fromOrder.data.items[0].id,
    ]);
    const quote = (
      await api.post(`${base}/documents`, {
        kind: 'quote',
        partyId: other,
        date: day('06-01'),
        lines: [{ itemId: magazine, quantity: 1 }],
      })
    ).data;
    const refused = await api.post(`${base}/subscriptions/from-document/${quote.id}`);
    expect(refused.statusCode).toBe(400);
  });
});
