import { addDays } from '@nordbok/core';
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/database';
import type { Database } from '../db/schema';
import { createParty } from '../modules/accounting/party.service';
import type { PostingContext } from '../modules/accounting/voucher.service';
import type { Document } from '../modules/sales/document.schemas';
import {
  carryForward,
  createDocument,
  getDocument,
  groupInvoice,
  recordEvent,
} from '../modules/sales/document.service';
import { registerPayment } from '../modules/sales/payment.service';
import { seeded } from './demo-ledger';

/*
 * Fjordkaffe's year of sales and purchasing as documents, day by day up to today:
 * purchase orders to the equipment supplier, the green-coffee importer and the packaging
 * supplier, received (some in two deliveries), billed and paid; orders from cafés, hotels,
 * canteens and offices, shipped from the roastery as far as the stock reaches (the rest
 * follows a week later, or waits), invoiced per shipment or, for the large customers, once
 * a month for all their shipments; most invoices paid, some late, a few not at all; three
 * credit notes, courses sold for cash in the café, one export invoice in euro, and quotes
 * still waiting for an answer. Goods are shipped only when they are in stock on that day and
 * every later day, so the stock never goes below zero.
 */

const B2B_CUSTOMERS = [
  'Hotell Bryggen AS',
  'Vestland Kontorservice AS',
  'Bergen Sjømat AS',
  'Kafé Kaigaten AS',
  'Bergen Kaffebar AS',
  'Nordnes Bistro AS',
  'Fisketorget Mat AS',
  'Ulriken Kantine AS',
  'Haukeland Kiosk AS',
  'Vestlandsbanken Kantine',
  'Sentrum Bakeri AS',
  'Torget Delikatesse AS',
  'Bryggen Bokhandel AS',
  'Fjordhotellet AS',
  'Hotel Norge Vest AS',
  'Grieghallen Servering AS',
  'Vestland Catering AS',
  'Bergen Kongressenter AS',
  'Stavanger Kaffelag AS',
  'Oslo Espresso AS',
  'Nesttun Matsenter AS',
];
/** Large customers get one invoice a month for everything shipped to them. */
const MONTHLY_INVOICED = ['Hotell Bryggen AS', 'Fjordhotellet AS', 'Ulriken Kantine AS'];
const BAGS = ['3001', '3002', '3003', '3004', '3007', '3008'];
const KILO_BAGS = ['3005', '3006'];
/**
 * Equipment bought from the supplier in these quantities, and sold by the piece. Grinders
 * and Chemex jugs are left to the reorder proposal: none are bought in the demo year.
 */
const EQUIPMENT: [string, number][] = [
  ['5001', 12],
  ['5002', 8],
  ['5004', 4],
  ['5005', 6],
  ['5006', 20],
  ['5008', 3],
];

type Task = (date: string) => Promise<void>;

export async function createDemoSales(db: Kysely<Database>, companyId: number, today: string) {
  const year = Number(today.slice(0, 4));
  const exportDay = workday(`${year}-05-12`);
  const buyer =
    exportDay <= today
      ? (await createParty(db, companyId, { name: 'Hamburger Kaffeekontor GmbH', customer: true }))
          .id
      : null;
  // One transaction: the year is there whole or not at all, and it is written once.
  await inTransaction(db, (trx) => salesYear(trx, companyId, today, { exportDay, buyer }));
}

