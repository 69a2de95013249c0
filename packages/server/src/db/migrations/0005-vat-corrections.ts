import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database';

/**
 * Corrections of closed VAT terms, and specification lines on postings.
 *
 * `vat_returns` keeps one row per term with its state: `closed`, or `correcting` while an
 * administrator has reopened it, and the latest closed version. Every closing adds a row to
 * `vat_return_versions` (1 = the original return, 2 = the first correction, …) with its
 * supplementary settlement voucher and the remarks written into that version's XML, so the
 * history is never overwritten. Terms closed before this migration become version 1.
 *
 * `postings.vat_specification` is the mvaSpesifikasjon of a VAT posting (uttak, tapPåKrav,
 * justering, tilbakeføring …); the return keeps such postings on lines of their own.
 *
 * SQLite adds one column per ALTER TABLE, so each column is its own statement.
 */
export function vatCorrections(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('vat_returns')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('closed'))
        .execute();
      await db.schema
        .alterTable('vat_returns')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('vat_returns').addColumn('reopened_by', 'integer').execute();
      await db.schema.alterTable('vat_returns').addColumn('reopened_at', 'text').execute();

      await db.schema
        .createTable('vat_return_versions')
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('term_length', 'text', (c) => c.notNull())
        .addColumn('term', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('voucher_id', 'integer')
        .addColumn('closed_by', 'integer')
        .addColumn('closed_at', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint')
        .addColumn('remark', 'text')
        .addColumn('line_remarks', 'text')
        .addPrimaryKeyConstraint('vat_return_versions_pk', [
          'company_id',
          'year',
          'term_length',
          'term',
          'version',
        ])
        .execute();
      await sql`insert into vat_return_versions
          (company_id, year, term_length, term, version, voucher_id, closed_by, closed_at)
        select company_id, year, term_length, term, 1, voucher_id, closed_by, closed_at
        from vat_returns`.execute(db);

      await db.schema.alterTable('postings').addColumn('vat_specification', 'text').execute();
    },
  };
}
