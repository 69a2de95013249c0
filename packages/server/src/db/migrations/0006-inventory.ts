import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

const company = (c: ColumnDefinitionBuilder) =>
  c.notNull().references('companies.id').onDelete('cascade');

/**
 * Items and stock. Quantities are integer thousandths of the item's unit (1.5 kg = 1500),
 * money is integer øre. Stock movements are an append-only ledger (triggers refuse UPDATE
 * and DELETE); on-hand is never stored on its own but kept as per item/warehouse/day totals
 * and current balances, both written in the movement's own transaction.
 */
export function inventory(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('inventory_settings')
        .addColumn('company_id', 'integer', (c) =>
          c.primaryKey().references('companies.id').onDelete('cascade'),
        )
        .addColumn('allow_negative_stock', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('stock_account', 'text', (c) => c.notNull().defaultTo('1460'))
        .addColumn('change_account', 'text', (c) => c.notNull().defaultTo('4090'))
        .addColumn('voucher_series', 'text', (c) => c.notNull().defaultTo('A'))
        .execute();

      await withId(db.schema.createTable('item_groups'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('item_groups.id'))
        .addColumn('sales_account', 'text')
        .addColumn('purchase_account', 'text')
        .addColumn('sales_vat_code', 'text')
        .addColumn('purchase_vat_code', 'text')
        .addUniqueConstraint('item_groups_code', ['company_id', 'code'])
        .execute();

      await withId(db.schema.createTable('items'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('group_id', 'integer', (c) => c.references('item_groups.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        // Names and descriptions in en, de, fr and es: {"en":{"name":…,"description":…},…}
        .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('weight_grams', 'integer')
        .addColumn('volume_ml', 'integer')
        .addColumn('sales_account', 'text')
        .addColumn('purchase_account', 'text')
        .addColumn('sales_vat_code', 'text')
        .addColumn('purchase_vat_code', 'text')
        .addColumn('sales_price', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('cost_price', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('reorder_point', 'bigint')
        .addColumn('reorder_quantity', 'bigint')
        .addColumn('subscription_period', 'text')
        .addColumn('subscription_renewal', 'text')
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('items_number', ['company_id', 'number'])
        .execute();
      await db.schema.createIndex('items_group').on('items').columns(['group_id']).execute();

      await db.schema
        .createTable('item_suppliers')
        .addColumn('item_id', 'integer', (c) =>
          c.notNull().references('items.id').onDelete('cascade'),
        )
        .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
        .addColumn('supplier_item_number', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('price', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('lead_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('preferred', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('item_suppliers_pk', ['item_id', 'party_id'])
        .execute();

      for (const [table, other] of [
        ['item_components', 'component_id'],
        ['item_alternatives', 'alternative_id'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('item_id', 'integer', (c) =>
            c.notNull().references('items.id').onDelete('cascade'),
          )
          .addColumn(other, 'integer', (c) => c.notNull().references('items.id'))
          .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint(`${table}_pk`, ['item_id', other])
          .execute();
      }

      await withId(db.schema.createTable('warehouses'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('warehouses_code', ['company_id', 'code'])
        .execute();

      // One entry of stock (a receipt, a transfer, a count…): its lines are the movements.
      await withId(db.schema.createTable('stock_batches'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('voucher_id', 'integer', (c) => c.references('vouchers.id'))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('stock_movements'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('stock_batches.id'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
        .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('unit_cost', 'bigint', (c) => c.notNull())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('stock_movements_item')
        .on('stock_movements')
        .columns(['company_id', 'item_id', 'date'])
        .execute();

      // On-hand and value per item, warehouse and day, so "at any date" sums days, not moves.
      await db.schema
        .createTable('stock_day_totals')
        .addColumn('company_id', 'integer', company)
        .addColumn('item_id', 'integer', (c) => c.notNull())
        .addColumn('warehouse_id', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('value', 'bigint', (c) => c.notNull())
        // Item before date: one item's history at a date is a range of this key.
        .addPrimaryKeyConstraint('stock_day_totals_pk', [
          'company_id',
          'item_id',
          'date',
          'warehouse_id',
        ])
        .execute();
      // Both read paths have an index holding every column they need, so neither database
      // has reason to prefer the other's: one item's history (company, item, date) …
      await db.schema
        .createIndex('stock_day_totals_item')
        .on('stock_day_totals')
        .columns(['company_id', 'item_id', 'date', 'warehouse_id', 'quantity', 'value'])
        .execute();
      // … and the stock list of all items at a date (company, date).
      await db.schema
        .createIndex('stock_day_totals_date')
        .on('stock_day_totals')
        .columns(['company_id', 'date', 'item_id', 'warehouse_id', 'quantity', 'value'])
        .execute();
      // Today's on-hand per item and warehouse; a past date subtracts what came after it.
      await db.schema
        .createTable('stock_balances')
        .addColumn('company_id', 'integer', company)
        .addColumn('item_id', 'integer', (c) => c.notNull())
        .addColumn('warehouse_id', 'integer', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_balances_pk', ['company_id', 'item_id', 'warehouse_id'])
        .execute();

      await withId(db.schema.createTable('item_price_history'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('item_id', 'integer', (c) =>
          c.notNull().references('items.id').onDelete('cascade'),
        )
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('old_price', 'bigint', (c) => c.notNull())
        .addColumn('new_price', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('item_price_history_item')
        .on('item_price_history')
        .columns(['item_id'])
        .execute();

      await db.schema
        .createTable('customer_price_groups')
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_price_groups_pk', ['company_id', 'party_id'])
        .execute();

      await withId(db.schema.createTable('price_lists'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('customer_group', 'text')
        .addColumn('campaign', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();
      await withId(db.schema.createTable('price_list_lines'), dialect)
        .addColumn('price_list_id', 'integer', (c) =>
          c.notNull().references('price_lists.id').onDelete('cascade'),
        )
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
        .addColumn('min_quantity', 'bigint', (c) => c.notNull())
        .addColumn('price', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('price_list_lines_key', ['price_list_id', 'item_id', 'min_quantity'])
        .execute();

      await withId(db.schema.createTable('discounts'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) => c.references('parties.id'))
        .addColumn('customer_group', 'text')
        .addColumn('item_group_id', 'integer', (c) => c.references('item_groups.id'))
        // Hundredths of a percent: 12.5 % is 1250.
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();

      await appendOnly(db, dialect);
    },
  };
}

async function appendOnly(db: Kysely<unknown>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`create trigger stock_movements_no_${op.toLowerCase()} before ${op} on stock_movements
          begin select raise(abort, 'Stock movements are append-only.'); end`)
        .execute(db);
    }
    return;
  }
  await sql`create function stock_movements_append_only() returns trigger language plpgsql as $$
    begin raise exception 'Stock movements are append-only.'; end $$`.execute(db);
  await sql`create trigger stock_movements_append_only before update or delete on stock_movements
    for each row execute function stock_movements_append_only()`.execute(db);
}
