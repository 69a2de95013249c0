import path from 'node:path';
import { isValidKid } from '@nordbok/formats';
import { beforeAll, expect, it } from 'vitest';
import { REFERENCE_DIR, schemaErrors } from '../../formats/test/support/xmllint';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;
const PAIN001_XSD = path.join(REFERENCE_DIR, 'iso20022/pain.001.001.03.xsd');

interface ProposalItem {
  itemId: number;
  onHand: number;
  openSales: number;
  onOrder: number;
  available: number;
  suggested: number;
  price: number;
  supplierItemNumber: string;
}
interface ProposalSupplier {
  partyId: number | null;
  name: string | null;
  items: ProposalItem[];
}

describeEachStore('purchase and remittance proposals', (store) => {
  let api: ApiClient;
  let base: string;
  let customer: number;
  let coffeeSupplier: number;
  let packagingSupplier: number;
  let beans: number;
  let filters: number;
  let cups: number;
  let warehouse: number;

  const proposal = async (): Promise<ProposalSupplier[]> =>
    (await api.get(`${base}/purchase-proposal?date=${day('03-01')}`)).data.suppliers;
  const itemIn = (suppliers: ProposalSupplier[], itemId: number) =>
    suppliers
      .flatMap((s) => s.items.map((i) => ({ ...i, supplier: s.partyId })))
      .find((i) => i.itemId === itemId);

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Forslag AS'));
    customer = (await api.post(`${base}/parties`, { name: 'Kafé Sentrum AS', customer: true })).data
      .id;
    coffeeSupplier = (await api.post(`${base}/parties`, { name: 'Kaffeimport AS', supplier: true }))
      .data.id;
    packagingSupplier = (
      await api.post(`${base}/parties`, { name: 'Emballasje AS', supplier: true })
    ).data.id;
    warehouse = (
      await api.post(`${base}/inventory/warehouses`, { code: 'HOVED', name: 'Hovedlager' })
    ).data.id;
    const item = async (
      number: string,
      name: string,
      reorderPoint: number,
      reorderQuantity: number,
      supplier: number,
      price: number,
    ) =>
      (
        await api.post(`${base}/inventory/items`, {
          number,
          kind: 'stock',
          name,
          unit: 'stk',
          salesPrice: price * 2,
          costPrice: price,
          reorderPoint,
          reorderQuantity,
          suppliers: [
            { partyId: supplier, supplierItemNumber: `S-${number}`, price, preferred: true },
          ],
        })
      ).data.id as number;
    beans = await item('100', 'Kaffebønner 1 kg', 10, 20, coffeeSupplier, 9_000);
    filters = await item('200', 'Filter 100 stk', 50, 10, packagingSupplier, 500);
    cups = await item('300', 'Kopper', 5, 10, packagingSupplier, 2_000);
    const receipt = await api.post(`${base}/documents`, {
      kind: 'goods_receipt',
      partyId: coffeeSupplier,
      date: day('01-10'),
      warehouseId: warehouse,
      lines: [
        { itemId: beans, quantity: 15, unitPrice: 9_000 },
        { itemId: filters, quantity: 20, unitPrice: 500 },
        { itemId: cups, quantity: 30, unitPrice: 2_000 },
      ],
    });
    expect(receipt.statusCode).toBe(201);
  });

  it('proposes what runs short once open sales orders are delivered, less what is on order', async () => {
    // 15 beans on hand is above the reorder point of 10 …
    expect(itemIn(await proposal(), beans)).toBeUndefined();
    // … but not once 8 of them are promised on an open sales order.
    const order = await api.post(`${base}/documents`, {
      kind: 'order',
      partyId: customer,
      date: day('02-01'),
      lines: [{ itemId: beans, quantity: 8 }],
    });
    expect(order.statusCode).toBe(201);
    // 5 filters are already on order from the supplier.
    const ordered = await api.post(`${base}/documents`, {
      kind: 'purchase_order',
      partyId: packagingSupplier,
      date: day('02-02'),
      lines: [{ itemId: filters, quantity: 5 }],
    });
    expect(ordered.statusCode).toBe(201);

    const suppliers = await proposal();
    expect(suppliers.map((s) => s.name).sort()).toEqual(['Emballasje AS', 'Kaffeimport AS']);
    expect(itemIn(suppliers, beans)).toMatchObject({
      supplier: coffeeSupplier,
      onHand: 15,
      openSales: 8,
      onOrder: 0,
      available: 7,
      suggested: 20,
      price: 9_000,
      supplierItemNumber: 'S-100',
    });
    // 20 + 5 on order is 25 short of 50: more than the reorder quantity of 10.
    expect(itemIn(suppliers, filters)).toMatchObject({
      supplier: packagingSupplier,
      onHand: 20,
      onOrder: 5,
      available: 25,
      suggested: 25,
    });
    expect(itemIn(suppliers, cups)).toBeUndefined();
  });

  it('makes one purchase order per supplier from the chosen lines, priced from the supplier', async () => {
    const refused = await api.post(`${base}/purchase-proposal`, {
      date: day('03-01'),
      lines: [
        { itemId: beans, supplierId: coffeeSupplier, quantity: 20 },
        { itemId: filters, supplierId: customer, quantity: 25 },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.data.errors[0].field).toBe('lines.1.supplierId');
    expect(
      (await api.get(`${base}/documents?kind=purchase_order`)).data.items.map(
        (d: { partyId: number }) => d.partyId,
      ),
    ).toEqual([packagingSupplier]);

    const res = await api.post(`${base}/purchase-proposal`, {
      date: day('03-01'),
      lines: [
        { itemId: beans, supplierId: coffeeSupplier, quantity: 20 },
        { itemId: filters, supplierId: packagingSupplier, quantity: 25 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const orders = res.data.orders;
    expect(orders).toHaveLength(2);
    const bySupplier = new Map(orders.map((o: { partyId: number }) => [o.partyId, o]));
    expect(bySupplier.get(coffeeSupplier)).toMatchObject({ kind: 'purchase_order', status: 0 });
    expect((bySupplier.get(coffeeSupplier) as { lines: unknown[] }).lines).toMatchObject([
      { itemId: beans, quantity: 20, unitPrice: 9_000 },
    ]);
    expect((bySupplier.get(packagingSupplier) as { lines: unknown[] }).lines).toMatchObject([
      { itemId: filters, quantity: 25, unitPrice: 500 },
    ]);
    // What is now on order covers both items.
    expect(await proposal()).toEqual([]);
  });

  it('proposes the bills due, pays them in one go and writes a pain.001 file that validates', async () => {
    const bill = async (supplier: number, md: string, due: string, extra: object, amount: number) =>
      (
        await api.post(`${base}/documents`, {
          kind: 'bill',
          partyId: supplier,
          date: day(md),
          dueDate: day(due),
          lines: [{ description: 'Varer', quantity: 1, unitPrice: amount, account: '4000' }],
          ...extra,
        })
      ).data;
    const withKid = await bill(
      coffeeSupplier,
      '03-01',
      '03-15',
      { externalNumber: 'KI-501', kid: '0000531' },
      80_000,
    );
    expect(isValidKid(withKid.kid)).toBe(true);
    const withText = await bill(
      packagingSupplier,
      '03-02',
      '03-20',
      { externalNumber: 'E-77' },
      12_000,
    );
    const later = await bill(packagingSupplier, '03-03', '06-30', {}, 5_000);

    const list = (await api.get(`${base}/remittance-proposal?dueBy=${day('03-31')}`)).data;
    expect(list.bills.map((b: { documentId: number }) => b.documentId)).toEqual([
      withKid.id,
      withText.id,
    ]);
    expect(list.bills[0]).toMatchObject({
      partyName: 'Kaffeimport AS',
      kid: '0000531',
      externalNumber: 'KI-501',
      open: 100_000,
      creditorAccount: null,
    });
    expect(list.total).toBe(100_000 + 15_000);

    const request = {
      date: day('03-14'),
      documentIds: [withKid.id, withText.id],
      creditorAccounts: [
        { documentId: withKid.id, account: '8601.11.17947' },
        { documentId: withText.id, account: '15032080313' },
      ],
    };
    // The company has no bank account to pay from yet.
    const noDebtor = await api.post(`${base}/remittances`, request);
    expect(noDebtor.statusCode).toBe(400);
    expect(noDebtor.data.detail ?? noDebtor.data.title).toMatch(/bank account/);
    expect((await api.patch(base, { bankAccount: '12345678903' })).statusCode).toBe(200);

    // A bill without an account to pay to is refused by name, and nothing is paid.
    const noAccount = await api.post(`${base}/remittances`, {
      ...request,
      creditorAccounts: [request.creditorAccounts[0]],
    });
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.data.errors[0].field).toBe('documentIds.1');
    expect(noAccount.data.errors[0].message).toMatch(
      new RegExp(`Regning ${withText.number} from Emballasje AS`),
    );
    expect((await api.get(`${base}/documents/${withKid.id}`)).data.status).toBe(4);

    const res = await api.post(`${base}/remittances`, request);
    expect(res.statusCode).toBe(201);
    expect(res.data.payments).toHaveLength(2);
    expect(res.data.payments[0]).toMatchObject({
      kind: 'supplier_payment',
      partyId: coffeeSupplier,
      gross: 100_000,
      date: day('03-14'),
    });
    for (const b of [withKid, withText]) {
      expect((await api.get(`${base}/documents/${b.id}`)).data).toMatchObject({
        status: 6,
        open: 0,
      });
    }
    expect((await api.get(`${base}/documents/${later.id}`)).data.status).toBe(4);

    const xml: string = res.data.pain001;
    expect(schemaErrors(xml, PAIN001_XSD)).toBeNull();
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
    expect(xml).toContain('<CtrlSum>1150.00</CtrlSum>');
    expect(xml).toContain('<Ref>0000531</Ref>');
    expect(xml).toContain('<Ustrd>Faktura E-77</Ustrd>');
    expect(xml).toContain('<Id>86011117947</Id>');
    expect(xml).toContain('<Id>12345678903</Id>');
    expect(xml).toContain('<Id>923609016</Id>');
    expect(xml).toContain(`<ReqdExctnDt>${day('03-14')}</ReqdExctnDt>`);
    expect(xml).toContain(`<EndToEndId>UTB-${res.data.payments[0].number}</EndToEndId>`);

    expect((await api.get(`${base}/remittance-proposal?dueBy=${day('03-31')}`)).data.bills).toEqual(
      [],
    );
    const again = await api.post(`${base}/remittances`, request);
    expect(again.statusCode).toBe(400);
    expect(again.data.errors[0]).toMatchObject({ field: 'documentIds.0', code: 'paid' });
  });
});
