import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createParty } from '../modules/accounting/party.service';
import {
  createGroup,
  createItem,
  createWarehouse,
  type NewItem,
} from '../modules/inventory/catalog.service';
import {
  createDiscount,
  savePriceList,
  setCustomerGroup,
} from '../modules/inventory/prices.service';
import { book, countList, postCount, postEntry } from '../modules/inventory/stock.service';

/*
 * Fjordkaffe's items and stock: green coffee roasted into bags at the roastery (Brenneri),
 * bags moved to the café (Kafé) and sold there, pastries bought from a bakery, equipment,
 * courses and subscriptions. The opening stock is exactly the 96 000 kr on 1460 in the
 * demo ledger's opening balance (no voucher: the ledger already holds it); every movement
 * after it posts its change in value, so 1460 always equals the stock list. The weekly
 * quantities are the demo's own and do not mirror each importer bill on 4000.
 */

const kr = (n: number) => Math.round(n * 100);

export async function createDemoInventory(db: Kysely<Database>, companyId: number, today: string) {
  const year = Number(today.slice(0, 4));
  const ctx = { companyId, userId: null };
  const parties = await db
    .selectFrom('parties')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .execute();
  const partyId = (name: string) => parties.find((p) => p.name === name)?.id;
  const importer =
    partyId('Kaffeimportøren AS') ??
    (await createParty(db, companyId, { name: 'Kaffeimportøren AS', supplier: true })).id;
  const packaging = (
    await createParty(db, companyId, {
      name: 'Emballasje Vest AS',
      orgNumber: '915000053',
      supplier: true,
    })
  ).id;
  const bakery = (
    await createParty(db, companyId, {
      name: 'Bakeriet på Torget AS',
      orgNumber: '915000061',
      supplier: true,
    })
  ).id;
  const gear = (
    await createParty(db, companyId, {
      name: 'Nordisk Kaffeutstyr AS',
      orgNumber: '915000088',
      supplier: true,
    })
  ).id;

  const brenneri = (await createWarehouse(db, companyId, { code: 'BRENN', name: 'Brenneri' })).id;
  const kafe = (await createWarehouse(db, companyId, { code: 'KAFE', name: 'Kafé' })).id;

  const group = async (
    code: string,
    name: string,
    sales: [string, string],
    purchase: [string, string],
    parentId?: number,
  ) =>
    (
      await createGroup(db, companyId, {
        code,
        name,
        parentId: parentId ?? null,
        salesAccount: sales[0],
        salesVatCode: sales[1],
        purchaseAccount: purchase[0],
        purchaseVatCode: purchase[1],
      })
    ).id;
  const food: [string, string] = ['3030', '31'];
  const general: [string, string] = ['3000', '3'];
  const g = {
    coffee: await group('KAFFE', 'Kaffe', food, ['4300', '11']),
    green: 0,
    roasted: 0,
    packaging: await group('EMB', 'Emballasje', general, ['4000', '1']),
    bakery: await group('BAKST', 'Bakst', general, ['4300', '11']),
    gear: await group('UTSTYR', 'Utstyr og tilbehør', general, ['4300', '1']),
    services: await group('TJEN', 'Kurs og tjenester', general, ['4300', '1']),
    subscriptions: await group('ABO', 'Abonnementer', food, ['4300', '11']),
  };
  g.green = await group('RÅKAFFE', 'Råkaffe', food, ['4000', '11'], g.coffee);
  g.roasted = await group('BRENT', 'Brent kaffe', food, ['4300', '11'], g.coffee);

  const ids: Record<string, number> = {};
  const item = async (input: NewItem) => {
    ids[input.number] = (await createItem(db, companyId, input)).id;
  };
  const green = (number: string, name: string, en: string, cost: number, supplierNo: string) =>
    item({
      number,
      kind: 'stock',
      groupId: g.green,
      name: `Råkaffe ${name}`,
      translations: { en: { name: `Green coffee ${en}`, description: '' } },
      unit: 'kg',
      costPrice: kr(cost),
      salesPrice: kr(cost * 2.2),
      reorderPoint: 60,
      reorderQuantity: 180,
      suppliers: [
        {
          partyId: importer,
          supplierItemNumber: supplierNo,
          price: kr(cost),
          leadDays: 28,
          preferred: true,
        },
      ],
    });
  await green('1001', 'Etiopia Yirgacheffe', 'Ethiopia Yirgacheffe', 125, 'ETH-YRG-G1');
  await green('1002', 'Colombia Huila', 'Colombia Huila', 110, 'COL-HUI-EX');
  await green('1003', 'Brasil Cerrado', 'Brazil Cerrado', 95, 'BRA-CER-17');
  await green('1004', 'Kenya AA Nyeri', 'Kenya AA Nyeri', 140, 'KEN-AA-NY');
  await green('1005', 'Guatemala Antigua', 'Guatemala Antigua', 115, 'GUA-ANT-SHB');
  await green('1006', 'Sumatra Mandheling', 'Sumatra Mandheling', 120, 'SUM-MAN-G1');

  const pack = (number: string, name: string, cost: number, reorder: number, supplierNo: string) =>
    item({
      number,
      kind: 'stock',
      groupId: g.packaging,
      name,
      unit: 'stk',
      costPrice: kr(cost),
      reorderPoint: reorder,
      reorderQuantity: reorder * 4,
      suppliers: [
        { partyId: packaging, supplierItemNumber: supplierNo, price: kr(cost), leadDays: 10 },
      ],
    });
  await pack('2001', 'Kaffepose 250 g med ventil', 2.5, 600, 'VP-250-KR');
  await pack('2002', 'Kaffepose 1 kg med ventil', 4, 150, 'VP-1000-KR');
  await pack('2003', 'Etikett Fjordkaffe', 0.6, 800, 'ET-FK-60');
  await pack('2004', 'Takeaway-beger 12 oz', 1.2, 500, 'BG-12-PAP');
  await pack('2005', 'Lokk til beger 12 oz', 0.45, 500, 'LK-12-PAP');

  // Roasted coffee: a bag takes 295 g of green coffee for 250 g roasted (about 15 % loss).
  const bag = (
    number: string,
    name: string,
    en: string,
    price: number,
    beans: [string, number][],
    large = false,
  ) =>
    item({
      number,
      kind: 'structured',
      groupId: g.roasted,
      name,
      translations: { en: { name: en, description: '' } },
      unit: 'stk',
      salesPrice: kr(price),
      weightGrams: large ? 1000 : 250,
      reorderPoint: large ? 10 : 40,
      reorderQuantity: large ? 20 : 120,
      components: [
        ...beans.map(([n, kg]) => ({ itemId: ids[n]!, quantity: large ? kg * 4 : kg })),
        { itemId: ids[large ? '2002' : '2001']!, quantity: 1 },
        { itemId: ids['2003']!, quantity: 1 },
      ],
    });
  await bag('3001', 'Fjordblend 250 g', 'Fjord blend 250 g', 149, [
    ['1003', 0.15],
    ['1002', 0.1],
    ['1001', 0.045],
  ]);
  await bag('3002', 'Etiopia Yirgacheffe 250 g', 'Ethiopia Yirgacheffe 250 g', 179, [
    ['1001', 0.295],
  ]);
  await bag('3003', 'Colombia Huila 250 g', 'Colombia Huila 250 g', 169, [['1002', 0.295]]);
  await bag('3004', 'Espresso Bryggen 250 g', 'Espresso Bryggen 250 g', 159, [
    ['1003', 0.177],
    ['1006', 0.118],
  ]);
  await bag(
    '3005',
    'Fjordblend 1 kg',
    'Fjord blend 1 kg',
    499,
    [
      ['1003', 0.15],
      ['1002', 0.1],
      ['1001', 0.045],
    ],
    true,
  );
  await bag(
    '3006',
    'Espresso Bryggen 1 kg',
    'Espresso Bryggen 1 kg',
    539,
    [
      ['1003', 0.177],
      ['1006', 0.118],
    ],
    true,
  );
  await bag('3007', 'Kenya AA Nyeri 250 g', 'Kenya AA Nyeri 250 g', 199, [['1004', 0.295]]);
  await bag('3008', 'Guatemala Antigua 250 g', 'Guatemala Antigua 250 g', 169, [['1005', 0.295]]);

  const pastry = (number: string, name: string, en: string, cost: number, price: number) =>
    item({
      number,
      kind: 'stock',
      groupId: g.bakery,
      name,
      translations: { en: { name: en, description: '' } },
      unit: 'stk',
      costPrice: kr(cost),
      salesPrice: kr(price),
      suppliers: [{ partyId: bakery, price: kr(cost), leadDays: 1 }],
    });
  await pastry('4001', 'Kanelbolle', 'Cinnamon bun', 14, 42);
  await pastry('4002', 'Skolebolle', 'Custard bun', 15, 45);
  await pastry('4003', 'Croissant', 'Croissant', 12, 38);
  await pastry('4004', 'Sjokoladekake, stykke', 'Chocolate cake, slice', 18, 65);
  await pastry('4005', 'Gulrotkake, stykke', 'Carrot cake, slice', 17, 62);
  await pastry('4006', 'Havrekjeks', 'Oat biscuit', 6, 25);

  const equipment = (
    number: string,
    name: string,
    en: string,
    cost: number,
    price: number,
    reorder: number,
  ) =>
    item({
      number,
      kind: 'stock',
      groupId: g.gear,
      name,
      translations: { en: { name: en, description: '' } },
      unit: 'stk',
      costPrice: kr(cost),
      salesPrice: kr(price),
      reorderPoint: reorder,
      reorderQuantity: reorder * 3,
      suppliers: [
        { partyId: gear, supplierItemNumber: `NKU-${number}`, price: kr(cost), leadDays: 14 },
      ],
    });
  await equipment('5001', 'Kopp Fjordkaffe, hvit', 'Fjordkaffe mug, white', 60, 179, 10);
  await equipment('5002', 'Termokopp 350 ml', 'Travel mug 350 ml', 95, 299, 8);
  await equipment('5003', 'Kaffekvern, manuell', 'Hand grinder', 420, 1090, 3);
  await equipment('5004', 'AeroPress', 'AeroPress', 290, 549, 4);
  await equipment('5005', 'V60-dripper', 'V60 dripper', 80, 249, 5);
  await equipment('5006', 'Filterpapir V60, 100 stk', 'V60 filter papers, 100', 35, 89, 10);
  await equipment('5007', 'Chemex, 6 kopper', 'Chemex, 6 cups', 390, 799, 2);
  await equipment('5008', 'Melkemugge 350 ml', 'Milk jug 350 ml', 110, 269, 3);
  // Alternatives suggested when an item is out of stock.
  await db
    .insertInto('item_alternatives')
    .values([
      { item_id: ids['5004']!, alternative_id: ids['5005']!, position: 0 },
      { item_id: ids['5007']!, alternative_id: ids['5005']!, position: 0 },
      { item_id: ids['3007']!, alternative_id: ids['3002']!, position: 0 },
    ])
    .execute();

  const service = (number: string, name: string, en: string, unit: string, price: number) =>
    item({
      number,
      kind: 'service',
      groupId: g.services,
      name,
      translations: { en: { name: en, description: '' } },
      unit,
      salesPrice: kr(price),
    });
  await service('6001', 'Baristakurs, grunnkurs', 'Barista course, basic', 'kurs', 1490);
  await service('6002', 'Cupping-kveld', 'Cupping evening', 'kurs', 450);
  await service('6003', 'Kaffesmaking for bedrifter', 'Coffee tasting for companies', 'time', 1800);
  await service('6004', 'Service på kaffemaskin', 'Coffee machine service', 'time', 950);
  await item({
    number: '6005',
    kind: 'goods',
    groupId: g.gear,
    name: 'Kaffemaskin, bestillingsvare',
    translations: { en: { name: 'Espresso machine, made to order', description: '' } },
    unit: 'stk',
    salesPrice: kr(24_900),
    costPrice: kr(16_500),
  });

  const subscription = (
    number: string,
    name: string,
    en: string,
    period: 'month' | 'quarter',
    renewal: 'automatic' | 'manual',
    price: number,
  ) =>
    item({
      number,
      kind: 'subscription',
      groupId: g.subscriptions,
      name,
      translations: { en: { name: en, description: '' } },
      unit: 'mnd',
      subscriptionPeriod: period,
      subscriptionRenewal: renewal,
      salesPrice: kr(price),
    });
  await subscription(
    '7001',
    'Kaffeabonnement 500 g',
    'Coffee subscription 500 g',
    'month',
    'automatic',
    329,
  );
  await subscription(
    '7002',
    'Kontorabonnement 2 kg',
    'Office subscription 2 kg',
    'month',
    'automatic',
    1190,
  );
  await subscription(
    '7003',
    'Gaveabonnement, 3 måneder',
    'Gift subscription, 3 months',
    'quarter',
    'manual',
    899,
  );

  // Opening stock on 1 January: the 96 000 kr the opening balance has on 1460.
  const opening: [string, number, number, number][] = [
    ['1001', brenneri, 120, 125],
    ['1002', brenneri, 150, 110],
    ['1003', brenneri, 200, 95],
    ['1004', brenneri, 60, 140],
    ['1005', brenneri, 80, 115],
    ['1006', brenneri, 50, 120],
    ['2001', brenneri, 3000, 2.5],
    ['2002', brenneri, 800, 4],
    ['2003', brenneri, 4000, 0.6],
    ['2004', kafe, 2000, 1.2],
    ['2005', kafe, 2000, 0.45],
    ['5001', kafe, 40, 60],
    ['5002', kafe, 20, 95],
    ['5005', kafe, 15, 80],
  ];
  await book(db, ctx, {
    kind: 'adjustment',
    date: `${year}-01-01`,
    reference: 'Inngående beholdning',
    postToLedger: false,
    indexOf: (n) => n,
    lines: opening.map(([number, warehouseId, quantity, cost]) => ({
      itemId: ids[number]!,
      warehouseId,
      kind: 'adjustment',
      quantity: quantity * 1000,
      unitCost: kr(cost),
    })),
  });

  // A year of weeks up to today.
  let state = year;
  const vary = (base: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.max(1, Math.round(base * (0.8 + (state % 400) / 1000)));
  };
  const weekly: [string, number][] = [
    ['3001', 70],
    ['3002', 25],
    ['3003', 20],
    ['3004', 45],
    ['3005', 6],
    ['3006', 5],
    ['3007', 10],
    ['3008', 12],
  ];
  const pastries: [string, number][] = [
    ['4001', 120],
    ['4002', 60],
    ['4003', 80],
    ['4004', 30],
    ['4005', 30],
    ['4006', 90],
  ];
  const dayAfter = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  let week = 0;
  for (let monday = firstMonday(year); dayAfter(monday, 5) <= today; monday = dayAfter(monday, 7)) {
    week += 1;
    const ref = `Uke ${week}`;
    await postEntry(db, ctx, {
      kind: 'receipt',
      date: dayAfter(monday, 1),
      reference: `Råkaffe ${ref}`,
      lines: [
        {
          itemId: ids['1003']!,
          warehouseId: brenneri,
          quantity: 34,
          unitCost: kr(93 + (week % 5)),
        },
        {
          itemId: ids['1002']!,
          warehouseId: brenneri,
          quantity: 19,
          unitCost: kr(108 + (week % 4)),
        },
        {
          itemId: ids['1001']!,
          warehouseId: brenneri,
          quantity: 15,
          unitCost: kr(124 + (week % 3)),
        },
        { itemId: ids['1006']!, warehouseId: brenneri, quantity: 10, unitCost: kr(119) },
        ...(week % 2 === 0
          ? [
              { itemId: ids['1004']!, warehouseId: brenneri, quantity: 8, unitCost: kr(141) },
              { itemId: ids['1005']!, warehouseId: brenneri, quantity: 9, unitCost: kr(114) },
            ]
          : []),
      ],
    });
    if (week % 6 === 0) {
      await postEntry(db, ctx, {
        kind: 'receipt',
        date: dayAfter(monday, 2),
        reference: `Emballasje ${ref}`,
        lines: [
          { itemId: ids['2001']!, warehouseId: brenneri, quantity: 1200, unitCost: kr(2.5) },
          { itemId: ids['2002']!, warehouseId: brenneri, quantity: 80, unitCost: kr(4) },
          { itemId: ids['2003']!, warehouseId: brenneri, quantity: 1200, unitCost: kr(0.6) },
          { itemId: ids['2004']!, warehouseId: kafe, quantity: 1000, unitCost: kr(1.25) },
          { itemId: ids['2005']!, warehouseId: kafe, quantity: 1000, unitCost: kr(0.45) },
        ],
      });
    }
    const made = weekly.map(([number, base]) => [number, vary(base)] as const);
    await postEntry(db, ctx, {
      kind: 'production',
      date: dayAfter(monday, 2),
      reference: `Brenning ${ref}`,
      lines: made.map(([number, quantity]) => ({
        itemId: ids[number]!,
        warehouseId: brenneri,
        quantity,
      })),
    });
    await postEntry(db, ctx, {
      kind: 'transfer',
      date: dayAfter(monday, 3),
      reference: `Til kafé ${ref}`,
      lines: made.map(([number, quantity]) => ({
        itemId: ids[number]!,
        warehouseId: brenneri,
        toWarehouseId: kafe,
        quantity: Math.max(1, quantity - 2),
      })),
    });
    const bought = pastries.map(([number, base]) => [number, vary(base)] as const);
    await postEntry(db, ctx, {
      kind: 'receipt',
      date: monday,
      reference: `Bakst ${ref}`,
      lines: bought.map(([number, quantity]) => ({
        itemId: ids[number]!,
        warehouseId: kafe,
        quantity,
      })),
    });
    await postEntry(db, ctx, {
      kind: 'issue',
      date: dayAfter(monday, 5),
      reference: `Salg kafé ${ref}`,
      lines: [
        ...bought.map(([number, quantity]) => ({
          itemId: ids[number]!,
          warehouseId: kafe,
          quantity,
        })),
        ...made.map(([number, quantity]) => ({
          itemId: ids[number]!,
          warehouseId: kafe,
          quantity: Math.max(1, quantity - 6),
        })),
        { itemId: ids['2004']!, warehouseId: kafe, quantity: vary(150) },
        { itemId: ids['2005']!, warehouseId: kafe, quantity: vary(150) },
        ...(week % 3 === 0 ? [{ itemId: ids['5001']!, warehouseId: kafe, quantity: 2 }] : []),
        ...(week % 4 === 0 ? [{ itemId: ids['5005']!, warehouseId: kafe, quantity: 1 }] : []),
      ],
    });
  }

  // A stock count at the café at the end of March: a few cups and a mug had gone missing.
  const march = `${year}-03-31`;
  if (march <= today) {
    const sheet = await countList(db, companyId, { warehouseId: kafe, date: march });
    const expected = (number: string) =>
      sheet.rows.find((r) => r.itemId === ids[number])?.expected ?? 0;
    await postCount(db, ctx, {
      warehouseId: kafe,
      date: march,
      reference: 'Telling kafé mars',
      lines: [
        { itemId: ids['2004']!, counted: Math.max(0, expected('2004') - 14) },
        { itemId: ids['2005']!, counted: expected('2005') },
        { itemId: ids['5001']!, counted: Math.max(0, expected('5001') - 1) },
      ],
    });
  }

  // Prices: the hotel and restaurant customers buy by price list, with quantity breaks.
  const hotel = partyId('Hotell Bryggen AS');
  const office = partyId('Vestland Kontorservice AS');
  if (hotel) await setCustomerGroup(db, companyId, { partyId: hotel, group: 'HORECA' });
  await savePriceList(db, companyId, null, {
    name: 'Horeca',
    currency: 'NOK',
    customerGroup: 'HORECA',
    lines: [
      { itemId: ids['3005']!, price: kr(429) },
      { itemId: ids['3005']!, minQuantity: 10, price: kr(399) },
      { itemId: ids['3006']!, price: kr(459) },
      { itemId: ids['3006']!, minQuantity: 10, price: kr(429) },
    ],
  });
  await savePriceList(db, companyId, null, {
    name: 'Eksport EUR',
    currency: 'EUR',
    lines: [
      { itemId: ids['3001']!, price: 1390 },
      { itemId: ids['3005']!, price: 4490 },
    ],
  });
  await savePriceList(db, companyId, null, {
    name: 'Julekampanje',
    currency: 'NOK',
    campaign: true,
    validFrom: `${year}-12-01`,
    validTo: `${year}-12-23`,
    lines: [
      { itemId: ids['3001']!, price: kr(129) },
      { itemId: ids['5002']!, price: kr(249) },
    ],
  });
  if (office) {
    await createDiscount(db, companyId, {
      partyId: office,
      itemGroupId: g.subscriptions,
      percent: 10,
    });
  }
  await createDiscount(db, companyId, {
    customerGroup: 'HORECA',
    itemGroupId: g.gear,
    percent: 15,
  });
}

function firstMonday(year: number): string {
  const d = new Date(Date.UTC(year, 0, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
