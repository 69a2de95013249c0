import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Store } from './database';
import { foundation } from './migrations/0001-foundation';
import { ledger } from './migrations/0002-ledger';
import { audit } from './migrations/0003-audit';
import { settings } from './migrations/0004-settings';
import { vatReturns } from './migrations/0004-vat-returns';
import { saftImport } from './migrations/0005-saft-import';
import { vatCorrections } from './migrations/0005-vat-corrections';
import { contacts } from './migrations/0006-contacts';
import { crm } from './migrations/0006-crm';
import { inventory } from './migrations/0006-inventory';
import { sales } from './migrations/0007-sales';

/**
 * Migrations in order. Each receives the dialect so that the few column types that differ
 * (auto-increment ids) are spelled right; everything else is written once for both.
 */
const migrations = {
  '0001-foundation': foundation,
  '0002-ledger': ledger,
  '0003-audit': audit,
  '0004-settings': settings,
  '0004-vat-returns': vatReturns,
  '0005-saft-import': saftImport,
  '0005-vat-corrections': vatCorrections,
  '0006-contacts': contacts,
  '0006-crm': crm,
  '0006-inventory': inventory,
  '0007-sales': sales,
};

export async function migrateToLatest(store: Store): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const built: Record<string, Migration> = {};
      for (const [name, make] of Object.entries(migrations)) built[name] = make(store.dialect);
      return built;
    },
  };
  const { error, results } = await new Migrator({ db: store.db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
