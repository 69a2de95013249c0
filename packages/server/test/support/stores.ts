import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DialectName, openStore, type Store } from '../../src/db/database';

/**
 * Every store test runs on SQLite and on PostgreSQL. PostgreSQL comes from
 * NORDBOK_TEST_PG_URL (a superuser URL; each test file gets a fresh database of its own).
 * Without it the PostgreSQL half is skipped with a warning, unless NORDBOK_REQUIRE_PG=1.
 */
const pgUrl = process.env.NORDBOK_TEST_PG_URL;
if (!pgUrl && process.env.NORDBOK_REQUIRE_PG === '1') {
  throw new Error('NORDBOK_REQUIRE_PG=1 but NORDBOK_TEST_PG_URL is not set.');
}
if (!pgUrl) console.warn('NORDBOK_TEST_PG_URL is not set: PostgreSQL store tests are skipped.');

export const DIALECTS: DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestStore extends Store {
  /** The PostgreSQL URL of this store's own database. */
  url?: string;
  /** Closes the store and removes its database. */
  drop(): Promise<void>;
}

export async function openTestStore(dialect: DialectName): Promise<TestStore> {
  return dialect === 'sqlite' ? openSqliteTestStore() : openPostgresTestStore();
}

async function openSqliteTestStore(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-test-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') });
  return {
    ...store,
    async drop() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTestStore(): Promise<TestStore> {
  const name = `nordbok_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  const store = await openStore({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...store,
    url: url.toString(),
    async drop() {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs a block of tests once per database; `store()` gives that run's fresh store. */
export function describeEachStore(title: string, body: (store: () => TestStore) => void) {
  describe.each(DIALECTS)(`${title} [%s]`, (dialect) => {
    let current: TestStore | undefined;
    beforeAll(async () => {
      current = await openTestStore(dialect);
    });
    afterAll(async () => {
      await current?.drop();
    });
    body(() => {
      if (!current) throw new Error('The test store is not open yet.');
      return current;
    });
  });
}
