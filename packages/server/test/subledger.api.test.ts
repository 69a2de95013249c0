import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const d = (monthDay: string) => `${YEAR}-${monthDay}`;

describeEachStore('sub-ledgers, open items, dimensions and attachments', (store) => {
  let api: ApiClient;
  let base: string;
  let customer: number;
  let supplier: number;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Reskontro AS'));
    customer = (await api.post(`${base}/parties`, { name: 'Kunde AS', customer: true })).data.id;
    supplier = (await api.post(`${base}/parties`, { name: 'Leverandør AS', supplier: true })).data
      .id;
  });

  const invoice = (amount: number, extra: object = {}) =>
    api.post(`${base}/vouchers`, {
      series: 'S',
      date: d('02-01'),
      description: 'Faktura',
      lines: [
        { account: '1500', amount, partyId: customer, dueDate: d('02-15'), ...extra },
        { account: '3000', amount: -amount, vatCode: '3' },
      ],
    });

  const payment = (amount: number, extra: object, date = d('02-20')) =>
    api.post(`${base}/vouchers`, {
      series: 'B',
      date,
      description: 'Innbetaling',
      lines: [
        { account: '1920', amount },
        { account: '1500', amount: -amount, partyId: customer, ...extra },
      ],
    });

  const open = async () => (await api.get(`${base}/open-items?kind=customer`)).data.items;

  it('numbers customers and suppliers from 10000 and 20000', async () => {
    const list = (await api.get(`${base}/parties?kind=customer`)).data.items;
    expect(list).toEqual([
      expect.objectContaining({ name: 'Kunde AS', customerNumber: 10000, supplierNumber: null }),
    ]);
    const suppliers = (await api.get(`${base}/parties?kind=supplier`)).data.items;
    expect(suppliers[0]).toMatchObject({ supplierNumber: 20000 });
  });

  it('settles an invoice by KID, partly then fully', async () => {
    const inv = await invoice(1_000_000, { invoiceNumber: '1001', kid: '10014' });
    expect(inv.statusCode).toBe(201);
    const item = inv.data.postings.find((p: { account: string }) => p.account === '1500');
    expect(item).toMatchObject({ partyId: customer, invoiceNumber: '1001', kid: '10014' });

    await payment(600_000, { kid: '10014' });
    expect(
      (await open()).find((i: { postingId: number }) => i.postingId === item.id),
    ).toMatchObject({
      open: 400_000,
      settlements: [expect.objectContaining({ amount: 600_000, matchedBy: 'kid' })],
    });
    await payment(400_000, { kid: '10014' }, d('02-25'));
    expect((await open()).some((i: { postingId: number }) => i.postingId === item.id)).toBe(false);
  });

  it('matches on invoice number for the same customer, and by hand otherwise; unmatching reopens', async () => {
    const inv = (await invoice(50_000, { invoiceNumber: '1002' })).data;
    await payment(50_000, { invoiceNumber: '1002' });
    expect(
      (await open()).some((i: { postingId: number }) => i.postingId === inv.postings[0].id),
    ).toBe(false);

    const second = (await invoice(80_000, { invoiceNumber: '1003' })).data;
    const pay = (await payment(80_000, {})).data;
    const itemId = second.postings[0].id;
    const payId = pay.postings.find((p: { account: string }) => p.account === '1500').id;
    expect((await open()).map((i: { postingId: number }) => i.postingId)).toEqual(
      expect.arrayContaining([itemId, payId]),
    );

    const settled = await api.post(`${base}/settlements`, {
      itemPostingId: itemId,
      paymentPostingId: payId,
    });
    expect(settled.statusCode).toBe(201);
    expect(settled.data.amount).toBe(80_000);
    expect((await open()).length).toBe(0);

    expect((await api.delete(`${base}/settlements/${settled.data.id}`)).statusCode).toBe(204);
    expect((await open()).length).toBe(2);
    const tooMuch = await api.post(`${base}/settlements`, {
      itemPostingId: itemId,
      paymentPostingId: payId,
      amount: 90_000,
    });
    expect(tooMuch.data.errors[0]).toMatchObject({
      field: 'amount',
      message: 'At most 80000 øre can be settled between these two postings.',
    });
  });

  it("ages open items by days past due and lists each customer's ledger", async () => {
    const late = await api.post(`${base}/vouchers`, {
      date: d('01-02'),
      description: 'Gammel faktura',
      lines: [
        {
          account: '1500',
          amount: 70_000,
          partyId: customer,
          invoiceNumber: '900',
          dueDate: d('01-15'),
        },
        { account: '3000', amount: -70_000, vatCode: '3' },
      ],
    });
    expect(late.statusCode).toBe(201);
    const aged = (await api.get(`${base}/reports/aged-open-items?kind=customer&at=${d('03-01')}`))
      .data;
    const row = aged.items.find((i: { partyId: number }) => i.partyId === customer);
    expect(row).toMatchObject({ name: 'Kunde AS', number: 10000, days31to60: 70_000 });
    expect(row.total).toBe(
      row.notDue + row.days0to30 + row.days31to60 + row.days61to90 + row.over90,
    );

    const ledger = (
      await api.get(`${base}/reports/subledger?kind=customer&from=${d('01-01')}&to=${d('12-31')}`)
    ).data;
    const own = ledger.parties.find((p: { partyId: number }) => p.partyId === customer);
    expect(own.postings[0]).toMatchObject({
      invoiceNumber: '900',
      amount: 70_000,
      balance: 70_000,
    });
    expect(own.closing).toBe(row.total);
    expect(own.closing).toBe(own.opening + own.debit - own.credit);

    const csv = await api.get(
      `${base}/reports/aged-open-items?kind=customer&at=${d('03-01')}&format=csv`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe(
      'party,name,notDue,days0to30,days31to60,days61to90,over90,total',
    );
    expect(csv.body).toMatch(/10000,Kunde AS,/);
    const query = `kind=customer&from=${d('01-01')}&to=${d('12-31')}`;
    const pdf = await api.get(`${base}/reports/subledger?${query}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await api.get(`${base}/reports/subledger?${query}&format=xlsx`);
    expect(xlsx.headers['content-disposition']).toMatch(/kundespesifikasjon-.*\.xlsx/);
  });

  describe('refuses bad sub-ledger lines', () => {
    it.each([
      [{ partyId: undefined }, 'lines.0.partyId', /Choose the customer for account 1500/],
      [{ partyId: 99999 }, 'lines.0.partyId', /no customer with id 99999/],
      [{ kid: '10015' }, 'lines.0.kid', /wrong check digit/],
      [{ kid: '10014' }, 'lines.0.kid', /KID 10014 is already used \(voucher S1\)/],
    ])('%j → %s', async (change, field, message) => {
      const response = await invoice(100, change);
      expect(response.statusCode).toBe(400);
      expect(response.data.errors[0]).toMatchObject({
        field,
        message: expect.stringMatching(message),
      });
    });

    it('refuses a supplier on a customer line and sub-ledger fields on other accounts', async () => {
      expect((await invoice(100, { partyId: supplier })).data.errors[0].field).toBe(
        'lines.0.partyId',
      );
      const stray = await api.post(`${base}/vouchers`, {
        date: d('02-01'),
        description: 'x',
        lines: [
          { account: '1920', amount: 100, kid: '10014' },
          { account: '3000', amount: -100 },
        ],
      });
      expect(stray.data.errors[0]).toMatchObject({
        field: 'lines.0.kid',
        message: 'Line 1: Only customer and supplier lines take kid.',
      });
    });
  });

  it('keeps departments and projects with sub-levels on every posting', async () => {
    const shop = (await api.post(`${base}/departments`, { code: 'BUTIKK', name: 'Butikk' })).data;
    const online = (
      await api.post(`${base}/departments`, { code: 'NETT', name: 'Nettbutikk', parentId: shop.id })
    ).data;
    const project = (await api.post(`${base}/projects`, { code: 'P1', name: 'Lansering' })).data;
    const circular = await api.patch(`${base}/departments/${shop.id}`, { parentId: online.id });
    expect(circular.data.errors[0]).toMatchObject({
      field: 'parentId',
      message: 'A level cannot be placed under itself.',
    });

    const voucher = await api.post(`${base}/vouchers`, {
      date: d('03-01'),
      description: 'Salg nett',
      lines: [
        { account: '1920', amount: 12_500 },
        {
          account: '3000',
          amount: -12_500,
          vatCode: '3',
          departmentId: online.id,
          projectId: project.id,
        },
      ],
    });
    expect(voucher.data.postings.slice(1)).toEqual([
      expect.objectContaining({ account: '3000', departmentId: online.id, projectId: project.id }),
      expect.objectContaining({ account: '2700', departmentId: online.id, projectId: project.id }),
    ]);
    await api.patch(`${base}/projects/${project.id}`, { blocked: true });
    const blocked = await api.post(`${base}/vouchers`, {
      date: d('03-01'),
      description: 'x',
      lines: [
        { account: '1920', amount: 100 },
        { account: '3000', amount: -100, projectId: project.id },
      ],
    });
    expect(blocked.data.errors[0]).toMatchObject({
      field: 'lines.1.projectId',
      message: 'Line 2: Project P1 Lansering is blocked.',
    });
  });

  it('keeps the currency amount and rate, and computes NOK from them', async () => {
    const voucher = await api.post(`${base}/vouchers`, {
      date: d('03-05'),
      description: 'Betaling i EUR',
      lines: [
        { account: '6790', currency: { code: 'EUR', amount: 123_456, rate: '11.4532' } },
        { account: '1920', amount: -1_413_966 },
      ],
    });
    expect(voucher.statusCode).toBe(201);
    expect(voucher.data.postings[0]).toMatchObject({
      amount: 1_413_966,
      currency: { code: 'EUR', amount: 123_456, rate: '11.4532' },
    });
    const wrong = await api.post(`${base}/vouchers`, {
      date: d('03-05'),
      description: 'x',
      lines: [
        { account: '6790', amount: 1, currency: { code: 'EUR', amount: 100, rate: '11.45' } },
        { account: '1920', amount: -1 },
      ],
    });
    expect(wrong.data.errors[0]).toMatchObject({ field: 'lines.0.amount' });
  });

  it('attaches a receipt to a voucher and gives it back, refusing what is not PDF, JPEG or PNG', async () => {
    const voucher = (await invoice(100)).data;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const uploaded = await api.request('POST', `${base}/vouchers/${voucher.id}/attachments`, pdf, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('kvittering æøå.pdf'),
    });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.data).toMatchObject({
      fileName: 'kvittering æøå.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    const list = await api.get(`${base}/vouchers/${voucher.id}/attachments`);
    expect(list.data.items).toHaveLength(1);
    const file = await api.get(`${base}/attachments/${uploaded.data.id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const fake = await api.request(
      'POST',
      `${base}/vouchers/${voucher.id}/attachments`,
      Buffer.from('not a png'),
      {
        'content-type': 'image/png',
      },
    );
    expect(fake.data.errors[0]).toMatchObject({
      field: 'file',
      message: 'The file is not a PNG file.',
    });
    const html = await api.request('POST', `${base}/vouchers/${voucher.id}/attachments`, '<h1>', {
      'content-type': 'text/html',
    });
    expect(html.statusCode).toBe(415);
  });
});
