import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

/**
 * CRM: the lead funnel (statuses with point thresholds, event types that give points, each
 * contact's lead state, its events and the statuses it reached) and the sales funnel
 * (stages with a probability, opportunities and the stages they went through). Contacts are
 * the ledger's `parties`. Mailings keep each recipient's merged text and result, so a
 * sending can be followed while it runs and its letters printed again afterwards.
 */
export function crm(dialect: DialectName): Migration {
  const company = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('companies.id').onDelete('cascade');
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('crm_lead_statuses'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('threshold', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('crm_lead_statuses_name', ['company_id', 'name'])
        .execute();
      await withId(db.schema.createTable('crm_event_types'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('crm_event_types_name', ['company_id', 'name'])
        .execute();
      await db.schema
        .createTable('crm_leads')
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) =>
          c.notNull().references('parties.id').onDelete('cascade'),
        )
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('status_id', 'integer', (c) => c.notNull().references('crm_lead_statuses.id'))
        .addColumn('status_since', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('crm_leads_pk', ['company_id', 'party_id'])
        .execute();
      await withId(db.schema.createTable('crm_lead_events'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) =>
          c.notNull().references('parties.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event_type_id', 'integer', (c) => c.references('crm_event_types.id'))
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .execute();
      await db.schema
        .createIndex('crm_lead_events_party')
        .on('crm_lead_events')
        .columns(['company_id', 'party_id', 'occurred_at'])
        .execute();
      await withId(db.schema.createTable('crm_lead_status_history'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) =>
          c.notNull().references('parties.id').onDelete('cascade'),
        )
        .addColumn('status_id', 'integer', (c) =>
          c.notNull().references('crm_lead_statuses.id').onDelete('cascade'),
        )
        .addColumn('reached_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('crm_lead_status_history_party')
        .on('crm_lead_status_history')
        .columns(['company_id', 'party_id', 'reached_at'])
        .execute();
      await withId(db.schema.createTable('crm_stages'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('probability', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addUniqueConstraint('crm_stages_name', ['company_id', 'name'])
        .execute();
      await withId(db.schema.createTable('crm_opportunities'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('party_id', 'integer', (c) =>
          c.notNull().references('parties.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('expected_close', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
        .addColumn('stage_id', 'integer', (c) => c.notNull().references('crm_stages.id'))
        .addColumn('stage_since', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('crm_opportunities_company')
        .on('crm_opportunities')
        .columns(['company_id', 'stage_id'])
        .execute();
      await withId(db.schema.createTable('crm_opportunity_history'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('opportunity_id', 'integer', (c) =>
          c.notNull().references('crm_opportunities.id').onDelete('cascade'),
        )
        .addColumn('stage_id', 'integer', (c) =>
          c.notNull().references('crm_stages.id').onDelete('cascade'),
        )
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('crm_opportunity_history_opportunity')
        .on('crm_opportunity_history')
        .columns(['company_id', 'opportunity_id', 'entered_at'])
        .execute();
      await withId(db.schema.createTable('crm_templates'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('crm_templates_name', ['company_id', 'name'])
        .execute();
      await withId(db.schema.createTable('crm_mailings'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('template_name', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await withId(db.schema.createTable('crm_mailing_recipients'), dialect)
        .addColumn('company_id', 'integer', company)
        .addColumn('mailing_id', 'integer', (c) =>
          c.notNull().references('crm_mailings.id').onDelete('cascade'),
        )
        .addColumn('party_id', 'integer', (c) => c.references('parties.id').onDelete('set null'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('crm_mailing_recipients_mailing')
        .on('crm_mailing_recipients')
        .columns(['mailing_id', 'status'])
        .execute();
    },
  };
}
