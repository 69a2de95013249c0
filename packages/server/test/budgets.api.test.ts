import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, makeUser, testApp } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const months = (...amounts: number[]) => [...amounts, ...new Array(12 - amounts.length).fill(0)];

describeEachStore('budgets', (store) => {
  let app: FastifyInstance;
  let api: ApiClient;
  let companyId: number;
  let base: string;
  let department: number;

  beforeAll(async () => {
    app = await testApp(store());
    const admin = await makeUser(store(), { admin: true });
    api = new ApiClient(app);
    await api.login(admin.email, admin.password);
    companyId = (await api.post('/api/v1/companies', { name: 'Plan AS', orgNumber: '923609016' }))
      .data.id;
    base = `/api/v1/companies/${companyId}`;
    department = (await api.post(`${base}/departments`, { code: 'S', name: 'Salg' })).data.id;
  });

  const list = async () => (await api.get(`${base}/budgets?fiscalYear=${YEAR}`)).data.items;

  it('saves twelve periods per account and dimension and lists them', async () => {
    const saved = await api.put(`${base}/budgets`, {
      fiscalYear: YEAR,
      account: '3000',
      periods: months(-100000, -120000),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.data).toEqual({
      account: '3000',
      departmentId: 0,
      projectId: 0,
      periods: months(-100000, -120000),
    });
    await api.put(`${base}/budgets`, {
      fiscalYear: YEAR,
      account: '3000',
      departmentId: department,
      periods: months(0, 0, -30000),
    });
    expect(await list()).toEqual([
      { account: '3000', departmentId: 0, projectId: 0, periods: months(-100000, -120000) },
      { account: '3000', departmentId: department, projectId: 0, periods: months(0, 0, -30000) },
    ]);
  });

  it('replaces a line on a second save and removes it when every period is zero', async () => {
    const line = { fiscalYear: YEAR, account: '6300', periods: months(1500000) };
    await api.put(`${base}/budgets`, line);
    await api.put(`${base}/budgets`, { ...line, periods: months(0, 1600000) });
    const rent = (await list()).filter((l: { account: string }) => l.account === '6300');
    expect(rent).toEqual([expect.objectContaining({ periods: months(0, 1600000) })]);
    await api.put(`${base}/budgets`, { ...line, periods: months() });
    expect((await list()).some((l: { account: string }) => l.account === '6300')).toBe(false);
  });

  it.each([
    [{ account: '9999' }, 'account', /Account 9999 does not exist/],
    [{ fiscalYear: 1990 }, 'fiscalYear', /Fiscal year 1990 does not exist/],
    [{ departmentId: 999 }, 'departmentId', /Department 999 does not exist/],
    [{ projectId: 999 }, 'projectId', /Project 999 does not exist/],
    [{ periods: [1, 2, 3] }, 'periods', /12 periods/],
    [{ periods: months(1.5) }, 'periods.0', /whole øre/],
  ])('refuses %j, naming %s', async (change, field, message) => {
    const response = await api.put(`${base}/budgets`, {
      fiscalYear: YEAR,
      account: '3000',
      periods: months(1),
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors).toContainEqual(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('lets a user with read access to accounting look but not change', async () => {
    const guest = await makeUser(store());
    await api.post(`${base}/members`, { email: guest.email, role: 'guest' });
    const reader = new ApiClient(app);
    await reader.login(guest.email, guest.password);
    expect((await reader.get(`${base}/budgets?fiscalYear=${YEAR}`)).statusCode).toBe(200);
    const refused = await reader.put(`${base}/budgets`, {
      fiscalYear: YEAR,
      account: '3000',
      periods: months(1),
    });
    expect(refused.statusCode).toBe(403);
  });
});
