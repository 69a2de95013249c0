import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { type PostingContext, postVouchers } from '../accounting/voucher.service';
import {
  type findItemRow,
  getSettings,
  listWarehouses,
  recordPrices,
  STOCKED,
} from './catalog.service';
import { fromMilli, mulDiv, quantitySchema, stockValue, toMilli } from './quantity';

/*
 * Stock movements: an append-only ledger of quantities (thousandths) and values (øre).
 * Every movement adds to `stock_day_totals` (item, warehouse, day) and `stock_balances`
 * (item, warehouse, now) in its own transaction, so on-hand at any date sums a few day rows
 * and today's stock list reads one row per item and warehouse.
 *
 * Costing is the weighted average per item over all warehouses: an issue leaves at the
 * average value of what is on hand, a receipt moves the average and sets the item's cost
 * price to it.
 *
 * Ledger: the net change in stock value of an entry is posted as one voucher with the
 * voucher service: the stock account (1460 Lager av handelsvarer) against the stock change
 * account (4090 Endring i varebeholdning). This is the Norwegian way (NS 4102): purchases
 * are booked on 43xx by the bill, and the change in stock corrects cost of goods, so
 * 43xx + 4090 is the cost of what was sold. The standard chart has 4090 rather than 4390;
 * both accounts are company settings. Transfers and production move value inside 1460 and
 * post nothing.
 */

