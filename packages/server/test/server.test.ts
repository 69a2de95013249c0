import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function config(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-server-'));
  dirs.push(dir);
  return loadConfig({ NORDBOK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', ...env });
}

it('creates the administrator with a generated password, shown once, and the demo company', async () => {
  const lines: string[] = [];
  const cfg = config();
  const server = await startServer(cfg, { logger: false, announce: (l) => lines.push(l) });
  await server.close();
  expect(lines[0]).toBe(
    'Created the administrator admin@nordbok.local and the demo company Fjordkaffe AS.',
  );
  const password = lines[1]?.match(/^Password \(shown only this once\): (\S{20})$/)?.[1];
  expect(password).toBeDefined();

  const again: string[] = [];
  const restarted = await startServer(cfg, { logger: false, announce: (l) => again.push(l) });
  const login = await fetch(`${restarted.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@nordbok.local', password }),
  });
  const session = await login.json();
  await restarted.close();
  expect(again).toEqual([]);
  expect(session.companies.map((c: { name: string }) => c.name)).toEqual(['Fjordkaffe AS']);
});

it('signs the sole user in by itself when password protection is off', async () => {
  const server = await startServer(
    config({ NORDBOK_AUTH: 'off', NORDBOK_ADMIN_PASSWORD: 'x-password-123' }),
    {
      logger: false,
      announce: () => {},
    },
  );
  const response = await fetch(`${server.url}/api/v1/auth/session`);
  const body = await response.json();
  await server.close();
  expect(response.status).toBe(200);
  expect(body.user.email).toBe('admin@nordbok.local');
});

it('refuses to switch password protection off on a non-loopback address', async () => {
  const cfg = config({ NORDBOK_AUTH: 'off', HOST: '0.0.0.0' });
  await expect(startServer(cfg, { logger: false, announce: () => {} })).rejects.toThrow(
    'NORDBOK_AUTH=off is allowed only when HOST is a loopback address.',
  );
});

it('refuses to switch password protection off with more than one user', async () => {
  const cfg = config({ NORDBOK_ADMIN_PASSWORD: 'x-password-123' });
  const server = await startServer(cfg, { logger: false, announce: () => {} });
  const { createUser } = await import('../src/modules/admin/user.service');
  await createUser(server.store.db, {
    email: 'two@example.no',
    name: 'Two',
    password: 'second-password',
  });
  await server.close();
  await expect(
    startServer({ ...cfg, authDisabled: true }, { logger: false, announce: () => {} }),
  ).rejects.toThrow('NORDBOK_AUTH=off is allowed only for an installation with a single user.');
});
