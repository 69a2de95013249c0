import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { DialectName } from '../../src/db/database';
import { openTestStore, type TestStore } from './stores';

/** Runs the CLI in-process against the given environment, capturing what it prints. */
export async function cli(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
  });
  return { code, stdout, stderr };
}

/**
 * An empty installation for CLI tests: a data folder, and on PostgreSQL a fresh database
 * the CLI reaches through DATABASE_URL, as the server would.
 */
export async function cliInstallation(dialect: DialectName, prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: Record<string, string> = {
    NORDBOK_DATA_DIR: dir,
    NORDBOK_ADMIN_PASSWORD: 'first-admin-password',
  };
  let store: TestStore | undefined;
  if (dialect === 'postgres') {
    store = await openTestStore('postgres');
    env.DATABASE_URL = store.url ?? '';
  }
  return {
    env,
    async remove() {
      await store?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