export const MOVEMENT_KINDS = [
  'receipt',
  'issue',
  'transfer',
  'adjustment',
  'production',
  'count',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

const id = z.number().int().positive();

export const newEntrySchema = z.strictObject({
  kind: z.enum(['receipt', 'issue', 'transfer', 'adjustment', 'production']),
  date: isoDateSchema,
  reference: z.string().trim().max(100).optional(),
  lines: z
    .array(
      z.strictObject({
        itemId: id,
        warehouseId: id,
        /** Transfers only: where the goods go. */
        toWarehouseId: id.optional(),
        /** Positive, except for adjustments, which may be negative. */
        quantity: quantitySchema,
        /** Receipts (and positive adjustments): øre per unit; the cost price when left out. */
        unitCost: z.number().int().min(0).optional(),
      }),
    )
    .min(1, 'An entry needs at least one line.')
    .max(1000),
});
export type NewEntry = z.infer<typeof newEntrySchema>;

export const movementSchema = z.object({
  id: z.number(),
  batchId: z.number(),
  date: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  warehouseId: z.number(),
  warehouseCode: z.string(),
  quantity: z.number(),
  unitCost: z.number(),
  value: z.number(),
  reference: z.string(),
  voucherId: z.number().nullable(),
});
export type Movement = z.infer<typeof movementSchema>;

export const entrySchema = z.object({
  batchId: z.number(),
  voucherId: z.number().nullable(),
  movements: z.array(movementSchema),
});

interface Line {
  itemId: number;
  warehouseId: number;
  kind: MovementKind;
  quantity: number; // signed thousandths
  unitCost?: number;
}

/** The running state of one entry: what is on hand, per item and warehouse, as lines post. */
class Position {
  private readonly balances = new Map<string, { quantity: number; value: number }>();
  constructor(
    private readonly db: Kysely<Database>,
    private readonly companyId: number,
  ) {}

  async of(itemId: number) {
    const key = String(itemId);
    if (!this.balances.has(key)) {
      const rows = await this.db
        .selectFrom('stock_balances')
        .select(['warehouse_id', 'quantity', 'value'])
        .where('company_id', '=', this.companyId)
        .where('item_id', '=', itemId)
        .execute();
      for (const r of rows) {
        this.balances.set(`${itemId}/${r.warehouse_id}`, { quantity: r.quantity, value: r.value });
      }
      const total = rows.reduce(
        (t, r) => ({ quantity: t.quantity + r.quantity, value: t.value + r.value }),
        { quantity: 0, value: 0 },
      );
      this.balances.set(key, total);
    }
    return this.balances.get(key)!;
  }

  async inWarehouse(itemId: number, warehouseId: number) {
    await this.of(itemId);
    const key = `${itemId}/${warehouseId}`;
    if (!this.balances.has(key)) this.balances.set(key, { quantity: 0, value: 0 });
    return this.balances.get(key)!;
  }

  async add(itemId: number, warehouseId: number, quantity: number, value: number) {
    const total = await this.of(itemId);
    const here = await this.inWarehouse(itemId, warehouseId);
    total.quantity += quantity;
    total.value += value;
    here.quantity += quantity;
    here.value += value;
  }
}

/**
 * Posts one stock entry: its movements, the day totals and balances, the new cost prices,
 * and the voucher for the change in stock value, all in one transaction.
 */
export async function postEntry(db: Kysely<Database>, ctx: PostingContext, input: NewEntry) {
  const lines: Line[] = [];
  input.lines.forEach((l, i) => {
    const at = `lines.${i}`;
    const quantity = toMilli(l.quantity);
    if (quantity === 0) throw AppError.field(`${at}.quantity`, 'The quantity cannot be zero.');
    if (input.kind !== 'adjustment' && quantity < 0) {
      throw AppError.field(`${at}.quantity`, 'The quantity must be positive.');
    }
    if (input.kind === 'transfer') {
      if (!l.toWarehouseId) {
        throw AppError.field(`${at}.toWarehouseId`, 'Choose the warehouse to move to.', 'required');
      }
      if (l.toWarehouseId === l.warehouseId) {
        throw AppError.field(`${at}.toWarehouseId`, 'Move to another warehouse.');
      }
      lines.push({
        itemId: l.itemId,
        warehouseId: l.warehouseId,
        kind: 'transfer',
        quantity: -quantity,
      });
      lines.push({ itemId: l.itemId, warehouseId: l.toWarehouseId, kind: 'transfer', quantity });
      return;
    }
    const sign = input.kind === 'issue' ? -1 : 1;
    lines.push({
      itemId: l.itemId,
      warehouseId: l.warehouseId,
      kind: input.kind,
      quantity: sign * quantity,
      ...(l.unitCost === undefined ? {} : { unitCost: l.unitCost }),
    });
  });
  return book(db, ctx, {
    kind: input.kind,
    date: input.date,
    reference: input.reference ?? '',
    lines,
    indexOf: (n) => (input.kind === 'transfer' ? Math.floor(n / 2) : n),
  });
}

interface Booking {
  kind: MovementKind;
  date: string;
  reference: string;
  lines: Line[];
  /** Which input line a booked line came from, for field errors. */
  indexOf: (n: number) => number;
  description?: string;
  /**
   * False for stock whose value the ledger already holds, such as the opening stock behind
   * an opening balance on 1460: the movements are written, no voucher is posted.
   */
  postToLedger?: boolean;
}

export async function book(db: Kysely<Database>, ctx: PostingContext, booking: Booking) {
  return inTransaction(db, async (trx) => {
    const { companyId } = ctx;
    const settings = await getSettings(trx, companyId);
    const warehouses = new Set((await listWarehouses(trx, companyId)).map((w) => w.id));
    const position = new Position(trx, companyId);
    const items = new Map<number, Awaited<ReturnType<typeof findItemRow>>>();
    const itemOf = async (itemId: number, field: string) => {
      if (!items.has(itemId)) {
        const row = await trx
          .selectFrom('items')
          .selectAll()
          .where('company_id', '=', companyId)
          .where('id', '=', itemId)
          .executeTakeFirst();
        if (!row) throw AppError.field(field, 'No such item.', 'unknown');
        items.set(itemId, row);
      }
      return items.get(itemId)!;
    };

    // Production: each produced line first consumes its components from the same warehouse.
    const expanded: (Line & { from: number; consumes?: number[] })[] = [];
    for (const [n, line] of booking.lines.entries()) {
      const field = `lines.${booking.indexOf(n)}`;
      const item = await itemOf(line.itemId, `${field}.itemId`);
      if (!STOCKED.includes(item.kind)) {
        throw AppError.field(
          `${field}.itemId`,
          `${item.number} ${item.name} is not kept in stock.`,
        );
      }
      if (!warehouses.has(line.warehouseId)) {
        throw AppError.field(`${field}.warehouseId`, 'No such warehouse.', 'unknown');
      }
      if (booking.kind === 'production') {
        if (item.kind !== 'structured') {
          throw AppError.field(`${field}.itemId`, 'Only a structured item can be produced.');
        }
        const components = await trx
          .selectFrom('item_components')
          .select(['component_id', 'quantity'])
          .where('item_id', '=', item.id)
          .orderBy('position')
          .execute();
        if (components.length === 0) {
          throw AppError.field(`${field}.itemId`, 'The item has no bill of materials.');
        }
        const consumes: number[] = [];
        for (const c of components) {
          consumes.push(expanded.length);
          expanded.push({
            itemId: c.component_id,
            warehouseId: line.warehouseId,
            kind: 'production',
            quantity: -mulDiv(c.quantity, line.quantity, 1000),
            from: n,
          });
        }
        expanded.push({ ...line, from: n, consumes });
      } else {
        expanded.push({ ...line, from: n });
      }
    }

    const booked: { line: Line; unitCost: number; value: number }[] = [];
    // What this entry has already moved per item and warehouse (all on the entry's date).
    const batchDelta = new Map<string, number>();
    for (const line of expanded) {
      const field = `lines.${booking.indexOf(line.from)}`;
      const item = await itemOf(line.itemId, `${field}.itemId`);
      if (!STOCKED.includes(item.kind)) {
        throw AppError.field(`${field}.itemId`, `Component ${item.number} is not kept in stock.`);
      }
      const total = await position.of(line.itemId);
      let value: number;
      if (line.consumes) {
        // What was produced is worth what it consumed.
        value = -line.consumes.reduce((sum, i) => sum + booked[i]!.value, 0);
      } else if (line.quantity > 0 && (line.kind === 'receipt' || line.unitCost !== undefined)) {
        value = stockValue(line.quantity, line.unitCost ?? item.cost_price);
      } else if (line.kind === 'transfer' && line.quantity > 0) {
        // The incoming half carries exactly what the outgoing half took.
        value = -booked[booked.length - 1]!.value;
      } else {
        value = averageValue(total, line.quantity, item.cost_price);
      }
      if (line.quantity < 0 && !settings.allowNegativeStock) {
        const available = await lowestFrom(trx, companyId, line, booking.date);
        const pending = (batchDelta.get(`${line.itemId}/${line.warehouseId}`) ?? 0) + available;
        if (pending + line.quantity < 0) {
          throw AppError.field(
            `${field}.quantity`,
            `Not enough ${item.number} ${item.name} in stock: ${fromMilli(Math.max(0, pending))} ${item.unit} available on ${booking.date} and after, ${fromMilli(-line.quantity)} wanted. The company does not allow negative stock.`,
            'negative-stock',
          );
        }
      }
      const key = `${line.itemId}/${line.warehouseId}`;
      batchDelta.set(key, (batchDelta.get(key) ?? 0) + line.quantity);
      await position.add(line.itemId, line.warehouseId, line.quantity, value);
      const unitCost = mulDiv(Math.abs(value), 1000, Math.abs(line.quantity));
      booked.push({ line, unitCost, value });
      if (value > 0 && (line.kind === 'receipt' || line.consumes)) {
        const after = await position.of(line.itemId);
        if (after.quantity > 0) {
          const average = mulDiv(after.value, 1000, after.quantity);
          if (average !== item.cost_price) {
            await trx
              .updateTable('items')
              .set({ cost_price: average })
              .where('id', '=', item.id)
              .execute();
            await recordPrices(
              trx,
              companyId,
              item.id,
              { sales: item.sales_price, cost: item.cost_price },
              { sales_price: item.sales_price, cost_price: average },
              booking.kind,
              ctx.userId,
            );
            item.cost_price = average;
          }
        }
      }
    }

    const change = booked.reduce((sum, b) => sum + b.value, 0);
    let voucherId: number | null = null;
    if (change !== 0 && booking.postToLedger !== false) {
      const [voucher] = await postVouchers(trx, ctx, [
        {
          series: settings.voucherSeries,
          date: booking.date,
          description: booking.description ?? stockVoucherText(booking.kind, booking.reference),
          lines: [
            { account: settings.stockAccount, amount: change },
            { account: settings.changeAccount, amount: -change },
          ],
        },
      ]);
      voucherId = voucher!.id;
    }
    const batch = await trx
      .insertInto('stock_batches')
      .values({
        company_id: companyId,
        kind: booking.kind,
        date: booking.date,
        reference: booking.reference,
        voucher_id: voucherId,
        created_by: ctx.userId,
        created_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = booked.map((b) => ({
      company_id: companyId,
      batch_id: batch.id,
      item_id: b.line.itemId,
      warehouse_id: b.line.warehouseId,
      date: booking.date,
      kind: b.line.kind,
      quantity: b.line.quantity,
      unit_cost: b.unitCost,
      value: b.value,
      reference: booking.reference,
    }));
    await trx.insertInto('stock_movements').values(rows).execute();
    await addToStockTotals(trx, companyId, booking.date, rows);
    return {
      batchId: batch.id,
      voucherId,
      movements: await listMovements(trx, companyId, { batchId: batch.id }),
    };
  });
}

/**
 * The least a warehouse holds of an item at the end of `date` or of any later day: what an
 * issue on `date` can take without making the stock negative then or afterwards (a movement
 * may be dated before receipts already entered).
 */
async function lowestFrom(
  db: Kysely<Database>,
  companyId: number,
  line: { itemId: number; warehouseId: number },
  date: string,
) {
  const days = await db
    .selectFrom('stock_day_totals')
    .select(['date', 'quantity'])
    .where('company_id', '=', companyId)
    .where('item_id', '=', line.itemId)
    .where('warehouse_id', '=', line.warehouseId)
    .orderBy('date')
    .execute();
  let running = 0;
  let lowest: number | null = null;
  for (const d of days) {
    if (d.date > date && lowest === null) lowest = running;
    running += Number(d.quantity);
    if (d.date >= date) lowest = Math.min(lowest ?? running, running);
  }
  return lowest ?? running;
}

const VOUCHER_TEXT: Record<MovementKind, string> = {
  receipt: 'Varemottak',
  issue: 'Vareuttak',
  transfer: 'Lageroverføring',
  adjustment: 'Lagerjustering',
  production: 'Produksjon',
  count: 'Varetelling',
};

function stockVoucherText(kind: MovementKind, reference: string) {
  return reference ? `${VOUCHER_TEXT[kind]} ${reference}` : VOUCHER_TEXT[kind];
}

/**
 * The value leaving (or arriving without a cost) with `quantity` at the average of what is
 * on hand. Taking all that is left takes all its value, so no øre are stranded by rounding;
 * with nothing on hand (negative stock allowed) the item's cost price is used.
 */
function averageValue(
  total: { quantity: number; value: number },
  quantity: number,
  costPrice: number,
) {
  if (total.quantity <= 0) return stockValue(quantity, costPrice);
  if (quantity === -total.quantity) return -total.value;
  if (quantity < 0 && -quantity > total.quantity) {
    return -total.value + stockValue(quantity + total.quantity, costPrice);
  }
  return mulDiv(total.value, quantity, total.quantity);
}

/** Adds movements to the day totals and the current balances. */
export async function addToStockTotals(
  db: Kysely<Database>,
  companyId: number,
  date: string,
  rows: readonly { item_id: number; warehouse_id: number; quantity: number; value: number }[],
) {
  const sums = new Map<
    string,
    { item_id: number; warehouse_id: number; quantity: number; value: number }
  >();
  for (const r of rows) {
    const key = `${r.item_id}/${r.warehouse_id}`;
    const s = sums.get(key) ?? {
      item_id: r.item_id,
      warehouse_id: r.warehouse_id,
      quantity: 0,
      value: 0,
    };
    s.quantity += r.quantity;
    s.value += r.value;
    sums.set(key, s);
  }
  for (const s of sums.values()) {
    await db
      .insertInto('stock_day_totals')
      .values({ company_id: companyId, date, ...s })
      .onConflict((oc) =>
        oc.columns(['company_id', 'item_id', 'warehouse_id', 'date']).doUpdateSet((eb) => ({
          quantity: eb('stock_day_totals.quantity', '+', eb.ref('excluded.quantity')),
          value: eb('stock_day_totals.value', '+', eb.ref('excluded.value')),
        })),
      )
      .execute();
    await db
      .insertInto('stock_balances')
      .values({ company_id: companyId, ...s })
      .onConflict((oc) =>
        oc.columns(['company_id', 'item_id', 'warehouse_id']).doUpdateSet((eb) => ({
          quantity: eb('stock_balances.quantity', '+', eb.ref('excluded.quantity')),
          value: eb('stock_balances.value', '+', eb.ref('excluded.value')),
        })),
      )
      .execute();
  }
}

export const movementQuerySchema = z.strictObject({
  itemId: z.coerce.number().int().positive().optional(),
  warehouseId: z.coerce.number().int().positive().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export async function listMovements(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof movementQuerySchema> & { batchId?: number },
): Promise<Movement[]> {
  let q = db
    .selectFrom('stock_movements as m')
    .innerJoin('items as i', 'i.id', 'm.item_id')
    .innerJoin('warehouses as w', 'w.id', 'm.warehouse_id')
    .innerJoin('stock_batches as b', 'b.id', 'm.batch_id')
    .select([
      'm.id',
      'm.batch_id',
      'm.date',
      'm.kind',
      'm.item_id',
      'i.number',
      'i.name',
      'm.warehouse_id',
      'w.code',
      'm.quantity',
      'm.unit_cost',
      'm.value',
      'm.reference',
      'b.voucher_id',
    ])
    .where('m.company_id', '=', companyId);
  if (query.batchId) q = q.where('m.batch_id', '=', query.batchId);
  if (query.itemId) q = q.where('m.item_id', '=', query.itemId);
  if (query.warehouseId) q = q.where('m.warehouse_id', '=', query.warehouseId);
  if (query.from) q = q.where('m.date', '>=', query.from);
  if (query.to) q = q.where('m.date', '<=', query.to);
  const rows = await q
    .orderBy('m.date', 'desc')
    .orderBy('m.id', 'desc')
    .limit(query.limit ?? 500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    date: r.date,
    kind: r.kind as MovementKind,
    itemId: r.item_id,
    itemNumber: r.number,
    itemName: r.name,
    warehouseId: r.warehouse_id,
    warehouseCode: r.code,
    quantity: fromMilli(r.quantity),
    unitCost: r.unit_cost,
    value: r.value,
    reference: r.reference,
    voucherId: r.voucher_id,
  }));
}

// ---------------------------------------------------------------------------------------
// On-hand and the stock list

export const onHandSchema = z.object({
  itemId: z.number(),
  date: z.string(),
  quantity: z.number(),
  value: z.number(),
  warehouses: z.array(
    z.object({ warehouseId: z.number(), quantity: z.number(), value: z.number() }),
  ),
});

/** One item's on-hand and value per warehouse at the end of `date`: sums its day rows. */
export async function onHand(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
  date: string,
) {
  const rows = await db
    .selectFrom('stock_day_totals')
    .select((eb) => [
      'warehouse_id',
      eb.fn.sum<number>('quantity').as('quantity'),
      eb.fn.sum<number>('value').as('value'),
    ])
    .where('company_id', '=', companyId)
    .where('item_id', '=', itemId)
    .where('date', '<=', date)
    .groupBy('warehouse_id')
    .orderBy('warehouse_id')
    .execute();
  const warehouses = rows.map((r) => ({
    warehouseId: r.warehouse_id,
    quantity: fromMilli(Number(r.quantity)),
    value: Number(r.value),
  }));
  return {
    itemId,
    date,
    quantity: fromMilli(rows.reduce((s, r) => s + Number(r.quantity), 0)),
    value: warehouses.reduce((s, w) => s + w.value, 0),
    warehouses,
  };
}

export const stockListQuerySchema = z.strictObject({
  date: isoDateSchema.optional(),
  warehouseId: z.coerce.number().int().positive().optional(),
  /** Leave out items with nothing on hand (the default), or show all stocked items. */
  all: z.enum(['true', 'false']).optional(),
});

export const stockListSchema = z.object({
  date: z.string(),
  warehouses: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      unit: z.string(),
      /** Per warehouse id, in the order of `warehouses`. */
      quantities: z.array(z.number()),
      values: z.array(z.number()),
      quantity: z.number(),
      value: z.number(),
    }),
  ),
  totals: z.object({ values: z.array(z.number()), value: z.number() }),
});
export type StockList = z.infer<typeof stockListSchema>;

