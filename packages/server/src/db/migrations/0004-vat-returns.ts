import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database';

/**
 * VAT terms: each company's term length (bi-monthly unless set) and the terms it has
 * closed, with the settlement voucher. The unique key makes a second close of a term fail.
 */
export function vatReturns(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vat_settings')
        .addColumn('company_id', 'integer', (c) =>
          c.primaryKey().references('companies.id').onDelete('cascade'),
        )
        .addColumn('term_length', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('vat_returns')
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('term_length', 'text', (c) => c.notNull())
        .addColumn('term', 'integer', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text', (c) => c.notNull())
        .addColumn('voucher_id', 'integer')
        .addColumn('closed_by', 'integer')
        .addColumn('closed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('vat_returns_pk', ['company_id', 'year', 'term_length', 'term'])
        .execute();
    },
  };
}
