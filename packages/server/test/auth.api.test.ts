import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { createCompany } from '../src/modules/admin/company.service';
import { grant } from '../src/modules/admin/member.service';
import { ApiClient, makeUser, testApp } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('sign-in and sessions', (store) => {
  let app: FastifyInstance;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let companyId: number;

  beforeAll(async () => {
    app = await testApp(store());
    user = await makeUser(store());
    const company = await createCompany(
      store().db,
      { name: 'Havbris AS', orgNumber: '923609016' },
      null,
    );
    companyId = company.id;
    await grant(store().db, companyId, { id: user.id }, { role: 'user' });
  });

  it('signs in, opens the only company and shows the session', async () => {
    const api = new ApiClient(app);
    const login = await api.login(user.email.toUpperCase(), user.password);
    expect(login.data.user.email).toBe(user.email);
    expect(login.data.currentCompanyId).toBe(companyId);
    expect(login.data.companies).toEqual([
      expect.objectContaining({ id: companyId, name: 'Havbris AS', role: 'user' }),
    ]);
    const cookie = login.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/);
    expect(String(cookie)).toMatch(/SameSite=Strict/);

    const session = await api.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.data.user.id).toBe(user.id);
  });

  it('refuses a wrong password with a clear message', async () => {
    const api = new ApiClient(app);
    const response = await api.post('/api/v1/auth/login', { email: user.email, password: 'nope' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.data.detail).toBe('Wrong e-mail address or password.');
  });

  it('ends the session on logout', async () => {
    const api = new ApiClient(app);
    await api.login(user.email, user.password);
    const cookie = api.cookie;
    expect((await api.post('/api/v1/auth/logout')).statusCode).toBe(204);
    api.cookie = cookie;
    expect((await api.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const api = new ApiClient(app);
    await api.login(user.email, user.password);
    api.csrf = 'forged';
    const response = await api.patch('/api/v1/me', { name: 'Mallory' });
    expect(response.statusCode).toBe(403);
    expect(response.data.code).toBe('csrf');
  });

  it('shares sessions between app instances on the same database', async () => {
    const first = new ApiClient(app);
    await first.login(user.email, user.password);
    const secondApp = await testApp(store());
    const second = new ApiClient(secondApp);
    second.cookie = first.cookie;
    second.csrf = first.csrf;
    const response = await second.patch('/api/v1/me', { language: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.data.language).toBe('en');
    await secondApp.close();
  });

  it('locks an e-mail address after five failed attempts, even with the right password', async () => {
    const victim = await makeUser(store());
    const api = new ApiClient(app);
    for (let i = 0; i < 5; i++) {
      const r = await api.post('/api/v1/auth/login', { email: victim.email, password: 'wrong' });
      expect(r.statusCode).toBe(401);
    }
    const locked = await api.post('/api/v1/auth/login', {
      email: victim.email,
      password: victim.password,
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.data.detail).toMatch(/Too many failed sign-in attempts/);
  });

  it('turns away the login beyond the licence with a clear message', async () => {
    const company = await createCompany(
      store().db,
      { name: 'Liten AS', orgNumber: '999999999' },
      null,
    );
    await store()
      .db.updateTable('companies')
      .set({ licence_max_users: 1 })
      .where('id', '=', company.id)
      .execute();
    const first = await makeUser(store());
    const second = await makeUser(store());
    await grant(store().db, company.id, { id: first.id }, { role: 'user' });
    await grant(store().db, company.id, { id: second.id }, { role: 'user' });

    const a = new ApiClient(app);
    expect((await a.login(first.email, first.password)).data.currentCompanyId).toBe(company.id);
    const b = new ApiClient(app);
    const refused = await b.post('/api/v1/auth/login', {
      email: second.email,
      password: second.password,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.data.code).toBe('licence-limit');
    expect(refused.data.detail).toMatch(/The licence for Liten AS allows 1 concurrent user/);

    await a.post('/api/v1/auth/logout');
    expect((await b.login(second.email, second.password)).statusCode).toBe(200);
  });

  it('answers malformed JSON and unknown fields with a 400 problem naming the field', async () => {
    const api = new ApiClient(app);
    const bad = await api.request('POST', '/api/v1/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.code).toBe('malformed-json');

    const unknown = await api.post('/api/v1/auth/login', {
      email: 'a@b.no',
      password: 'x',
      admin: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors).toEqual([
      expect.objectContaining({ field: 'admin', code: 'unknown-field' }),
    ]);

    const wrongType = await api.post('/api/v1/auth/login', { email: 42, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.data.errors[0].field).toBe('email');
  });
});
