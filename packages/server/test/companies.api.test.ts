import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, makeUser, testApp } from './support/api';
import { describeEachStore } from './support/stores';

describeEachStore('companies and their settings', (store) => {
  let app: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await testApp(store());
    const user = await makeUser(store(), { admin: true });
    admin = new ApiClient(app);
    await admin.login(user.email, user.password);
  });

  async function newCompany(name = 'Nordlys Regnskap AS', orgNumber = '923 609 016') {
    const response = await admin.post('/api/v1/companies', {
      name,
      orgNumber,
      fiscalYearStartMonth: 7,
    });
    expect(response.statusCode).toBe(201);
    return response.data;
  }

  it('creates a company with the creator as administrator and opens it', async () => {
    const company = await newCompany();
    expect(company).toMatchObject({
      name: 'Nordlys Regnskap AS',
      orgNumber: '923609016',
      fiscalYearStartMonth: 7,
      baseCurrency: 'NOK',
      vatRegistered: false,
    });
    const selected = await admin.post(`/api/v1/companies/${company.id}/select`);
    expect(selected.data.currentCompanyId).toBe(company.id);
    expect(selected.data.companies).toContainEqual(
      expect.objectContaining({ id: company.id, role: 'administrator' }),
    );
  });

  it('changes settings and keeps them', async () => {
    const company = await newCompany();
    const changes = {
      vatRegistered: true,
      bankAccount: '8601.11.17947',
      visitAddress: { street: 'Strandgaten 1', postalCode: '5013', city: 'Bergen', country: 'NO' },
      documentLanguage: 'en',
      email: 'post@nordlys.no',
      logo: 'data:image/png;base64,iVBORw0KGgo=',
    };
    const saved = await admin.patch(`/api/v1/companies/${company.id}`, changes);
    expect(saved.statusCode).toBe(200);
    const reread = await admin.get(`/api/v1/companies/${company.id}`);
    expect(reread.data).toMatchObject({ ...changes, bankAccount: '86011117947' });
    expect(reread.data.postalAddress.street).toBe('');
  });

  describe('bad input is refused with the field named and nothing written', () => {
    it.each([
      [{ orgNumber: '923609017' }, 'orgNumber', /valid organisation number/],
      [{ bankAccount: '86011117948' }, 'bankAccount', /valid bank account number/],
      [{ name: 'x'.repeat(201) }, 'name', /200/],
      [{ fiscalYearStartMonth: 13 }, 'fiscalYearStartMonth', /12/],
      [{ fiscalYearStartMonth: '7' }, 'fiscalYearStartMonth', /number/],
      [{ vatRegistered: true, colour: 'red' }, 'colour', /Unknown field/],
      [
        { visitAddress: { street: 'a', postalCode: '1', city: 'b', country: 'Norway' } },
        'visitAddress.country',
        /two-letter/,
      ],
      [{ email: 'not-an-address' }, 'email', /e-mail/],
      [{ logo: 'data:text/html;base64,PGgxPg==' }, 'logo', /PNG or JPEG/],
      [{ id: 99 }, 'id', /Unknown field/],
    ])('%j → %s', async (body, field, message) => {
      const company = await newCompany('Urørt AS', '999999999');
      const response = await admin.patch(`/api/v1/companies/${company.id}`, {
        name: 'Endret AS',
        ...body,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.data.errors).toContainEqual(
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      );
      const unchanged = await admin.get(`/api/v1/companies/${company.id}`);
      expect(unchanged.data.name).toBe('Urørt AS');
    });

    it('refuses a new company with an invalid organisation number', async () => {
      const before = (await admin.get('/api/v1/companies')).data.items.length;
      const response = await admin.post('/api/v1/companies', {
        name: 'Feil AS',
        orgNumber: '123456789',
      });
      expect(response.statusCode).toBe(400);
      expect(response.data.errors[0].field).toBe('orgNumber');
      expect((await admin.get('/api/v1/companies')).data.items.length).toBe(before);
    });
  });

  it('lets only installation administrators create companies and users', async () => {
    const plain = await makeUser(store());
    const api = new ApiClient(app);
    await api.login(plain.email, plain.password);
    const company = await api.post('/api/v1/companies', {
      name: 'Egen AS',
      orgNumber: '999999999',
    });
    expect(company.statusCode).toBe(403);
    const user = await api.post('/api/v1/users', {
      email: 'x@y.no',
      name: 'X',
      password: 'long enough pw',
    });
    expect(user.statusCode).toBe(403);
  });

  it('creates users and refuses a duplicate e-mail address', async () => {
    const body = { email: 'kari@nordlys.no', name: 'Kari Nordmann', password: 'lang-passord-1' };
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/v1/users', { ...body, email: 'KARI@nordlys.no' });
    expect(again.statusCode).toBe(400);
    expect(again.data.errors[0]).toMatchObject({ field: 'email', code: 'duplicate' });
    const short = await admin.post('/api/v1/users', {
      ...body,
      email: 'ola@nordlys.no',
      password: 'kort',
    });
    expect(short.data.errors[0]).toMatchObject({ field: 'password' });
  });

  it('publishes the OpenAPI document and a health check with a request id', async () => {
    const doc = await admin.get('/api/v1/openapi.json');
    expect(doc.data.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.data.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/companies/{companyId}',
        '/api/v1/auth/login',
        '/api/v1/health',
      ]),
    );
    const health = await new ApiClient(app).get('/api/v1/health');
    expect(health.data).toEqual({ status: 'ok', database: store().dialect });
    expect(health.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers an unknown endpoint with a problem, not a crash', async () => {
    const response = await admin.get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.data.code).toBe('not-found');
  });
});
