import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;

describeEachStore('inventory', (store) => {
  let api: ApiClient;
  let base: string;
  let inv: string;
  let supplier: number;
  let customer: number;
  let brenneri: number;
  let kafe: number;
  const items: Record<string, number> = {};

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Lager AS'));
    inv = `${base}/inventory`;
    supplier = (await api.post(`${base}/parties`, { name: 'Kaffeimport AS', supplier: true })).data
      .id;
    customer = (await api.post(`${base}/parties`, { name: 'Hotell Vest AS', customer: true })).data
      .id;
  });

  it('keeps item groups in levels, refuses cycles and unknown accounts', async () => {
    const top = await api.post(`${inv}/groups`, {
      code: 'KAFFE',
      name: 'Kaffe',
      salesAccount: '3030',
      salesVatCode: '31',
      purchaseAccount: '4300',
      purchaseVatCode: '1',
    });
    expect(top.statusCode).toBe(201);
    const sub = await api.post(`${inv}/groups`, {
      code: 'BØNNER',
      name: 'Bønner',
      parentId: top.data.id,
    });
    expect(sub.statusCode).toBe(201);
    const cycle = await api.put(`${inv}/groups/${top.data.id}`, {
      code: 'KAFFE',
      name: 'Kaffe',
      parentId: sub.data.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.data.errors[0]).toMatchObject({ field: 'parentId', code: 'cycle' });
    const badAccount = await api.post(`${inv}/groups`, {
      code: 'X',
      name: 'X',
      salesAccount: '3999',
    });
    expect(badAccount.statusCode).toBe(400);
    expect(badAccount.data.errors[0].field).toBe('salesAccount');
    const badVat = await api.post(`${inv}/groups`, { code: 'Y', name: 'Y', salesVatCode: '99' });
    expect(badVat.statusCode).toBe(400);
  });

  it('creates items with defaults from the group, suppliers and a checked unit', async () => {
    const groups = (await api.get(`${inv}/groups`)).data.groups;
    const beans = groups.find((g: { code: string }) => g.code === 'BØNNER');
    const green = await api.post(`${inv}/items`, {
      number: '1001',
      kind: 'stock',
      groupId: beans.id,
      name: 'Råkaffe Etiopia',
      translations: { en: { name: 'Green coffee Ethiopia', description: '' } },
      unit: 'kg',
      salesPrice: 30_000,
      costPrice: 12_000,
      reorderPoint: 50,
      reorderQuantity: 120,
      suppliers: [{ partyId: supplier, supplierItemNumber: 'ETH-G1', price: 11_500, leadDays: 21 }],
    });
    expect(green.statusCode).toBe(201);
    // Accounts and VAT codes come from the parent group.
    expect(green.data).toMatchObject({
      salesAccount: '3030',
      salesVatCode: '31',
      purchaseAccount: '4300',
      reorderPoint: 50,
      translations: { en: { name: 'Green coffee Ethiopia' } },
    });
    expect(green.data.suppliers[0]).toMatchObject({ partyId: supplier, preferred: true });
    items.green = green.data.id;

    const taken = await api.post(`${inv}/items`, {
      number: '1001',
      kind: 'stock',
      name: 'X',
      unit: 'kg',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.data.errors[0].field).toBe('number');
    const unit = await api.post(`${inv}/items`, {
      number: '1002',
      kind: 'stock',
      name: 'X',
      unit: 'bag',
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.data.errors[0]).toMatchObject({ field: 'unit', code: 'unknown' });
    const notSupplier = await api.post(`${inv}/items`, {
      number: '1003',
      kind: 'stock',
      name: 'X',
      unit: 'stk',
      suppliers: [{ partyId: customer }],
    });
    expect(notSupplier.statusCode).toBe(400);

    for (const [key, number, name, unit, cost] of [
      ['bag', '2001', 'Pose 250 g', 'stk', 200],
      ['label', '2002', 'Etikett', 'stk', 50],
    ] as const) {
      const r = await api.post(`${inv}/items`, {
        number,
        kind: 'stock',
        name,
        unit,
        costPrice: cost,
      });
      items[key] = r.data.id;
    }
    const subscription = await api.post(`${inv}/items`, {
      number: '9001',
      kind: 'subscription',
      name: 'Kaffeabonnement',
      unit: 'mnd',
      subscriptionPeriod: 'month',
      salesPrice: 34_900,
    });
    expect(subscription.data).toMatchObject({
      subscriptionPeriod: 'month',
      subscriptionRenewal: 'automatic',
    });
  });

  it('refuses a bill of materials that contains itself, directly or indirectly', async () => {
    const kit = await api.post(`${inv}/items`, {
      number: '3001',
      kind: 'structured',
      name: 'Kaffe 250 g, ferdig pakket',
      unit: 'stk',
      salesPrice: 14_900,
      components: [
        { itemId: items.green, quantity: 0.3 },
        { itemId: items.bag, quantity: 1 },
        { itemId: items.label, quantity: 1 },
      ],
    });
    expect(kit.statusCode).toBe(201);
    items.kit = kit.data.id;
    const gift = await api.post(`${inv}/items`, {
      number: '3002',
      kind: 'structured',
      name: 'Gaveeske',
      unit: 'stk',
      components: [{ itemId: items.kit, quantity: 2 }],
    });
    items.gift = gift.data.id;
    const card = (await api.get(`${inv}/items/${items.kit}`)).data;
    const direct = await api.put(`${inv}/items/${items.kit}`, {
      ...editable(card),
      components: [{ itemId: items.kit, quantity: 1 }],
    });
    expect(direct.statusCode).toBe(400);
    expect(direct.data.errors[0]).toMatchObject({ field: 'components', code: 'cycle' });
    const indirect = await api.put(`${inv}/items/${items.kit}`, {
      ...editable(card),
      components: [{ itemId: items.gift, quantity: 1 }],
    });
    expect(indirect.statusCode).toBe(400);
    expect(indirect.data.errors[0].code).toBe('cycle');
  });

  it('receives, issues and transfers at weighted average cost and posts the value', async () => {
    brenneri = (await api.post(`${inv}/warehouses`, { code: 'BR', name: 'Brenneri' })).data.id;
    kafe = (await api.post(`${inv}/warehouses`, { code: 'KA', name: 'Kafé' })).data.id;

    const r1 = await api.post(`${inv}/movements`, {
      kind: 'receipt',
      date: day('02-01'),
      reference: 'VM-1',
      lines: [
        { itemId: items.green, warehouseId: brenneri, quantity: 100, unitCost: 10_000 },
        { itemId: items.bag, warehouseId: brenneri, quantity: 500, unitCost: 200 },
        { itemId: items.label, warehouseId: brenneri, quantity: 500, unitCost: 50 },
      ],
    });
    expect(r1.statusCode).toBe(201);
    expect(r1.data.voucherId).not.toBeNull();
    const r2 = await api.post(`${inv}/movements`, {
      kind: 'receipt',
      date: day('02-10'),
      lines: [{ itemId: items.green, warehouseId: brenneri, quantity: 50, unitCost: 13_000 }],
    });
    expect(r2.statusCode).toBe(201);
    // (100 × 100 + 50 × 130) / 150 = 110 kr per kg.
    const green = (await api.get(`${inv}/items/${items.green}`)).data;
    expect(green.costPrice).toBe(11_000);

    const issue = await api.post(`${inv}/movements`, {
      kind: 'issue',
      date: day('02-15'),
      lines: [{ itemId: items.green, warehouseId: brenneri, quantity: 15 }],
    });
    expect(issue.statusCode).toBe(201);
    expect(issue.data.movements[0]).toMatchObject({
      quantity: -15,
      value: -165_000,
      unitCost: 11_000,
    });

    const transfer = await api.post(`${inv}/movements`, {
      kind: 'transfer',
      date: day('02-16'),
      lines: [{ itemId: items.green, warehouseId: brenneri, toWarehouseId: kafe, quantity: 10.5 }],
    });
    expect(transfer.statusCode).toBe(201);
    expect(transfer.data.voucherId).toBeNull();
    expect(transfer.data.movements.map((m: { value: number }) => m.value).sort()).toEqual([
      -115_500, 115_500,
    ]);

    // The ledger: 1460 holds what stock is worth; 4090 the other side.
    const stock = (await api.get(`${inv}/stock-list?date=${day('12-31')}`)).data;
    const tb = await api.get(
      `${base}/reports/general-ledger?from=${YEAR}-01-01&to=${YEAR}-12-31&account=1460`,
    );
    expect(tb.data.accounts[0].closing).toBe(stock.totals.value);
    expect(stock.totals.value).toBe(1_000_000 + 100_000 + 25_000 + 650_000 - 165_000);
  });

  it('refuses negative stock unless the company allows it, leaving nothing behind', async () => {
    const before = (await api.get(`${inv}/movements`)).data.movements.length;
    const short = await api.post(`${inv}/movements`, {
      kind: 'issue',
      date: day('03-01'),
      lines: [
        { itemId: items.bag, warehouseId: brenneri, quantity: 1 },
        { itemId: items.green, warehouseId: kafe, quantity: 11 },
      ],
    });
    expect(short.statusCode).toBe(400);
    expect(short.data.errors[0]).toMatchObject({
      field: 'lines.1.quantity',
      code: 'negative-stock',
    });
    expect((await api.get(`${inv}/movements`)).data.movements.length).toBe(before);

    // Dated before the goods came in: there was nothing to take then, whatever is there now.
    const early = await api.post(`${inv}/movements`, {
      kind: 'issue',
      date: day('01-15'),
      lines: [{ itemId: items.label, warehouseId: brenneri, quantity: 1 }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.data.errors[0].code).toBe('negative-stock');

    const settings = (await api.get(`${inv}/settings`)).data;
    expect(settings).toMatchObject({ stockAccount: '1460', changeAccount: '4090' });
    await api.put(`${inv}/settings`, { ...settings, allowNegativeStock: true });
    const allowed = await api.post(`${inv}/movements`, {
      kind: 'issue',
      date: day('03-01'),
      lines: [{ itemId: items.green, warehouseId: kafe, quantity: 11 }],
    });
    expect(allowed.statusCode).toBe(201);
    await api.put(`${inv}/settings`, { ...settings, allowNegativeStock: false });
    await api.post(`${inv}/movements`, {
      kind: 'receipt',
      date: day('03-02'),
      lines: [{ itemId: items.green, warehouseId: kafe, quantity: 0.5, unitCost: 11_000 }],
    });
  });

  it('keeps movements append-only in the database', async () => {
    const db = store().db;
    await expect(sql`update stock_movements set quantity = 0`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from stock_movements`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('produces a structured item from its components at their cost', async () => {
    const made = await api.post(`${inv}/movements`, {
      kind: 'production',
      date: day('03-05'),
      lines: [{ itemId: items.kit, warehouseId: brenneri, quantity: 10 }],
    });
    expect(made.statusCode).toBe(201);
    const byItem = Object.fromEntries(
      made.data.movements.map((m: { itemId: number; quantity: number; value: number }) => [
        m.itemId,
        m,
      ]),
    );
    expect(byItem[items.green!]).toMatchObject({ quantity: -3, value: -33_000 });
    expect(byItem[items.kit!]).toMatchObject({ quantity: 10, value: 33_000 + 2_000 + 500 });
    expect(made.data.voucherId).toBeNull();
    const kit = (await api.get(`${inv}/items/${items.kit}`)).data;
    expect(kit.costPrice).toBe(3_550);
  });

  it('gives on-hand at any date and a stock list per warehouse', async () => {
    const early = (await api.get(`${inv}/items/${items.green}/on-hand?date=${day('02-05')}`)).data;
    expect(early).toMatchObject({ quantity: 100, value: 1_000_000 });
    const list = (await api.get(`${inv}/stock-list?date=${day('02-16')}`)).data;
    const row = list.rows.find((r: { itemId: number }) => r.itemId === items.green);
    const at = (code: string) =>
      list.warehouses.findIndex((w: { code: string }) => w.code === code);
    expect(row.quantities[at('BR')]).toBe(124.5);
    expect(row.quantities[at('KA')]).toBe(10.5);
    const card = (await api.get(`${inv}/items/${items.green}/card`)).data;
    expect(card.movements.length).toBeGreaterThan(4);
    expect(
      card.priceHistory.some(
        (p: { field: string; reason: string }) => p.field === 'cost' && p.reason === 'receipt',
      ),
    ).toBe(true);
    expect(card.documentLines).toEqual([]);
  });

  it('shows the item’s document lines on its card, newest first', async () => {
    const doc = (kind: string, date: string, quantity: number) =>
      api.post(`${base}/documents`, {
        kind,
        partyId: customer,
        date: day(date),
        lines: [{ itemId: items.green, quantity, unitPrice: 25_000 }],
      });
    expect((await doc('quote', '02-20', 2)).statusCode).toBe(201);
    const order = (await doc('order', '02-21', 1.5)).data;
    const card = (await api.get(`${inv}/items/${items.green}/card`)).data;
    expect(card.documentLines).toHaveLength(2);
    expect(card.documentLines[0]).toMatchObject({
      documentId: order.id,
      kind: 'order',
      number: order.number,
      date: day('02-21'),
      partyId: customer,
      partyName: 'Hotell Vest AS',
      quantity: 1.5,
      unitPrice: 25_000,
      net: 37_500,
      status: 0,
    });
    expect(card.documentLines[1].kind).toBe('quote');
  });

  it('posts the differences of a count as movements and a voucher', async () => {
    const sheet = (await api.get(`${inv}/count-list?warehouseId=${brenneri}&date=${day('03-31')}`))
      .data;
    const bagRow = sheet.rows.find((r: { itemId: number }) => r.itemId === items.bag);
    expect(bagRow.expected).toBe(490);
    const counted = await api.post(`${inv}/counts`, {
      warehouseId: brenneri,
      date: day('03-31'),
      reference: 'Telling mars',
      lines: [
        { itemId: items.bag, counted: 485 },
        { itemId: items.label, counted: 490 },
      ],
    });
    expect(counted.statusCode).toBe(201);
    expect(counted.data.movements).toHaveLength(1);
    expect(counted.data.movements[0]).toMatchObject({ kind: 'count', quantity: -5, value: -1_000 });
    expect(counted.data.voucherId).not.toBeNull();
    const voucher = (await api.get(`${base}/vouchers/${counted.data.voucherId}`)).data;
    const amounts = Object.fromEntries(
      voucher.postings.map((p: { account: string; amount: number }) => [p.account, p.amount]),
    );
    expect(amounts).toEqual({ '1460': -1_000, '4090': 1_000 });
  });

  it('lists items below their reorder point by preferred supplier', async () => {
    await api.post(`${inv}/movements`, {
      kind: 'issue',
      date: day('04-01'),
      lines: [{ itemId: items.green, warehouseId: brenneri, quantity: 80 }],
    });
    const report = (await api.get(`${inv}/reorder`)).data;
    expect(report.suppliers[0]).toMatchObject({ partyId: supplier, name: 'Kaffeimport AS' });
    expect(report.suppliers[0].items[0]).toMatchObject({
      itemId: items.green,
      reorderQuantity: 120,
      supplierItemNumber: 'ETH-G1',
    });
  });

  it('reports turnover and margin from invoice and credit note lines', async () => {
    const sell = async (kind: string, date: string, quantity: number) =>
      (
        await api.post(`${base}/documents`, {
          kind,
          partyId: customer,
          date,
          lines: [{ itemId: items.green, warehouseId: brenneri, quantity, unitPrice: 30_000 }],
        })
      ).data;
    const a = await sell('invoice', day('05-02'), 4);
    const b = await sell('invoice', day('06-02'), 2);
    const c = await sell('credit_note', day('06-03'), 1);
    const costOf = a.cost + b.cost - c.cost;
    const r = (await api.get(`${inv}/turnover?from=${YEAR}-01-01&to=${YEAR}-12-31&by=item`)).data;
    expect(r.basis).toBe('invoice-lines');
    const green = r.rows.find((x: { key: string }) => x.key === '1001');
    expect(green).toMatchObject({ quantity: 5, sales: 5 * 30_000, cost: costOf });
    expect(green.margin).toBe(green.sales - green.cost);
    const byGroup = (await api.get(`${inv}/turnover?from=${YEAR}-01-01&to=${YEAR}-12-31&by=group`))
      .data;
    expect(byGroup.rows.find((x: { key: string }) => x.key === 'BØNNER')).toMatchObject({
      sales: green.sales,
      cost: green.cost,
    });
    const byCustomer = (
      await api.get(`${inv}/turnover?from=${YEAR}-01-01&to=${YEAR}-12-31&by=customer`)
    ).data;
    expect(byCustomer.rows[0]).toMatchObject({ label: 'Hotell Vest AS', sales: green.sales });
    const byMonth = (await api.get(`${inv}/turnover?from=${YEAR}-01-01&to=${YEAR}-12-31&by=month`))
      .data;
    expect(byMonth.rows.map((x: { key: string }) => x.key)).toEqual([`${YEAR}-05`, `${YEAR}-06`]);
    expect(byMonth.total).toEqual(r.total);
  });

  it('looks up prices from lists, quantity breaks, campaigns and discounts', async () => {
    const groups = (await api.get(`${inv}/groups`)).data.groups;
    const kaffe = groups.find((g: { code: string }) => g.code === 'KAFFE');
    await api.put(`${inv}/customer-groups`, { partyId: customer, group: 'HORECA' });
    const list = await api.post(`${inv}/price-lists`, {
      name: 'Horeca',
      currency: 'NOK',
      customerGroup: 'HORECA',
      lines: [
        { itemId: items.green, price: 25_000 },
        { itemId: items.green, minQuantity: 20, price: 22_000 },
      ],
    });
    expect(list.statusCode).toBe(201);
    await api.post(`${inv}/price-lists`, {
      name: 'Export EUR',
      currency: 'EUR',
      lines: [{ itemId: items.green, price: 2_400 }],
    });
    await api.post(`${inv}/discounts`, { partyId: customer, itemGroupId: kaffe.id, percent: 10 });
    const q = (extra: string) =>
      api.get(`${inv}/price?itemId=${items.green}&date=${day('05-01')}${extra}`);
    expect((await q('')).data).toMatchObject({
      unitPrice: 30_000,
      source: 'item',
      netPrice: 30_000,
    });
    expect((await q(`&customerId=${customer}`)).data).toMatchObject({
      unitPrice: 25_000,
      source: 'priceList',
      discountPercent: 10,
      netPrice: 22_500,
    });
    expect((await q(`&customerId=${customer}&quantity=25`)).data.unitPrice).toBe(22_000);
    expect((await q('&currency=EUR')).data).toMatchObject({ unitPrice: 2_400, currency: 'EUR' });
    await api.post(`${inv}/price-lists`, {
      name: 'Vårkampanje',
      currency: 'NOK',
      campaign: true,
      validFrom: day('05-01'),
      validTo: day('05-31'),
      lines: [{ itemId: items.green, price: 19_900 }],
    });
    expect((await q(`&customerId=${customer}`)).data).toMatchObject({
      unitPrice: 19_900,
      source: 'campaign',
      netPrice: 19_900,
    });
    const june = await api.get(`${inv}/price?itemId=${items.green}&date=${day('06-01')}`);
    expect(june.data.source).toBe('item');
  });

  it('edits a price list as a whole, keeping its id, and names the field at fault', async () => {
    const created = await api.post(`${inv}/price-lists`, {
      name: 'Kafé',
      currency: 'NOK',
      customerGroup: 'KAFE',
      lines: [{ itemId: items.green, price: 26_000 }],
    });
    const id = created.data.id;
    const edited = await api.put(`${inv}/price-lists/${id}`, {
      name: 'Kafé og bakeri',
      currency: 'NOK',
      customerGroup: 'KAFE',
      validFrom: day('01-01'),
      lines: [
        { itemId: items.green, price: 25_950 },
        { itemId: items.green, minQuantity: 5.5, price: 24_000 },
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.data).toMatchObject({ id, name: 'Kafé og bakeri', validFrom: day('01-01') });
    const listed = (await api.get(`${inv}/price-lists`)).data.priceLists.find(
      (l: { id: number }) => l.id === id,
    );
    expect(
      listed.lines.map((l: { minQuantity: number; price: number }) => [l.minQuantity, l.price]),
    ).toEqual([
      [0, 25_950],
      [5.5, 24_000],
    ]);

    const backwards = await api.put(`${inv}/price-lists/${id}`, {
      name: 'Kafé og bakeri',
      currency: 'NOK',
      validFrom: day('05-01'),
      validTo: day('04-30'),
      lines: [{ itemId: items.green, price: -1 }],
    });
    expect(backwards.statusCode).toBe(400);
    const fields = backwards.data.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['lines.0.price']));
    const unknown = await api.put(`${inv}/price-lists/${id}`, {
      name: 'Kafé og bakeri',
      currency: 'NOK',
      lines: [
        { itemId: items.green, price: 100 },
        { itemId: 999_999, price: 100 },
      ],
    });
    expect(unknown.data.errors).toEqual([expect.objectContaining({ field: 'lines.1.itemId' })]);
    // Nothing of a refused change is kept.
    const after = (await api.get(`${inv}/price-lists`)).data.priceLists.find(
      (l: { id: number }) => l.id === id,
    );
    expect(after.lines).toHaveLength(2);
    expect(after.customerGroup).toBe('KAFE');
    const missing = await api.put(`${inv}/price-lists/999999`, {
      name: 'X',
      currency: 'NOK',
      lines: [],
    });
    expect(missing.statusCode).toBe(404);
  });

  it('adjusts many prices by rule with a preview, and refuses one making a price negative', async () => {
    const rule = { field: 'sales', kind: 'percent', value: 5, rounding: '90' };
    const preview = await api.post(`${inv}/price-adjustments/preview`, rule);
    expect(preview.statusCode).toBe(200);
    const green = preview.data.rows.find((r: { itemId: number }) => r.itemId === items.green);
    expect(green).toMatchObject({ oldPrice: 30_000, newPrice: 31_490 });
    expect((await api.get(`${inv}/items/${items.green}`)).data.salesPrice).toBe(30_000);

    const negative = await api.post(`${inv}/price-adjustments`, {
      field: 'sales',
      kind: 'amount',
      value: -20_000,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.data.errors[0].code).toBe('negative-price');
    expect((await api.get(`${inv}/items/${items.green}`)).data.salesPrice).toBe(30_000);

    const applied = await api.post(`${inv}/price-adjustments`, rule);
    expect(applied.statusCode).toBe(200);
    expect((await api.get(`${inv}/items/${items.green}`)).data.salesPrice).toBe(31_490);
    const card = (await api.get(`${inv}/items/${items.green}/card`)).data;
    expect(card.priceHistory[0]).toMatchObject({
      field: 'sales',
      oldPrice: 30_000,
      newPrice: 31_490,
      reason: 'adjustment',
    });
  });

  it('imports items from CSV with a preview and per-row errors', async () => {
    const good = [
      'Varenummer;Navn;Type;Enhet;Varegruppe;Salgspris;Kostpris',
      '5001;Kopp hvit;lager;stk;;"129,00";45,00',
      '5002;Baristakurs;tjeneste;kurs;;1 490,00;',
      '1001;Råkaffe Etiopia grade 1;lager;kg;BØNNER;320,00;',
    ].join('\r\n');
    const preview = await api.post(`${inv}/item-imports/preview`, { csv: good });
    expect(preview.statusCode).toBe(200);
    expect(preview.data).toMatchObject({ valid: true, creates: 2, updates: 1 });
    expect(preview.data.rows[0]).toMatchObject({ line: 2, number: '5001', salesPrice: 12_900 });

    const bad = `${good}\r\n5003;Boks;lager;boks;;10,00;\r\n5004;;lager;stk;;abc;`;
    const badPreview = await api.post(`${inv}/item-imports/preview`, { csv: bad });
    expect(badPreview.data.valid).toBe(false);
    expect(badPreview.data.rows[3].errors[0]).toMatch(/Unknown unit/);
    expect(badPreview.data.rows[4].errors).toHaveLength(2);
    const refused = await api.post(`${inv}/item-imports`, { csv: bad });
    expect(refused.statusCode).toBe(400);
    expect((await api.get(`${inv}/items?search=5001`)).data.items).toHaveLength(0);

    const done = await api.post(`${inv}/item-imports`, { csv: good });
    expect(done.statusCode).toBe(201);
    expect(done.data).toEqual({ created: 2, updated: 1 });
    const updated = (await api.get(`${inv}/items/${items.green}`)).data;
    expect(updated).toMatchObject({ name: 'Råkaffe Etiopia grade 1', salesPrice: 32_000 });
    expect(updated.suppliers).toHaveLength(1);
    expect((await api.get(`${inv}/items?search=kopp`)).data.items[0].number).toBe('5001');
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the item as the API returned it.
function editable(item: any) {
  return {
    number: item.number,
    kind: item.kind,
    name: item.name,
    unit: item.unit,
    salesPrice: item.salesPrice,
  };
}
