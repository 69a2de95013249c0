import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database';

/** Small per-company settings a screen remembers, such as an import's column mapping. */
export function settings(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('company_settings')
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('company_settings_pk', ['company_id', 'key'])
        .execute();
    },
  };
}
