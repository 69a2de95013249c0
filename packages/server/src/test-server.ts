import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config';
import { startServer } from './server';

export const TEST_ADMIN_EMAIL = 'admin@fjordkaffe.no';
export const TEST_ADMIN_PASSWORD = 'nordbok-test-password';

/**
 * A real Nordbok server for browser tests: a fresh SQLite installation in a temporary
 * folder, on a free loopback port, with the administrator and the demo company.
 */
export async function startTestServer(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-e2e-'));
  const config = loadConfig({
    NORDBOK_DATA_DIR: dataDir,
    NORDBOK_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    NORDBOK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const server = await startServer(config, { logger: false, announce: () => {} });
  return {
    url: server.url,
    adminEmail: TEST_ADMIN_EMAIL,
    adminPassword: TEST_ADMIN_PASSWORD,
    store: server.store,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
