import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { createCompany } from '../src/modules/admin/company.service';
import { grant } from '../src/modules/admin/member.service';
import { defaultPermissions } from '../src/modules/admin/permissions';
import { ApiClient, makeUser, testApp } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('access to companies', (store) => {
  let app: FastifyInstance;
  let ours: number;
  let theirs: number;

  async function signedIn(role: 'administrator' | 'user' | 'guest', companyId = ours) {
    const user = await makeUser(store());
    await grant(store().db, companyId, { id: user.id }, { role });
    const api = new ApiClient(app);
    await api.login(user.email, user.password);
    return { api, user };
  }

  beforeAll(async () => {
    app = await testApp(store());
    ours = (await createCompany(store().db, { name: 'Vår AS', orgNumber: '923609016' }, null)).id;
    theirs = (await createCompany(store().db, { name: 'Deres AS', orgNumber: '999999999' }, null))
      .id;
  });

  it('answers 404 on every company endpoint to a user without access, and changes nothing', async () => {
    const { api } = await signedIn('administrator', ours);
    expect(app.companyRoutes.length).toBeGreaterThan(4);
    for (const route of app.companyRoutes) {
      const url = route.url.replace(':companyId', String(theirs)).replace(/:\w+/g, '1');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const response = await api.request(route.method as 'GET', url, body);
      expect(response.statusCode, `${route.method} ${url}`).toBe(404);
      expect(response.data.code).toBe('not-found');
    }
    const row = await store()
      .db.selectFrom('companies')
      .selectAll()
      .where('id', '=', theirs)
      .executeTakeFirst();
    expect(row?.name).toBe('Deres AS');
  });

  it('lets a guest read but not change anything', async () => {
    const { api } = await signedIn('guest');
    expect((await api.get(`/api/v1/companies/${ours}`)).statusCode).toBe(200);
    const change = await api.patch(`/api/v1/companies/${ours}`, { name: 'Gjestens AS' });
    expect(change.statusCode).toBe(403);
    expect(change.data.detail).toBe('Guests can look but not change anything.');
    const members = await api.get(`/api/v1/companies/${ours}/members`);
    expect(members.statusCode).toBe(403);
  });

  it('never lets a guest write, even if the permissions say so', async () => {
    const user = await makeUser(store());
    const permissions = defaultPermissions('administrator');
    await grant(store().db, ours, { id: user.id }, { role: 'guest', permissions });
    const api = new ApiClient(app);
    const login = await api.login(user.email, user.password);
    const summary = login.data.companies.find((c: { id: number }) => c.id === ours);
    expect(summary.permissions.settings).toBe('read');
    expect((await api.patch(`/api/v1/companies/${ours}`, { name: 'X AS' })).statusCode).toBe(403);
  });

  it('enforces module rights on the server, not only in the screens', async () => {
    const user = await makeUser(store());
    const permissions = { ...defaultPermissions('user'), settings: 'none' as const };
    await grant(store().db, ours, { id: user.id }, { role: 'user', permissions });
    const api = new ApiClient(app);
    await api.login(user.email, user.password);
    const response = await api.get(`/api/v1/companies/${ours}`);
    expect(response.statusCode).toBe(403);
    expect(response.data.detail).toBe('You have no read access to settings.');
  });

  it('lets the company administrator grant, change and revoke access', async () => {
    const { api } = await signedIn('administrator');
    const colleague = await makeUser(store(), { name: 'Per Hansen' });
    const added = await api.post(`/api/v1/companies/${ours}/members`, {
      email: colleague.email,
      role: 'user',
    });
    expect(added.statusCode).toBe(201);
    expect(added.data).toMatchObject({ name: 'Per Hansen', role: 'user' });
    expect(added.data.permissions.settings).toBe('read');

    const changed = await api.put(`/api/v1/companies/${ours}/members/${colleague.id}`, {
      role: 'guest',
    });
    expect(changed.data.permissions.accounting).toBe('read');

    const list = await api.get(`/api/v1/companies/${ours}/members`);
    expect(list.data.items).toContainEqual(
      expect.objectContaining({ email: colleague.email, role: 'guest' }),
    );

    expect((await api.delete(`/api/v1/companies/${ours}/members/${colleague.id}`)).statusCode).toBe(
      204,
    );
    const outsider = new ApiClient(app);
    await outsider.login(colleague.email, colleague.password);
    expect((await outsider.get(`/api/v1/companies/${ours}`)).statusCode).toBe(404);
  });

  it('refuses to remove the last administrator and to grant an unknown user', async () => {
    const company = (
      await createCompany(store().db, { name: 'Ene AS', orgNumber: '921876548' }, null)
    ).id;
    const { api, user } = await signedIn('administrator', company);
    const demote = await api.put(`/api/v1/companies/${company}/members/${user.id}`, {
      role: 'user',
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.data.detail).toBe('A company must keep at least one administrator.');
    const unknown = await api.post(`/api/v1/companies/${company}/members`, {
      email: 'nobody@example.no',
      role: 'user',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0].field).toBe('email');
  });
});
