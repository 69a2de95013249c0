import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

/**
 * Sales and purchasing: one document model for every step of both chains (quote, order,
 * shipment, invoice, credit note, reminder, interest note, payment; purchase order, goods
 * receipt, bill, supplier credit note, supplier payment), their lines, the links that carry
 * lines forward with a quantity, and the events on documents and lines. Around it: the
 * company's sales settings, salespeople and their budgets, recurring documents,
 * subscriptions, currency rates and the dated late-payment rates.
 */
export function sales(dialect: DialectName): Migration {
  const company = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('companies.id').onDelete('cascade');
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('parties')
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sales_settings')
        .addColumn('company_id', 'integer', (c) =>
          c.primaryKey().references('companies.id').onDelete('cascade'),
        )
        .addColumn('kid_method', 'text', (c) => c.notNull().defaultTo('mod10'))
        .addColumn('kid_customer_digits', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('kid_invoice_digits', 'integer', (c) => c.notNull().defaultTo(7))
        .addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(14))
        .addColumn('sales_series', 'text', (c) => c.notNull().defaultTo('S'))
        .addColumn('purchase_series', 'text', (c) => c.notNull().defaultTo('K'))
        .addColumn('payment_series', 'text', (c) => c.notNull().defaultTo('B'))
        .addColumn('customer_account', 'text', (c) => c.notNull().defaultTo('1500'))
        .addColumn('supplier_account', 'text', (c) => c.notNull().defaultTo('2400'))
        .addColumn('sales_account', 'text', (c) => c.notNull().defaultTo('3000'))
        .addColumn('purchase_account', 'text', (c) => c.notNull().defaultTo('4000'))
        .addColumn('bank_account', 'text', (c) => c.notNull().defaultTo('1920'))
        .addColumn('cash_account', 'text', (c) => c.notNull().defaultTo('1900'))
        .addColumn('fee_account', 'text', (c) => c.notNull().defaultTo('3900'))
        .addColumn('interest_account', 'text', (c) => c.notNull().defaultTo('8050'))
        .addColumn('exchange_gain_account', 'text', (c) => c.notNull().defaultTo('8060'))
        .addColumn('exchange_loss_account', 'text', (c) => c.notNull().defaultTo('8160'))
        .addColumn('write_off_account', 'text', (c) => c.notNull().defaultTo('7790'))
        .addColumn('reminder_fee', 'bigint', (c) => c.notNull().defaultTo(3500))
        .addColumn('reminder_days', 'integer', (c) => c.notNull().defaultTo(14))
        .execute();
      await db.schema
        .createTable('document_numbers')
        .addColumn('company_id', 'integer', company)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('next', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_numbers_pk', ['company_id', 'kind'])
        .execute();
      await withId(db.schema.createTable('salespeople'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('salespeople_code', ['company_id', 'code'])
        .execute();
      await db.schema
        .createTable('sales_budgets')
        .addColumn('company_id', 'integer', company)
        .addColumn('salesperson_id', 'integer', (c) =>
          c.notNull().references('salespeople.id').onDelete('cascade'),
        )
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('month', 'integer', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('sales_budgets_pk', ['salesperson_id', 'year', 'month'])
        .execute();
      await withId(db.schema.createTable('documents'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('status', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('currency', 'text')
        .addColumn('rate', 'text')
        .addColumn('our_reference', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('your_reference', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('salesperson_id', 'integer', (c) => c.references('salespeople.id'))
        .addColumn('department_id', 'integer')
        .addColumn('project_id', 'integer')
        .addColumn('warehouse_id', 'integer')
        .addColumn('kid', 'text')
        .addColumn('external_number', 'text')
        .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('cash', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('payment_account', 'text')
        .addColumn('attachment_id', 'integer')
        .addColumn('voucher_id', 'integer', (c) => c.references('vouchers.id'))
        .addColumn('stock_batch_id', 'integer')
        .addColumn('credits_document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('recurring_id', 'integer')
        .addColumn('reminder_level', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('net', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('vat', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('gross', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('gross_nok', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('cost', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('paid', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('documents_number', ['company_id', 'kind', 'number'])
        .execute();
      for (const [name, columns] of [
        ['documents_date', ['company_id', 'date', 'id']],
        ['documents_list', ['company_id', 'kind', 'date', 'id']],
        ['documents_party', ['company_id', 'party_id', 'date']],
        ['documents_status', ['company_id', 'kind', 'status']],
        ['documents_by_number', ['company_id', 'number']],
        ['documents_kid', ['company_id', 'kid']],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on('documents')
          .columns([...columns])
          .execute();
      }
      await withId(db.schema.createTable('document_lines'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('item_id', 'integer')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull().defaultTo('stk'))
        .addColumn('unit_price', 'bigint', (c) => c.notNull())
        .addColumn('discount', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('net', 'bigint', (c) => c.notNull())
        .addColumn('vat_code', 'text')
        .addColumn('account', 'text')
        .addColumn('department_id', 'integer')
        .addColumn('project_id', 'integer')
        .addColumn('warehouse_id', 'integer')
        .addColumn('cost', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('carried', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('document_lines_document')
        .on('document_lines')
        .columns(['document_id', 'line_no'])
        .execute();
      await db.schema
        .createIndex('document_lines_item')
        .on('document_lines')
        .columns(['company_id', 'item_id'])
        .execute();
      // A stock entry reads back its own movements (the sales chain books many small ones).
      await db.schema
        .createIndex('stock_movements_batch')
        .on('stock_movements')
        .columns(['batch_id'])
        .execute();
      await withId(db.schema.createTable('document_links'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('source_document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('source_line_id', 'integer')
        .addColumn('target_document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('target_line_id', 'integer')
        .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('amount', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      for (const side of ['source', 'target'] as const) {
        await db.schema
          .createIndex(`document_links_${side}`)
          .on('document_links')
          .columns([`${side}_document_id`])
          .execute();
      }
      await withId(db.schema.createTable('document_events'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('line_id', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .execute();
      await db.schema
        .createIndex('document_events_document')
        .on('document_events')
        .columns(['document_id', 'at'])
        .execute();
      await withId(db.schema.createTable('recurring_documents'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('interval', 'text', (c) => c.notNull())
        .addColumn('next_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('subscription_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('subscriptions'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
        .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(1000))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('renewal', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('source_document_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('subscriptions_end')
        .on('subscriptions')
        .columns(['company_id', 'end_date'])
        .execute();
      await db.schema
        .createTable('currency_rates')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('rate', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
        .addPrimaryKeyConstraint('currency_rates_pk', ['currency', 'date'])
        .execute();
      await db.schema
        .createTable('late_payment_rates')
        .addColumn('valid_from', 'text', (c) => c.primaryKey())
        .addColumn('interest_basis_points', 'integer', (c) => c.notNull())
        .addColumn('inkassosats', 'bigint', (c) => c.notNull())
        .execute();
      // Forsinkelsesrente and inkassosats in force (FOR-2024-12-19-3279); later values are
      // entered by an administrator as they are announced.
      await db
        .insertInto('late_payment_rates' as never)
        .values({
          valid_from: '2025-01-01',
          interest_basis_points: 1250,
          inkassosats: 70000,
        } as never)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('stock_movements_batch').execute();
      for (const table of [
        'late_payment_rates',
        'currency_rates',
        'subscriptions',
        'recurring_documents',
        'document_events',
        'document_links',
        'document_lines',
        'documents',
        'sales_budgets',
        'salespeople',
        'document_numbers',
        'sales_settings',
      ]) {
        await db.schema.dropTable(table).execute();
      }
      await db.schema.alterTable('parties').dropColumn('blocked').execute();
    },
  };
}
