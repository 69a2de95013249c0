import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../src/http/app';
import { ApiClient, makeUser, testConfig } from './support/api';
import { openTestStore } from './support/stores';

it('logs each request with its id, and never passwords, e-mail addresses or cookies', async () => {
  const store = await openTestStore('sqlite');
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config: testConfig(),
    store,
    logger: { ...loggerOptions('info'), stream },
  });
  const user = await makeUser(store);
  const api = new ApiClient(app);
  await api.login(user.email, user.password);
  await api.post('/api/v1/auth/login', { email: user.email, password: 'wrong-secret' });
  await app.close();
  await store.drop();

  const log = lines.join('');
  expect(log).not.toContain(user.password);
  expect(log).not.toContain('wrong-secret');
  expect(log).not.toContain(user.email);
  expect(log).not.toContain('nordbok_session=');
  const entries = lines.map((l) => JSON.parse(l));
  const completed = entries.filter((e) => e.msg === 'request completed');
  expect(completed).toHaveLength(2);
  expect(completed[0]).toMatchObject({ reqId: expect.any(String), res: { statusCode: 200 } });
});
