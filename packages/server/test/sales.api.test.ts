import { isValidKid } from '@nordbok/formats';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;

interface Posting {
  account: string;
  amount: number;
  vatCode: string | null;
  partyId: number | null;
  kid: string | null;
  invoiceNumber: string | null;
}

/** The text an uncompressed PDF shows: each TJ array's hex strings, decoded and joined. */
function pdfText(raw: string): string {
  return [...raw.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-f]+)>/g)]
        .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    )
    .join('\n');
}

describeEachStore('sales and purchasing', (store) => {
  let api: ApiClient;
  let base: string;
  let customer: number;
  let supplier: number;
  let beans: number;
  let service: number;
  let warehouse: number;

  const postingsOf = async (voucherId: number): Promise<Posting[]> =>
    (await api.get(`${base}/vouchers/${voucherId}`)).data.postings;
  const sumOn = (postings: Posting[], account: string) =>
    postings.filter((p) => p.account === account).reduce((s, p) => s + p.amount, 0);

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Salg AS'));
    customer = (await api.post(`${base}/parties`, { name: 'Hotell Vest AS', customer: true })).data
      .id;
    supplier = (await api.post(`${base}/parties`, { name: 'Kaffeimport AS', supplier: true })).data
      .id;
    warehouse = (
      await api.post(`${base}/inventory/warehouses`, { code: 'HOVED', name: 'Hovedlager' })
    ).data.id;
    beans = (
      await api.post(`${base}/inventory/items`, {
        number: '100',
        kind: 'stock',
        name: 'Kaffebønner 1 kg',
        unit: 'stk',
        salesPrice: 25_000,
        costPrice: 10_000,
        salesVatCode: '31',
        salesAccount: '3000',
      })
    ).data.id;
    service = (
      await api.post(`${base}/inventory/items`, {
        number: '900',
        kind: 'service',
        name: 'Baristakurs',
        unit: 'time',
        salesPrice: 99_000,
      })
    ).data.id;
    // 20 bags in stock at 100,00.
    const receipt = await api.post(`${base}/documents`, {
      kind: 'goods_receipt',
      partyId: supplier,
      date: day('01-05'),
      lines: [{ itemId: beans, quantity: 20, unitPrice: 10_000, warehouseId: warehouse }],
    });
    expect(receipt.statusCode).toBe(201);
  });

  it('posts an invoice from its lines: revenue per account, VAT per code on the sum, the claim with KID', async () => {
    const res = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('02-01'),
      lines: [
        { itemId: service, quantity: 1.5, unitPrice: 33_333, discount: 1000 },
        { description: 'Frakt', quantity: 1, unitPrice: 333, vatCode: '3', account: '3000' },
        { description: 'Frakt 2', quantity: 1, unitPrice: 333, vatCode: '3', account: '3000' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const inv = res.data;
    // 1,5 × 333,33 less 10 % = 449,996 → 450,00; 3,33 + 3,33; VAT 25 % of 456,66 = 114,165 → 114,17.
    expect(inv.net).toBe(45_000 + 666);
    expect(inv.vat).toBe(11_417);
    expect(inv.gross).toBe(45_666 + 11_417);
    expect(inv.status).toBe(4);
    expect(isValidKid(inv.kid)).toBe(true);
    expect(inv.dueDate).toBe(day('02-15'));
    const postings = await postingsOf(inv.voucherId);
    expect(sumOn(postings, '1500')).toBe(inv.gross);
    expect(sumOn(postings, '3000')).toBe(-inv.net);
    expect(sumOn(postings, '2700')).toBe(-inv.vat);
    // The invoice on paper names the customer, the total, the account and the KID.
    const pdf = await api.get(`${base}/documents/${inv.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw.startsWith('%PDF')).toBe(true);
    const shown = pdfText(raw);
    for (const text of [`Faktura ${inv.number}`, 'Hotell Vest AS', inv.kid, '570,83']) {
      expect(shown).toContain(text);
    }
    const claim = postings.find((p) => p.account === '1500')!;
    expect(claim).toMatchObject({
      partyId: customer,
      kid: inv.kid,
      invoiceNumber: String(inv.number),
    });

    // A payment of all of it settles the open item and marks the invoice paid.
    const pay = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('02-10'),
      amount: inv.gross,
      allocations: [{ documentId: inv.id, amount: inv.gross }],
    });
    expect(pay.statusCode).toBe(201);
    const after = (await api.get(`${base}/documents/${inv.id}`)).data;
    expect(after.status).toBe(6);
    expect(after.open).toBe(0);
    expect(after.events.map((e: { kind: string }) => e.kind)).toContain('paid');
    const open = (await api.get(`${base}/open-items?kind=customer&partyId=${customer}`)).data.items;
    expect(
      open.filter((i: { invoiceNumber: string }) => i.invoiceNumber === String(inv.number)),
    ).toEqual([]);
  });

  it('pays partly, then refuses an excess without a choice and keeps it on account when told', async () => {
    const inv = (
      await api.post(`${base}/documents`, {
        kind: 'invoice',
        partyId: customer,
        date: day('02-02'),
        lines: [{ description: 'Leie', quantity: 1, unitPrice: 100_000 }],
      })
    ).data;
    const part = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('02-20'),
      amount: 40_000,
      allocations: [{ documentId: inv.id, amount: 40_000 }],
    });
    expect(part.statusCode).toBe(201);
    expect((await api.get(`${base}/documents/${inv.id}`)).data).toMatchObject({
      status: 5,
      open: 85_000,
    });
    const tooMuch = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('02-21'),
      amount: 90_000,
      allocations: [{ documentId: inv.id, amount: 90_000 }],
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.data.errors[0].field).toBe('allocations.0.amount');
    const noChoice = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('02-21'),
      amount: 90_000,
      allocations: [{ documentId: inv.id, amount: 85_000 }],
    });
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.data.errors[0].field).toBe('excess');
    const vouchersBefore = (await api.get(`${base}/vouchers`)).data;
    const ok = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('02-21'),
      amount: 90_000,
      allocations: [{ documentId: inv.id, amount: 85_000 }],
      excess: 'on-account',
    });
    expect(ok.statusCode).toBe(201);
    expect(JSON.stringify(vouchersBefore)).not.toEqual('');
    const postings = await postingsOf(ok.data.voucherId);
    expect(sumOn(postings, '1920')).toBe(90_000);
    expect(sumOn(postings, '1500')).toBe(-90_000);
    expect((await api.get(`${base}/documents/${inv.id}`)).data.status).toBe(6);
  });

  it('carries an order forward partly: stock moves at the shipment, the invoice takes its cost', async () => {
    const order = (
      await api.post(`${base}/documents`, {
        kind: 'order',
        partyId: customer,
        date: day('03-01'),
        warehouseId: warehouse,
        lines: [{ itemId: beans, quantity: 5 }],
      })
    ).data;
    // The price comes from the item (no price list): 250,00.
    expect(order.lines[0]).toMatchObject({ unitPrice: 25_000, vatCode: '31', remaining: 5 });
    expect(order.status).toBe(0);
    expect(order.editable).toBe(true);

    const tooMuch = await api.post(`${base}/documents/${order.id}/carry-forward`, {
      kind: 'shipment',
      date: day('03-02'),
      lines: [{ lineId: order.lines[0].id, quantity: 6 }],
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.data.errors[0]).toMatchObject({ field: 'lines.0.quantity', code: 'too-much' });

    const shipment = await api.post(`${base}/documents/${order.id}/carry-forward`, {
      kind: 'shipment',
      date: day('03-02'),
      lines: [{ lineId: order.lines[0].id, quantity: 3 }],
    });
    expect(shipment.statusCode).toBe(201);
    expect(shipment.data.lines[0].cost).toBe(30_000);
    const onHand = (await api.get(`${base}/inventory/items/${beans}/on-hand?date=${day('03-02')}`))
      .data;
    expect(onHand.quantity).toBe(17);
    const orderNow = (await api.get(`${base}/documents/${order.id}`)).data;
    expect(orderNow).toMatchObject({ status: 2, editable: false });
    expect(orderNow.lines[0]).toMatchObject({ carried: 3, remaining: 2, status: 2 });
    expect(orderNow.targets[0]).toMatchObject({ kind: 'shipment', quantity: 3 });
    const lineEvent = orderNow.events.find(
      (e: { lineId: number | null }) => e.lineId === order.lines[0].id,
    );
    expect(lineEvent.text).toMatch(/^Linje 1: 3 stk overført til vareutsendelse/);

    const invoice = (
      await api.post(`${base}/documents/${shipment.data.id}/carry-forward`, {
        kind: 'invoice',
        date: day('03-03'),
      })
    ).data;
    // No second stock movement; the margin uses the shipment's cost.
    expect(
      (await api.get(`${base}/inventory/items/${beans}/on-hand?date=${day('03-03')}`)).data
        .quantity,
    ).toBe(17);
    expect(invoice).toMatchObject({
      net: 75_000,
      cost: 30_000,
      margin: 45_000,
      marginPercent: 6000,
    });
    expect(invoice.sources[0]).toMatchObject({ kind: 'shipment', number: shipment.data.number });

    // The rest straight to an invoice: stock moves at the invoice.
    const rest = (
      await api.post(`${base}/documents/${order.id}/carry-forward`, {
        kind: 'invoice',
        date: day('03-04'),
      })
    ).data;
    expect(rest.lines[0].quantity).toBe(2);
    expect(
      (await api.get(`${base}/inventory/items/${beans}/on-hand?date=${day('03-04')}`)).data
        .quantity,
    ).toBe(15);
    expect((await api.get(`${base}/documents/${order.id}`)).data.status).toBe(3);
  });

  it('lets only one of two simultaneous carry-forwards take what remains', async () => {
    const order = (
      await api.post(`${base}/documents`, {
        kind: 'order',
        partyId: customer,
        date: day('03-05'),
        lines: [{ description: 'Service', quantity: 5, unitPrice: 1000 }],
      })
    ).data;
    const take = () =>
      api.post(`${base}/documents/${order.id}/carry-forward`, {
        kind: 'invoice',
        date: day('03-06'),
        lines: [{ lineId: order.lines[0].id, quantity: 3 }],
      });
    const results = await Promise.all([take(), take()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const now = (await api.get(`${base}/documents/${order.id}`)).data;
    expect(now.lines[0]).toMatchObject({ carried: 3, remaining: 2 });
  });

  it('credits an invoice exactly: the credit note reverses every line and settles the claim', async () => {
    const inv = (
      await api.post(`${base}/documents`, {
        kind: 'invoice',
        partyId: customer,
        date: day('04-01'),
        lines: [
          { itemId: beans, quantity: 2, warehouseId: warehouse },
          { itemId: service, quantity: 1 },
        ],
      })
    ).data;
    const credit = await api.post(`${base}/documents/${inv.id}/carry-forward`, {
      kind: 'credit_note',
      date: day('04-02'),
    });
    expect(credit.statusCode).toBe(201);
    const a = await postingsOf(inv.voucherId);
    const b = await postingsOf(credit.data.voucherId);
    for (const account of ['1500', '3000', '2700', '2701']) {
      expect(sumOn(a, account) + sumOn(b, account)).toBe(0);
    }
    expect(credit.data.creditsDocumentId).toBe(inv.id);
    const invNow = (await api.get(`${base}/documents/${inv.id}`)).data;
    expect(invNow).toMatchObject({ status: 8, open: 0 });
    // The goods came back.
    expect(
      (await api.get(`${base}/inventory/items/${beans}/on-hand?date=${day('04-02')}`)).data
        .quantity,
    ).toBe(15);
  });

  it('refuses a blocked customer, a locked period and a purchase VAT code on a sale; nothing is left behind', async () => {
    const created = await api.post(`${base}/contacts`, {
      kind: 'organisation',
      name: 'Dårlig Betaler AS',
      customer: true,
      blocked: true,
    });
    expect(created.data.blocked).toBe(true);
    const blocked = created.data.id;
    const count = async () => (await api.get(`${base}/documents?limit=1`)).data.total as number;
    const before = await count();
    const refused = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: blocked,
      date: day('05-01'),
      lines: [{ description: 'X', quantity: 1, unitPrice: 100 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.data.errors[0]).toMatchObject({ field: 'partyId', code: 'blocked' });

    const wrongVat = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('05-01'),
      lines: [{ description: 'X', quantity: 1, unitPrice: 100, vatCode: '1' }],
    });
    expect(wrongVat.statusCode).toBe(400);
    expect(wrongVat.data.errors[0].field).toBe('lines.0.vatCode');

    await api.put(`${base}/fiscal-years/${YEAR}/periods/1/lock`, { locked: true });
    const locked = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('01-15'),
      lines: [{ description: 'X', quantity: 1, unitPrice: 100 }],
    });
    expect(locked.statusCode).toBe(400);
    expect(locked.data.detail ?? locked.data.title).toMatch(/lock/i);
    await api.put(`${base}/fiscal-years/${YEAR}/periods/1/lock`, { locked: false });
    expect(await count()).toBe(before);
  });

  it('records a cash purchase as paid at once and a bill whose payment clears the supplier', async () => {
    const cash = await api.post(`${base}/documents`, {
      kind: 'bill',
      partyId: supplier,
      date: day('05-02'),
      cash: true,
      externalNumber: 'K-881',
      lines: [{ description: 'Kontorrekvisita', quantity: 1, unitPrice: 40_000, account: '6800' }],
    });
    expect(cash.statusCode).toBe(201);
    expect(cash.data).toMatchObject({ status: 6, vat: 10_000, gross: 50_000, open: 0 });
    // The till receipt is kept with the purchase's voucher.
    const receipt = Buffer.from('%PDF-1.4 kvittering');
    const stored = await api.request(
      'POST',
      `${base}/documents/${cash.data.id}/attachments`,
      receipt,
      { 'content-type': 'application/pdf', 'x-file-name': 'kvittering.pdf' },
    );
    expect(stored.statusCode).toBe(201);
    const listed = (await api.get(`${base}/documents/${cash.data.id}/attachments`)).data.items;
    expect(listed).toHaveLength(1);
    const file = await api.get(`${base}/documents/${cash.data.id}/attachments/${listed[0].id}`);
    expect(file.rawPayload.equals(receipt)).toBe(true);
    const order = await api.post(`${base}/documents`, {
      kind: 'purchase_order',
      partyId: supplier,
      date: day('05-02'),
      lines: [{ description: 'Kopper', quantity: 10, unitPrice: 500 }],
    });
    const noVoucher = await api.request(
      'POST',
      `${base}/documents/${order.data.id}/attachments`,
      receipt,
      { 'content-type': 'application/pdf' },
    );
    expect(noVoucher.statusCode).toBe(409);
    const postings = await postingsOf(cash.data.voucherId);
    expect(sumOn(postings, '6800')).toBe(40_000);
    expect(sumOn(postings, '2710')).toBe(10_000);
    expect(sumOn(postings, '2400')).toBe(-50_000);

    const bill = (
      await api.post(`${base}/documents`, {
        kind: 'bill',
        partyId: supplier,
        date: day('05-03'),
        externalNumber: 'F-1203',
        kid: '0000531',
        lines: [{ description: 'Emballasje', quantity: 10, unitPrice: 1_250, account: '4000' }],
      })
    ).data;
    const pay = await api.post(`${base}/payments`, {
      direction: 'out',
      partyId: supplier,
      date: day('05-20'),
      amount: bill.gross,
      allocations: [{ documentId: bill.id, amount: bill.gross }],
    });
    expect(pay.statusCode).toBe(201);
    const p = await postingsOf(pay.data.voucherId);
    expect(sumOn(p, '1920')).toBe(-bill.gross);
    expect(sumOn(p, '2400')).toBe(bill.gross);
    expect((await api.get(`${base}/documents/${bill.id}`)).data.status).toBe(6);
  });

  it('invoices in euro at the day’s rate and posts the exchange gain when paid at a higher rate', async () => {
    const inv = (
      await api.post(`${base}/documents`, {
        kind: 'invoice',
        partyId: customer,
        date: day('06-01'),
        currency: 'EUR',
        rate: '11.5',
        lines: [{ description: 'Export', quantity: 1, unitPrice: 100_000, vatCode: '52' }],
      })
    ).data;
    expect(inv).toMatchObject({ currency: 'EUR', gross: 100_000, grossNok: 1_150_000 });
    const pay = await api.post(`${base}/payments`, {
      direction: 'in',
      partyId: customer,
      date: day('06-20'),
      amount: 100_000,
      currency: 'EUR',
      rate: '11.7',
      allocations: [{ documentId: inv.id, amount: 100_000 }],
    });
    expect(pay.statusCode).toBe(201);
    const p = await postingsOf(pay.data.voucherId);
    expect(sumOn(p, '1920')).toBe(1_170_000);
    expect(sumOn(p, '1500')).toBe(-1_150_000);
    expect(sumOn(p, '8060')).toBe(-20_000);
  });

  it('adds the customer to a segment for sales of an item in a group, or below it', async () => {
    const top = (await api.post(`${base}/inventory/groups`, { code: 'KAFFE', name: 'Kaffe' })).data;
    const sub = (
      await api.post(`${base}/inventory/groups`, {
        code: 'BØNNER',
        name: 'Bønner',
        parentId: top.id,
      })
    ).data;
    const item = (
      await api.post(`${base}/inventory/items`, {
        number: '300',
        kind: 'goods',
        groupId: sub.id,
        name: 'Espressobønner',
        unit: 'stk',
        salesPrice: 18_000,
      })
    ).data;
    expect(item.id).toBeTypeOf('number');
    const segment = (
      await api.post(`${base}/segments`, {
        name: 'Kjøper kaffe',
        kind: 'semi',
        trigger: { event: 'sale.item-group', itemGroup: 'KAFFE' },
      })
    ).data;
    const buyer = (await api.post(`${base}/parties`, { name: 'Kaffekjøper AS', customer: true }))
      .data.id;
    await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: buyer,
      date: day('07-02'),
      lines: [{ itemId: item.id, quantity: 2 }],
    });
    const members = (await api.get(`${base}/segments/${segment.id}/members`)).data;
    expect(JSON.stringify(members)).toContain('Kaffekjøper AS');
  });

  it('invoices several orders of one customer together', async () => {
    const make = async (qty: number) =>
      (
        await api.post(`${base}/documents`, {
          kind: 'order',
          partyId: customer,
          date: day('07-01'),
          lines: [{ itemId: service, quantity: qty }],
        })
      ).data;
    const a = await make(1);
    const b = await make(2);
    const res = await api.post(`${base}/group-invoices`, {
      documentIds: [a.id, b.id],
      date: day('07-31'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1, 2]);
    expect(res.data.sources.map((s: { number: number }) => s.number)).toEqual([a.number, b.number]);
    for (const id of [a.id, b.id]) {
      expect((await api.get(`${base}/documents/${id}`)).data.status).toBe(3);
    }
    const list = (await api.get(`${base}/documents?kind=invoice&limit=2`)).data;
    expect(list.items).toHaveLength(2);
    expect(list.nextCursor).not.toBeNull();
    const next = (
      await api.get(
        `${base}/documents?kind=invoice&limit=2&cursor=${encodeURIComponent(list.nextCursor)}`,
      )
    ).data;
    expect(next.items[0].id).not.toBe(list.items[1].id);
    expect(next.total).toBeNull();
    // Digits find a number or a KID; other text a part of the customer's name.
    const byNumber = (await api.get(`${base}/documents?kind=invoice&q=${res.data.number}`)).data;
    expect(byNumber.items.map((d: { id: number }) => d.id)).toEqual([res.data.id]);
    const byKid = (await api.get(`${base}/documents?q=${res.data.kid}`)).data;
    expect(byKid.items.map((d: { id: number }) => d.id)).toEqual([res.data.id]);
    const byName = (await api.get(`${base}/documents?q=${encodeURIComponent('otell ve')}`)).data;
    expect(byName.total).toBeGreaterThan(5);
    expect((await api.get(`${base}/documents?q=Ingen%20slik`)).data.total).toBe(0);
  });
});
