import type { Kysely, Migration } from 'kysely';
import { withId } from '../columns';
import type { DialectName } from '../database';

export function foundation(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('users'), dialect)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('nb'))
        .addColumn('is_installation_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      let companies = withId(db.schema.createTable('companies'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_number', 'text', (c) => c.notNull())
        .addColumn('vat_registered', 'integer', (c) => c.notNull().defaultTo(0));
      for (const kind of ['visit', 'postal']) {
        companies = companies
          .addColumn(`${kind}_street`, 'text', (c) => c.notNull().defaultTo(''))
          .addColumn(`${kind}_postal_code`, 'text', (c) => c.notNull().defaultTo(''))
          .addColumn(`${kind}_city`, 'text', (c) => c.notNull().defaultTo(''))
          .addColumn(`${kind}_country`, 'text', (c) => c.notNull().defaultTo('NO'));
      }
      await companies
        .addColumn('bank_account', 'text')
        .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('base_currency', 'text', (c) => c.notNull().defaultTo('NOK'))
        .addColumn('document_language', 'text', (c) => c.notNull().defaultTo('nb'))
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('logo', 'text')
        .addColumn('licence_max_users', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('company_users')
        .addColumn('company_id', 'integer', (c) =>
          c.notNull().references('companies.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('company_users_pk', ['company_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('company_users_user')
        .on('company_users')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('company_id', 'integer', (c) =>
          c.references('companies.id').onDelete('set null'),
        )
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sessions_company_seen')
        .on('sessions')
        .columns(['company_id', 'last_seen_at'])
        .execute();

      await withId(db.schema.createTable('login_attempts'), dialect)
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_email_at')
        .on('login_attempts')
        .columns(['email', 'attempted_at'])
        .execute();
      await db.schema
        .createIndex('login_attempts_ip_at')
        .on('login_attempts')
        .columns(['ip', 'attempted_at'])
        .execute();
    },
  };
}