/**
 * Quantities and values per item and warehouse at the end of `date`. Today's balances are
 * one row per item and warehouse. For an earlier date the day totals of whichever side of
 * the date holds fewer rows are summed: those after it are taken off today's balances, or
 * those up to it are added from nothing. So the work is at most half the history.
 */
export async function stockTotalsAt(
  db: Kysely<Database>,
  companyId: number,
  date: string,
  warehouseId?: number,
) {
  const dayRows = (side: '>' | '<=') => {
    let q = db
      .selectFrom('stock_day_totals')
      .where('company_id', '=', companyId)
      .where('date', side, date);
    if (warehouseId) q = q.where('warehouse_id', '=', warehouseId);
    return q;
  };
  const count = async (side: '>' | '<=') =>
    Number(
      (
        await dayRows(side)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sums = (side: '>' | '<=') =>
    dayRows(side)
      .select((eb) => [
        'item_id',
        'warehouse_id',
        eb.fn.sum<number>('quantity').as('quantity'),
        eb.fn.sum<number>('value').as('value'),
      ])
      .groupBy(['item_id', 'warehouse_id'])
      .execute();

  const after = await count('>');
  const totals = new Map<
    string,
    { itemId: number; warehouseId: number; quantity: number; value: number }
  >();
  const add = (
    r: { item_id: number; warehouse_id: number; quantity: number; value: number },
    sign: number,
  ) => {
    const key = `${r.item_id}/${r.warehouse_id}`;
    const t = totals.get(key) ?? {
      itemId: r.item_id,
      warehouseId: r.warehouse_id,
      quantity: 0,
      value: 0,
    };
    t.quantity += sign * Number(r.quantity);
    t.value += sign * Number(r.value);
    totals.set(key, t);
  };
  if (after > 0 && after > (await count('<='))) {
    for (const r of await sums('<=')) add(r, 1);
    return [...totals.values()];
  }
  let current = db
    .selectFrom('stock_balances')
    .select(['item_id', 'warehouse_id', 'quantity', 'value'])
    .where('company_id', '=', companyId);
  if (warehouseId) current = current.where('warehouse_id', '=', warehouseId);
  for (const r of await current.execute()) add(r, 1);
  if (after > 0) for (const r of await sums('>')) add(r, -1);
  return [...totals.values()];
}

export async function stockList(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof stockListQuerySchema>,
  today = new Date().toISOString().slice(0, 10),
): Promise<StockList> {
  const date = query.date ?? today;
  const warehouses = (await listWarehouses(db, companyId)).filter(
    (w) => !query.warehouseId || w.id === query.warehouseId,
  );
  const column = new Map(warehouses.map((w, i) => [w.id, i]));
  const totals = await stockTotalsAt(db, companyId, date, query.warehouseId);
  const items = await db
    .selectFrom('items')
    .select(['id', 'number', 'name', 'unit', 'kind'])
    .where('company_id', '=', companyId)
    .where('kind', 'in', [...STOCKED])
    .orderBy('number')
    .execute();
  const byItem = new Map<number, typeof totals>();
  for (const t of totals) byItem.set(t.itemId, [...(byItem.get(t.itemId) ?? []), t]);
  const rows: StockList['rows'] = [];
  const sumValues = warehouses.map(() => 0);
  for (const item of items) {
    const own = byItem.get(item.id) ?? [];
    const quantities = warehouses.map(() => 0);
    const values = warehouses.map(() => 0);
    for (const t of own) {
      const i = column.get(t.warehouseId);
      if (i === undefined) continue;
      quantities[i]! += t.quantity;
      values[i]! += t.value;
      sumValues[i]! += t.value;
    }
    const quantity = quantities.reduce((a, b) => a + b, 0);
    const value = values.reduce((a, b) => a + b, 0);
    if (query.all !== 'true' && quantity === 0 && value === 0) continue;
    rows.push({
      itemId: item.id,
      number: item.number,
      name: item.name,
      unit: item.unit,
      quantities: quantities.map(fromMilli),
      values,
      quantity: fromMilli(quantity),
      value,
    });
  }
  return {
    date,
    warehouses,
    rows,
    totals: { values: sumValues, value: sumValues.reduce((a, b) => a + b, 0) },
  };
}

// ---------------------------------------------------------------------------------------
// Counting

export const countListQuerySchema = z.strictObject({
  warehouseId: z.coerce.number().int().positive(),
  date: isoDateSchema.optional(),
});

export const countListSchema = z.object({
  warehouseId: z.number(),
  date: z.string(),
  rows: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      unit: z.string(),
      expected: z.number(),
    }),
  ),
});

