import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../packages/server/src/db/schema';
import { createCompany } from '../packages/server/src/modules/admin/company.service';
import { createWarehouse } from '../packages/server/src/modules/inventory/catalog.service';
import {
  onHand,
  postEntry,
  stockList,
} from '../packages/server/src/modules/inventory/stock.service';
import { freshStore } from './ledger.bench';

interface Options {
  items: number;
  movements: number;
  entries: number;
  pgUrl?: string;
}

const YEAR = new Date().getUTCFullYear();
const dayOf = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + (n % 365))).toISOString().slice(0, 10);

/**
 * Stock with BENCH_INVENTORY_ITEMS items and BENCH_STOCK_MOVEMENTS movements: entries
 * posted one by one through the service (movements, day totals, balances, voucher), then
 * the rest bulk-loaded, then on-hand of one item at a date and the whole stock list timed.
 */
export async function inventoryBenchmark(dialect: 'sqlite' | 'postgres', options: Options) {
  const { store, drop } = await freshStore(dialect, options.pgUrl);
  try {
    const db = store.db;
    const company = await createCompany(db, { name: 'Lagerbenk AS', orgNumber: '923609016' }, null);
    console.log(`\n== Inventory on ${dialect} ==`);
    const warehouses = [
      (await createWarehouse(db, company.id, { code: 'BR', name: 'Brenneri' })).id,
      (await createWarehouse(db, company.id, { code: 'KA', name: 'Kafé' })).id,
    ];
    const itemIds = await loadItems(db, company.id, options.items);
    await postThroughService(db, company.id, itemIds, warehouses, options.entries);
    await bulkLoad(db, company.id, itemIds, warehouses, options.movements - 2 * options.entries);
    await timings(db, company.id, itemIds);
  } finally {
    await drop();
  }
}

async function loadItems(db: Kysely<Database>, companyId: number, count: number) {
  const started = performance.now();
  const created_at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 2000) {
      const rows = [];
      for (let k = i; k < Math.min(count, i + 2000); k++) {
        rows.push({
          company_id: companyId,
          number: String(100_000 + k),
          kind: 'stock',
          name: `Vare ${k}`,
          unit: 'stk',
          sales_price: 10_000 + (k % 5000),
          cost_price: 5_000 + (k % 2500),
          created_at,
        });
      }
      await trx.insertInto('items').values(rows).execute();
    }
  });
  const ids = (
    await db
      .selectFrom('items')
      .select('id')
      .where('company_id', '=', companyId)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  console.log(`${count} items loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return ids;
}

/** Receipts and issues as a user enters them: each its own transaction and voucher. */
async function postThroughService(
  db: Kysely<Database>,
  companyId: number,
  items: number[],
  warehouses: number[],
  count: number,
) {
  const ctx = { companyId, userId: null };
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const itemId = items[(i * 7919) % items.length]!;
    const warehouseId = warehouses[i % 2]!;
    await postEntry(db, ctx, {
      kind: 'receipt',
      date: dayOf(i % 364),
      lines: [{ itemId, warehouseId, quantity: 10, unitCost: 5_000 + (i % 100) }],
    });
    await postEntry(db, ctx, {
      kind: 'issue',
      // The day after, never wrapping to before the receipt.
      date: dayOf((i % 364) + 1),
      lines: [{ itemId, warehouseId, quantity: 3 }],
    });
  }
  const ms = performance.now() - started;
  console.log(
    `${2 * count} movements posted through the service: ${(ms / (2 * count)).toFixed(2)} ms each`,
  );
}

/** The rest of the movements straight into the tables, then totals and balances rebuilt. */
async function bulkLoad(
  db: Kysely<Database>,
  companyId: number,
  items: number[],
  warehouses: number[],
  count: number,
) {
  const started = performance.now();
  const batch = await db
    .insertInto('stock_batches')
    .values({ company_id: companyId, kind: 'receipt', date: dayOf(0), created_at: dayOf(0) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perItem = Math.max(1, Math.ceil(count / items.length));
  await db.transaction().execute(async (trx) => {
    let rows = [];
    let written = 0;
    for (let k = 0; k < items.length && written < count; k++) {
      for (let m = 0; m < perItem && written < count; m++, written++) {
        // A receipt, then issues of part of it, spread over the year.
        const receipt = m % 5 === 0;
        const quantity = receipt ? 50_000 : -8_000;
        const unitCost = 5_000 + (k % 2500);
        rows.push({
          company_id: companyId,
          batch_id: batch.id,
          item_id: items[k]!,
          warehouse_id: warehouses[(k + m) % 2]!,
          date: dayOf(Math.floor((m * 365) / perItem) + (k % 7)),
          kind: receipt ? 'receipt' : 'issue',
          quantity,
          unit_cost: unitCost,
          value: (quantity / 1000) * unitCost,
        });
        if (rows.length === 2000) {
          await trx.insertInto('stock_movements').values(rows).execute();
          rows = [];
        }
      }
    }
    if (rows.length > 0) await trx.insertInto('stock_movements').values(rows).execute();
    await trx.deleteFrom('stock_day_totals').where('company_id', '=', companyId).execute();
    await trx.deleteFrom('stock_balances').where('company_id', '=', companyId).execute();
    await sql`insert into stock_day_totals (company_id, item_id, warehouse_id, date, quantity, value)
      select company_id, item_id, warehouse_id, date, sum(quantity), sum(value)
      from stock_movements where company_id = ${companyId}
      group by company_id, item_id, warehouse_id, date`.execute(trx);
    await sql`insert into stock_balances (company_id, item_id, warehouse_id, quantity, value)
      select company_id, item_id, warehouse_id, sum(quantity), sum(value)
      from stock_day_totals where company_id = ${companyId}
      group by company_id, item_id, warehouse_id`.execute(trx);
  });
  // What autovacuum does on a live server: statistics, and the visibility map that lets
  // PostgreSQL answer from the index alone.
  if (db.getExecutor().adapter.constructor.name === 'PostgresAdapter') {
    await sql`vacuum analyze stock_day_totals`.execute(db);
    await sql`vacuum analyze stock_balances`.execute(db);
  }
  const total = await db
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `bulk-loaded to ${Number(total.n)} movements in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function median(run: () => Promise<unknown>, times = 7): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(times / 2)]!;
}

async function timings(db: Kysely<Database>, companyId: number, items: number[]) {
  const item = items[Math.floor(items.length / 2)]!;
  console.log('(median of 7)');
  for (const date of [`${YEAR}-12-31`, `${YEAR}-06-30`, `${YEAR}-01-31`]) {
    const ms = await median(() => onHand(db, companyId, item, date));
    console.log(`  on-hand and value of one item at ${date}${ms.toFixed(1).padStart(10)} ms`);
  }
  for (const date of [`${YEAR}-12-31`, `${YEAR}-06-30`, `${YEAR}-01-31`]) {
    const ms = await median(() => stockList(db, companyId, { date }), 3);
    console.log(`  stock list, all items, at ${date}${ms.toFixed(1).padStart(16)} ms`);
  }
}
