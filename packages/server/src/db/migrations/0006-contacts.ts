import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import { searchTermsOf } from '../../modules/contacts/contact-search';
import { withId } from '../columns';
import type { DialectName } from '../database';

const company = (c: ColumnDefinitionBuilder) =>
  c.notNull().references('companies.id').onDelete('cascade');
const party = (c: ColumnDefinitionBuilder) =>
  c.notNull().references('parties.id').onDelete('cascade');

/**
 * The contact register. It extends the ledger's `parties` table rather than keeping a
 * second register: a party is an organisation or a person that may at the same time be a
 * lead, hold opportunities, and be a customer and/or a supplier (its customer/supplier
 * numbers are what the sub-ledgers are kept by, as before).
 *
 * A contact's lead status and points are the CRM module's (crm_leads, migration
 * '0006-crm'); `is_lead` only marks a contact as a lead in the register.
 *
 * `contact_search_terms` is the search index: every word of a contact's name, e-mail,
 * phone (digits), org number and customer/supplier number, lower-cased, so a search is an
 * indexed prefix range per word instead of a scan of every contact.
 *
 * SQLite adds one column per ALTER TABLE, so each column is its own statement.
 */
export function contacts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const add = (
        name: string,
        type: 'text' | 'integer',
        build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
      ) =>
        db.schema
          .alterTable('parties')
          .addColumn(name, type, build ?? ((c) => c))
          .execute();
      await add('kind', 'text', (c) => c.notNull().defaultTo('organisation'));
      await add('email', 'text');
      await add('phone', 'text');
      await add('website', 'text');
      await add('notes', 'text');
      await add('payment_terms_days', 'integer');
      await add('is_lead', 'integer', (c) => c.notNull().defaultTo(0));
      await add('updated_at', 'text');
      await db.schema
        .createIndex('parties_company_name')
        .on('parties')
        .columns(['company_id', 'name'])
        .execute();

      await withId(db.schema.createTable('contact_search_terms'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', party)
        // Byte order in both databases, so a prefix is a range of the index.
        .addColumn('term', 'text', (c) =>
          dialect === 'postgres' ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull(),
        )
        .execute();
      await db.schema
        .createIndex('contact_search_terms_term')
        .on('contact_search_terms')
        .columns(['company_id', 'term', 'party_id'])
        .execute();
      await db.schema
        .createIndex('contact_search_terms_party')
        .on('contact_search_terms')
        .columns(['party_id', 'term'])
        .execute();

      await withId(db.schema.createTable('contact_persons'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', party)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('contact_persons_party')
        .on('contact_persons')
        .column('party_id')
        .execute();

      await withId(db.schema.createTable('contact_addresses'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', party)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('line1', 'text', (c) => c.notNull())
        .addColumn('line2', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('city', 'text')
        .addColumn('country_code', 'text', (c) => c.notNull().defaultTo('NO'))
        .execute();
      await db.schema
        .createIndex('contact_addresses_party')
        .on('contact_addresses')
        .column('party_id')
        .execute();

      await withId(db.schema.createTable('tags'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('tags_name', ['company_id', 'name'])
        .execute();
      await db.schema
        .createTable('contact_tags')
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', party)
        .addColumn('tag_id', 'integer', (c) =>
          c.notNull().references('tags.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_tags_pk', ['party_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('contact_tags_tag').on('contact_tags').column('tag_id').execute();

      // Notes, events (with points), mailings and anything else another module records
      // about a contact; the ledger's postings are joined in when the timeline is read.
      await withId(db.schema.createTable('contact_timeline'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', party)
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text')
        .addColumn('source_id', 'integer')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('contact_timeline_party')
        .on('contact_timeline')
        .columns(['party_id', 'occurred_at'])
        .execute();

      // opportunity_id refers to the CRM module's opportunities by id; no foreign key so the
      // two migrations do not depend on each other's order.
      await withId(db.schema.createTable('appointments'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('appointment'))
        .addColumn('location', 'text')
        .addColumn('notes', 'text')
        .addColumn('party_id', 'integer', (c) => c.references('parties.id').onDelete('set null'))
        .addColumn('opportunity_id', 'integer')
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('appointments_range')
        .on('appointments')
        .columns(['company_id', 'starts_at'])
        .execute();

      await withId(db.schema.createTable('segments'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('parent_id', 'integer', (c) => c.references('segments.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('rule', 'text')
        .addColumn('trigger', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('segment_members')
        .addColumn('company_id', 'integer', company)
        .addColumn('segment_id', 'integer', (c) =>
          c.notNull().references('segments.id').onDelete('cascade'),
        )
        .addColumn('party_id', 'integer', party)
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'party_id'])
        .execute();
      await db.schema
        .createTable('segment_snapshots')
        .addColumn('company_id', 'integer', company)
        .addColumn('segment_id', 'integer', (c) =>
          c.notNull().references('segments.id').onDelete('cascade'),
        )
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_snapshots_pk', ['segment_id', 'day'])
        .execute();

      // Index the contacts that exist already.
      const rows = await sql<{
        id: number;
        company_id: number;
        name: string;
        org_number: string | null;
        customer_number: number | null;
        supplier_number: number | null;
      }>`select id, company_id, name, org_number, customer_number, supplier_number from parties`.execute(
        db,
      );
      for (const r of rows.rows) {
        const terms = searchTermsOf({
          name: r.name,
          orgNumber: r.org_number,
          customerNumber: r.customer_number,
          supplierNumber: r.supplier_number,
          email: null,
          phone: null,
        });
        for (const term of terms) {
          await sql`insert into contact_search_terms (company_id, party_id, term)
            values (${r.company_id}, ${r.id}, ${term})`.execute(db);
        }
      }
    },
  };
}