/** Every stocked item with what the ledger says is in the warehouse: the sheet to count on. */
export async function countList(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof countListQuerySchema>,
) {
  const list = await stockList(db, companyId, { ...query, all: 'true' });
  if (list.warehouses.length === 0) throw new AppError('not-found', 'No such warehouse.');
  return {
    warehouseId: query.warehouseId,
    date: list.date,
    rows: list.rows.map((r) => ({
      itemId: r.itemId,
      number: r.number,
      name: r.name,
      unit: r.unit,
      expected: r.quantity,
    })),
  };
}

export const countSchema = z.strictObject({
  warehouseId: id,
  date: isoDateSchema,
  reference: z.string().trim().max(100).optional(),
  lines: z
    .array(
      z.strictObject({
        itemId: id,
        counted: quantitySchema.refine((n) => n >= 0, 'A count cannot be negative.'),
      }),
    )
    .min(1, 'Enter at least one counted quantity.')
    .max(100_000),
});

/**
 * Posts a stock-taking: each counted quantity against what is on hand in the warehouse at
 * the count's date; the differences become 'count' movements and one voucher.
 */
export async function postCount(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: z.infer<typeof countSchema>,
) {
  return inTransaction(db, async (trx) => {
    const totals = await stockTotalsAt(trx, ctx.companyId, input.date, input.warehouseId);
    const expected = new Map(totals.map((t) => [t.itemId, t.quantity]));
    const lines: Line[] = [];
    const index: number[] = [];
    input.lines.forEach((l, i) => {
      const difference = toMilli(l.counted) - (expected.get(l.itemId) ?? 0);
      if (difference === 0) return;
      lines.push({
        itemId: l.itemId,
        warehouseId: input.warehouseId,
        kind: 'count',
        quantity: difference,
      });
      index.push(i);
    });
    if (lines.length === 0) return { batchId: null, voucherId: null, movements: [] };
    const reference = input.reference ?? '';
    return book(trx, ctx, {
      kind: 'count',
      date: input.date,
      reference,
      lines,
      indexOf: (n) => index[n] ?? n,
      description: stockVoucherText('count', reference),
    });
  });
}

export const countResultSchema = z.object({
  batchId: z.number().nullable(),
  voucherId: z.number().nullable(),
  movements: z.array(movementSchema),
});
