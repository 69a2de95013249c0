import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

const company = (c: ColumnDefinitionBuilder) =>
  c.notNull().references('companies.id').onDelete('cascade');

/** Chart of accounts, fiscal years and periods, voucher series, vouchers and postings. */
export function ledger(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('company_id', 'integer', company)
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('name_nb', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('vat_code', 'text')
        .addColumn('grouping_category', 'text', (c) => c.notNull())
        .addColumn('grouping_code', 'text', (c) => c.notNull())
        .addColumn('subledger', 'text')
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('accounts_pk', ['company_id', 'number'])
        .execute();

      await db.schema
        .createTable('vat_accounts')
        .addColumn('company_id', 'integer', company)
        .addColumn('vat_code', 'text', (c) => c.notNull())
        .addColumn('output_account', 'text')
        .addColumn('input_account', 'text')
        .addPrimaryKeyConstraint('vat_accounts_pk', ['company_id', 'vat_code'])
        .execute();

      await db.schema
        .createTable('fiscal_years')
        .addColumn('company_id', 'integer', company)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fiscal_years_pk', ['company_id', 'year'])
        .execute();

      await db.schema
        .createTable('periods')
        .addColumn('company_id', 'integer', company)
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('period', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('periods_pk', ['company_id', 'fiscal_year', 'period'])
        .execute();

      await db.schema
        .createTable('voucher_series')
        .addColumn('company_id', 'integer', company)
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name_nb', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('voucher_series_pk', ['company_id', 'code'])
        .execute();

      await db.schema
        .createTable('voucher_counters')
        .addColumn('company_id', 'integer', company)
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('voucher_counters_pk', ['company_id', 'series', 'fiscal_year'])
        .execute();

      await withId(db.schema.createTable('vouchers'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('period', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('modified_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('vouchers_number', ['company_id', 'series', 'fiscal_year', 'number'])
        .execute();
      await db.schema
        .createIndex('vouchers_company_date')
        .on('vouchers')
        .columns(['company_id', 'date'])
        .execute();

      await withId(db.schema.createTable('postings'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('voucher_id', 'integer', (c) =>
          c.notNull().references('vouchers.id').onDelete('cascade'),
        )
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('vat_code', 'text')
        .addColumn('vat_kind', 'text')
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('department_id', 'integer')
        .addColumn('project_id', 'integer')
        .addColumn('party_id', 'integer')
        .addColumn('invoice_number', 'text')
        .addColumn('due_date', 'text')
        .addColumn('kid', 'text')
        .addColumn('currency', 'text')
        .addColumn('currency_amount', 'bigint')
        .addColumn('exchange_rate', 'text')
        .execute();
      await db.schema
        .createIndex('postings_company_party')
        .on('postings')
        .columns(['company_id', 'party_id'])
        .execute();
      await db.schema.createIndex('postings_voucher').on('postings').column('voucher_id').execute();
      await db.schema
        .createIndex('postings_company_account_date')
        .on('postings')
        .columns(['company_id', 'account', 'date'])
        .execute();

      // Debit and credit per account and day, kept in the same transaction as each voucher,
      // so a report over any dates sums at most accounts × days rows, not every posting.
      // Opening-balance postings (period 0) are kept apart: they open the day they are on.
      await db.schema
        .createTable('account_day_totals')
        .addColumn('company_id', 'integer', company)
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('opening', 'integer', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.notNull())
        .addColumn('debit', 'bigint', (c) => c.notNull())
        .addColumn('credit', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('account_day_totals_pk', [
          'company_id',
          'account',
          'date',
          'opening',
          'department_id',
          'project_id',
        ])
        .execute();

      await details(db, dialect);
    },
  };
}

/** Departments, projects, parties, settlements, budgets and attachments. */
async function details(db: Kysely<unknown>, dialect: DialectName) {
  // Departments and projects, each with sub-levels through parent_id.
  for (const table of ['departments', 'projects']) {
    await withId(db.schema.createTable(table), dialect)
      .addColumn('company_id', 'integer', company)
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references(`${table}.id`))
      .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint(`${table}_code`, ['company_id', 'code'])
      .execute();
  }

  // Customers and suppliers as the sub-ledgers know them; the contact register builds on it.
  await withId(db.schema.createTable('parties'), dialect)
    .addColumn('company_id', 'integer', company)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text')
    .addColumn('customer_number', 'integer')
    .addColumn('supplier_number', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('parties_customer_number', ['company_id', 'customer_number'])
    .addUniqueConstraint('parties_supplier_number', ['company_id', 'supplier_number'])
    .execute();

  // Post-mot-post: how much of an open item a payment (or credit) settles.
  const posting = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('postings.id').onDelete('cascade');
  await withId(db.schema.createTable('settlements'), dialect)
    .addColumn('company_id', 'integer', company)
    .addColumn('item_posting_id', 'integer', posting)
    .addColumn('payment_posting_id', 'integer', posting)
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('matched_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['item_posting_id', 'payment_posting_id']) {
    await db.schema.createIndex(`settlements_${column}`).on('settlements').column(column).execute();
  }

  await db.schema
    .createTable('budgets')
    .addColumn('company_id', 'integer', company)
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('budgets_pk', [
      'company_id',
      'fiscal_year',
      'period',
      'account',
      'department_id',
      'project_id',
    ])
    .execute();

  // Receipts and other documentation, kept in the database so every app instance sees them.
  await withId(db.schema.createTable('attachments'), dialect)
    .addColumn('company_id', 'integer', company)
    .addColumn('voucher_id', 'integer', (c) =>
      c.notNull().references('vouchers.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_voucher')
    .on('attachments')
    .column('voucher_id')
    .execute();
}