async function salesYear(
  db: Kysely<Database>,
  companyId: number,
  today: string,
  foreign: { exportDay: string; buyer: number | null },
) {
  const year = Number(today.slice(0, 4));
  const ctx: PostingContext = { companyId, userId: null };
  const random = seeded(year * 31 + 7);
  const pick = <T>(list: readonly T[]): T => list[random(0, list.length - 1)]!;

  const parties = await db
    .selectFrom('parties')
    .select(['id', 'name', 'customer_number', 'org_number'])
    .where('company_id', '=', companyId)
    .execute();
  const partyId = (name: string) => parties.find((p) => p.name === name)?.id;
  const customers = B2B_CUSTOMERS.flatMap((name) => {
    const id = partyId(name);
    return id ? [id] : [];
  });
  const monthly = new Set(MONTHLY_INVOICED.flatMap((name) => partyId(name) ?? []));
  // Persons who buy courses in the café: customers without an organisation number.
  const persons = parties
    .filter((p) => p.customer_number !== null && !p.org_number && !/ (AS|SA)$/.test(p.name))
    .map((p) => p.id);
  const supplier = (name: string) => {
    const id = partyId(name);
    if (!id) throw new Error(`The demo has no supplier ${name}.`);
    return id;
  };
  const gear = supplier('Nordisk Kaffeutstyr AS');
  const importer = supplier('Kaffeimportøren AS');
  const packaging = supplier('Emballasje Vest AS');

  const items = await db
    .selectFrom('items')
    .select(['id', 'number', 'kind'])
    .where('company_id', '=', companyId)
    .execute();
  const item = (number: string) => {
    const found = items.find((i) => i.number === number);
    if (!found) throw new Error(`The demo has no item ${number}.`);
    return found.id;
  };
  const stocked = new Set(
    items.filter((i) => i.kind === 'stock' || i.kind === 'structured').map((i) => i.id),
  );
  const warehouses = await db
    .selectFrom('warehouses')
    .select(['id', 'code'])
    .where('company_id', '=', companyId)
    .execute();
  const roastery = warehouses.find((w) => w.code === 'BRENN')!.id;
  const cafe = warehouses.find((w) => w.code === 'KAFE')!.id;

  /** What a warehouse can give of an item on `date` without going below zero then or later. */
  const available = async (itemId: number, warehouseId: number, date: string) => {
    const days = await db
      .selectFrom('stock_day_totals')
      .select(['date', 'quantity'])
      .where('company_id', '=', companyId)
      .where('item_id', '=', itemId)
      .where('warehouse_id', '=', warehouseId)
      .orderBy('date')
      .execute();
    let running = 0;
    let lowest: number | null = null;
    for (const d of days) {
      if (d.date > date && lowest === null) lowest = running;
      running += Number(d.quantity);
      if (d.date >= date) lowest = Math.min(lowest ?? running, running);
    }
    return Math.max(0, Math.floor((lowest ?? running) / 1000));
  };

  const agenda = new Map<string, Task[]>();
  let current = `${year}-01-02`;
  const later = (date: string, task: Task) => {
    const day = workday(date < current ? current : date);
    if (day > today) return;
    const tasks = agenda.get(day) ?? [];
    tasks.push(task);
    agenda.set(day, tasks);
  };

  // Purchasing: an order to one of three suppliers about every eight days.
  let purchases = 0;
  const purchase = async (date: string) => {
    const n = purchases++;
    const kind = n % 3;
    const lines =
      kind === 0
        ? [0, 1, 2, 3].map((k) => {
            const [number, quantity] = EQUIPMENT[(n + k) % EQUIPMENT.length]!;
            return { itemId: item(number), quantity };
          })
        : kind === 1
          ? [
              { itemId: item('1003'), quantity: 60 },
              { itemId: item('1006'), quantity: 25 },
              { itemId: item('1001'), quantity: 20 },
              { itemId: item(n % 2 ? '1002' : '1004'), quantity: 30 },
            ]
          : [
              { itemId: item('2001'), quantity: 1000 },
              { itemId: item('2002'), quantity: 150 },
              { itemId: item('2003'), quantity: 1000 },
            ];
    const order = await createDocument(db, ctx, {
      kind: 'purchase_order',
      partyId: [gear, importer, packaging][kind]!,
      date,
      warehouseId: roastery,
      ourReference: 'Innkjøp',
      lines,
    });
    const bill = (receipt: Document) =>
      later(addDays(receipt.date, 2), async (day) => {
        const b = await carryForward(db, ctx, receipt.id, { kind: 'bill', date: day });
        later(addDays(b.dueDate ?? day, -random(0, 3)), async (paid) => {
          if (paid < b.date) return;
          await registerPayment(db, ctx, {
            direction: 'out',
            partyId: b.partyId,
            date: paid,
            amount: b.gross,
            allocations: [{ documentId: b.id, amount: b.gross }],
          });
        });
      });
    // Every fifth order comes in two deliveries.
    const split = n % 5 === 2;
    later(addDays(date, [8, 10, 5][kind]!), async (day) => {
      const first = await carryForward(db, ctx, order.id, {
        kind: 'goods_receipt',
        date: day,
        ...(split
          ? {
              lines: order.lines.map((l) => ({
                lineId: l.id,
                quantity: Math.ceil(l.quantity / 2),
              })),
            }
          : {}),
      });
      bill(first);
      if (split) {
        later(addDays(day, 6), async (restDay) => {
          bill(await carryForward(db, ctx, order.id, { kind: 'goods_receipt', date: restDay }));
        });
      }
    });
  };

  // Sales: invoices are paid on time, late, partly or not at all; three are credited.
  let invoices = 0;
  const settle = async (invoice: Document) => {
    const n = ++invoices;
    const pay = (date: string, share: number) =>
      later(date, async (day) => {
        const now = await getDocument(db, companyId, invoice.id);
        const amount = Math.min(now.open, Math.round(now.gross * share));
        if (amount <= 0 || day < invoice.date) return;
        await registerPayment(db, ctx, {
          direction: 'in',
          partyId: invoice.partyId,
          date: day,
          amount,
          allocations: [{ documentId: invoice.id, amount }],
        });
      });
    const due = invoice.dueDate ?? addDays(invoice.date, 14);
    if (n === 18 || n === 77) {
      later(addDays(invoice.date, 4), async (day) => {
        await carryForward(db, ctx, invoice.id, {
          kind: 'credit_note',
          date: day,
          text: 'Feil levering, kreditert i sin helhet',
        });
      });
      return;
    }
    if (n === 121) {
      // One unit came damaged: credited, the rest paid.
      const line = invoice.lines[0]!;
      later(addDays(invoice.date, 5), async (day) => {
        await carryForward(db, ctx, invoice.id, {
          kind: 'credit_note',
          date: day,
          lines: [{ lineId: line.id, quantity: Math.min(1, line.quantity) }],
          text: 'Skadet ved levering',
        });
      });
      pay(addDays(due, 2), 1);
      return;
    }
    if (n % 31 === 7) return;
    const r = random(0, 99);
    if (r < 72) pay(addDays(due, -random(0, 6)), 1);
    else if (r < 92) pay(addDays(due, random(4, 35)), 1);
    else if (r < 97) pay(addDays(due, random(0, 10)), 0.5);
  };

  const invoiceFrom = async (source: Document, date: string) =>
    settle(await carryForward(db, ctx, source.id, { kind: 'invoice', date }));

  const waiting = new Map<number, number[]>();
  const ship = async (orderId: number, date: string, attempt: number) => {
    const order = await getDocument(db, companyId, orderId);
    const lines: { lineId: number; quantity: number }[] = [];
    for (const l of order.lines) {
      if (l.remaining <= 0 || !l.itemId) continue;
      const quantity = Math.min(l.remaining, await available(l.itemId, roastery, date));
      if (quantity > 0) lines.push({ lineId: l.id, quantity });
    }
    const short =
      lines.length < order.lines.length ||
      lines.some((w) => w.quantity < order.lines.find((l) => l.id === w.lineId)!.remaining);
    if (short && attempt < 2) later(addDays(date, 7), (day) => ship(orderId, day, attempt + 1));
    if (lines.length === 0) return;
    const shipment = await carryForward(db, ctx, orderId, { kind: 'shipment', date, lines });
    if (monthly.has(order.partyId)) {
      waiting.set(order.partyId, [...(waiting.get(order.partyId) ?? []), shipment.id]);
    } else await invoiceFrom(shipment, date);
  };

  const orderLines = () => {
    const p = random(0, 99);
    const bag = () => ({ itemId: item(pick(BAGS)), quantity: random(2, 6) });
    const kilo = () => ({ itemId: item(pick(KILO_BAGS)), quantity: random(1, 3) });
    const equipment = () => {
      const [number, batch] = pick(EQUIPMENT);
      return { itemId: item(number), quantity: random(1, Math.max(1, Math.ceil(batch / 4))) };
    };
    const unique = <L extends { itemId: number }>(lines: L[]) =>
      lines.filter((l, i) => lines.findIndex((m) => m.itemId === l.itemId) === i);
    if (p < 50) return unique(random(0, 1) ? [kilo(), bag()] : [kilo()]);
    if (p < 72) return unique(random(0, 1) ? [equipment(), equipment()] : [equipment()]);
    if (p < 85) return unique([kilo(), equipment()]);
    return [
      random(0, 1)
        ? { itemId: item('6003'), quantity: random(2, 3) }
        : { itemId: item('6004'), quantity: random(1, 3) },
    ];
  };

  let orders = 0;
  const afterOrder = (order: Document) => {
    if (order.lines.some((l) => l.itemId && stocked.has(l.itemId))) {
      later(addDays(order.date, random(1, 3)), (day) => ship(order.id, day, 0));
    } else later(addDays(order.date, random(2, 10)), (day) => invoiceFrom(order, day));
  };
  const newOrder = async (date: string) => {
    const n = orders++;
    const partyId = pick(customers);
    const lines = orderLines();
    const header = {
      partyId,
      date,
      warehouseId: roastery,
      yourReference: pick(['', '', 'Innkjøp', 'Kjøkkenet', 'Resepsjonen', `PO-${4100 + n}`]),
      lines,
    };
    if (n % 9 === 4) {
      // Some orders start as a quote the customer accepts a week later.
      const quote = await createDocument(db, ctx, { ...header, kind: 'quote' });
      later(addDays(date, 7), async (day) => {
        afterOrder(await carryForward(db, ctx, quote.id, { kind: 'order', date: day }));
      });
      return;
    }
    afterOrder(await createDocument(db, ctx, { ...header, kind: 'order' }));
  };

  const cashSale = async (date: string) => {
    if (persons.length === 0) return;
    const mug = item('5002');
    const lines: { itemId: number; quantity: number }[] = [{ itemId: item('6001'), quantity: 1 }];
    if ((await available(mug, cafe, date)) > 0) lines.push({ itemId: mug, quantity: 1 });
    await createDocument(db, ctx, {
      kind: 'invoice',
      partyId: pick(persons),
      date,
      cash: true,
      warehouseId: cafe,
      text: 'Betalt i kafeen',
      lines,
    });
  };

  const export_ = async (date: string, buyer: number) => {
    const lines: {
      itemId?: number;
      description?: string;
      quantity: number;
      unitPrice?: number;
      vatCode: string;
    }[] = [];
    for (const [number, wanted] of [
      ['3005', 12],
      ['3001', 24],
    ] as const) {
      const quantity = Math.min(wanted, await available(item(number), roastery, date));
      if (quantity > 0) lines.push({ itemId: item(number), quantity, vatCode: '52' });
    }
    lines.push({ description: 'Frakt til Hamburg', quantity: 1, unitPrice: 9_500, vatCode: '52' });
    const invoice = await createDocument(db, ctx, {
      kind: 'invoice',
      partyId: buyer,
      date,
      currency: 'EUR',
      rate: '11.62',
      warehouseId: roastery,
      yourReference: 'Bestellung 2231',
      lines,
    });
    later(addDays(date, 24), async (day) => {
      await registerPayment(db, ctx, {
        direction: 'in',
        partyId: buyer,
        date: day,
        amount: invoice.gross,
        currency: 'EUR',
        rate: '11.71',
        allocations: [{ documentId: invoice.id, amount: invoice.gross }],
      });
    });
  };

  const openQuote = async (date: string, n: number) => {
    const quote = await createDocument(db, ctx, {
      kind: 'quote',
      partyId: pick(customers),
      date,
      yourReference: 'Forespørsel',
      text: 'Tilbudet gjelder i 30 dager.',
      lines: [
        { itemId: item('6003'), quantity: 2 },
        { itemId: item(pick(KILO_BAGS)), quantity: random(10, 20) },
        ...(n % 2 ? [{ itemId: item('5004'), quantity: random(2, 4) }] : []),
      ],
    });
    if (n % 3 !== 2) await recordEvent(db, ctx, quote.id, { kind: 'sent' });
  };

  let quotes = 0;
  let weekdays = 0;
  for (let date = current; date <= today; date = addDays(date, 1)) {
    current = date;
    if (!agenda.has(date)) agenda.set(date, []);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const dayOfYear = Math.round((Date.parse(date) - Date.parse(`${year}-01-01`)) / 86_400_000);
    if (weekday >= 1 && weekday <= 5) {
      if (weekdays++ % 7 === 2) await purchase(date);
      if (random(0, 99) < 45) await newOrder(date);
      if (date === foreign.exportDay && foreign.buyer) await export_(date, foreign.buyer);
      const daysLeft = (Date.parse(today) - Date.parse(date)) / 86_400_000;
      if (weekday === 2 && daysLeft < 36) await openQuote(date, quotes++);
    }
    if (weekday === 6 && Math.floor(dayOfYear / 7) % 3 === 0) await cashSale(date);
    const tasks = agenda.get(date)!;
    for (let i = 0; i < tasks.length; i++) await tasks[i]!(date);
    agenda.delete(date);
    if (lastWorkdayOfMonth(date)) {
      for (const [customer, shipments] of waiting) {
        if (shipments.length === 0) continue;
        waiting.set(customer, []);
        await settle(await groupInvoice(db, ctx, { documentIds: shipments, date }));
      }
    }
  }
}

/** Saturdays and Sundays move to the Monday after. */
function workday(date: string) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

function lastWorkdayOfMonth(date: string) {
  const next = workday(addDays(date, 1));
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5 && next.slice(5, 7) !== date.slice(5, 7);
}
