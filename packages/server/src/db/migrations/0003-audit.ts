import { type Kysely, type Migration, sql } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

/**
 * The audit log: append-only and hash-chained per company. Triggers refuse every UPDATE
 * and DELETE, so not even a bug in Nordbok can rewrite it; the chain makes any change made
 * behind the database's back detectable.
 */
export function audit(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_log_seq', ['company_id', 'seq'])
        .execute();
      await db.schema
        .createTable('audit_heads')
        .addColumn('company_id', 'integer', (c) =>
          c.primaryKey().references('companies.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('companies')
        .addColumn('allow_voucher_changes', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await appendOnly(db, dialect);
    },
  };
}

async function appendOnly(db: Kysely<unknown>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`create trigger audit_log_no_${op.toLowerCase()} before ${op} on audit_log
          begin select raise(abort, 'The audit log is append-only.'); end`)
        .execute(db);
    }
    return;
  }
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'The audit log is append-only.'; end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}
