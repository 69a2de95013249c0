import type { Kysely, Migration } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

/**
 * SAF-T imports: each import with its report, and the keys that tie what a file calls a
 * transaction, customer, supplier or journal to what Nordbok made of it. The keys are what
 * make a second import of the same (or an overlapping) file add nothing twice.
 */
export function saftImport(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('saft_imports'), dialect)
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('vouchers', 'integer', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'integer')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('saft_keys')
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('saft_keys_pk', ['company_id', 'kind', 'source'])
        .execute();
    },
  };
}
