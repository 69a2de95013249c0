import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, adminWithCompany, makeUser } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const d = (monthDay: string) => `${YEAR}-${monthDay}`;

describeEachStore('vouchers and the trial balance', (store) => {
  let app: FastifyInstance;
  let api: ApiClient;
  let company: number;
  let base: string;

  beforeAll(async () => {
    ({ app, api, companyId: company, base } = await adminWithCompany(store(), 'Bilag AS'));
  });

  async function post(body: object) {
    return api.post(`${base}/vouchers`, body);
  }

  it('gives a new company its chart of accounts and an open fiscal year', async () => {
    const accounts = (await api.get(`${base}/accounts`)).data.items;
    expect(accounts.length).toBeGreaterThan(80);
    expect(accounts).toContainEqual(
      expect.objectContaining({ number: '1500', subledger: 'customer' }),
    );
    expect(accounts).toContainEqual(
      expect.objectContaining({ number: '2400', subledger: 'supplier' }),
    );
    const years = (await api.get(`${base}/fiscal-years`)).data.items;
    expect(years).toHaveLength(1);
    expect(years[0]).toMatchObject({ year: YEAR, startDate: d('01-01'), endDate: d('12-31') });
    expect(years[0].periods).toHaveLength(13);
  });

  it('posts a cash sale with automatic VAT and numbers vouchers without gaps', async () => {
    const sale = await post({
      date: d('03-02'),
      description: 'Kontantsalg kaffe',
      lines: [
        { account: '1920', amount: 125000 },
        { account: '3000', amount: -125000, vatCode: '3' },
      ],
    });
    expect(sale.statusCode).toBe(201);
    expect(sale.data).toMatchObject({ series: 'A', fiscalYear: YEAR, period: 3 });
    expect(
      sale.data.postings.map((p: { account: string; amount: number }) => [p.account, p.amount]),
    ).toEqual([
      ['1920', 125000],
      ['3000', -100000],
      ['2700', -25000],
    ]);
    const next = await post({
      date: d('03-03'),
      description: 'Innkjøp kaffebønner',
      lines: [
        { account: '4300', amount: 80000, vatCode: '11', entry: 'net' },
        { account: '1920', amount: -92000 },
      ],
    });
    expect(next.data.number).toBe(sale.data.number + 1);
    expect(next.data.postings).toContainEqual(
      expect.objectContaining({ account: '2711', amount: 12000, vatKind: 'input' }),
    );
  });

  it('shows every voucher in the trial balance the moment it is saved', async () => {
    const before = await api.get(
      `${base}/reports/trial-balance?from=${d('01-01')}&to=${d('12-31')}`,
    );
    const bank = (rows: { account: string; closing: number }[]) =>
      rows.find((r) => r.account === '1920')?.closing ?? 0;
    await post({
      date: d('04-10'),
      description: 'Innskudd',
      lines: [
        { account: '1920', amount: 500000 },
        { account: '2050', amount: -500000 },
      ],
    });
    const after = await api.get(
      `${base}/reports/trial-balance?from=${d('01-01')}&to=${d('12-31')}`,
    );
    expect(bank(after.data.items) - bank(before.data.items)).toBe(500000);
    const sum = after.data.items.reduce((s: number, r: { closing: number }) => s + r.closing, 0);
    expect(sum).toBe(0);
  });

  it('opens balance accounts with earlier postings, and result accounts only within the year', async () => {
    const rows = (
      await api.get(`${base}/reports/trial-balance?from=${d('04-01')}&to=${d('04-30')}`)
    ).data.items;
    const row = (n: string) => rows.find((r: { account: string }) => r.account === n);
    expect(row('1920')).toMatchObject({ opening: 125000 - 92000, debit: 500000, credit: 0 });
    expect(row('3000')).toMatchObject({ opening: -100000, debit: 0, credit: 0, closing: -100000 });
  });

  it('enters an opening balance in period 0 and shows it as opening, not movement', async () => {
    const opening = await post({
      date: d('01-01'),
      description: 'Inngående balanse',
      opening: true,
      lines: [
        { account: '1930', amount: 900000 },
        { account: '2050', amount: -900000 },
      ],
    });
    expect(opening.data).toMatchObject({ series: 'IB', period: 0, number: 1 });
    const rows = (
      await api.get(`${base}/reports/trial-balance?from=${d('01-01')}&to=${d('12-31')}`)
    ).data.items;
    expect(rows.find((r: { account: string }) => r.account === '1930')).toMatchObject({
      opening: 900000,
      debit: 0,
      closing: 900000,
    });
    const late = await post({
      ...opening.data,
      date: d('01-02'),
      opening: true,
      lines: opening.data.postings,
    });
    expect(late.statusCode).toBe(400);
  });

  it('writes the trial balance as CSV with dot decimals', async () => {
    const csv = await api.get(
      `${base}/reports/trial-balance?from=${d('01-01')}&to=${d('12-31')}&format=csv`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('account,name,opening,debit,credit,closing');
    expect(lines).toContainEqual(
      expect.stringMatching(/^2700,[^,]+,0\.00,0\.00,250\.00,-250\.00$/),
    );
  });

  describe('refuses bad vouchers with the field named and saves nothing', () => {
    it.each([
      [
        {
          lines: [
            { account: '1920', amount: 100 },
            { account: '3000', amount: -90 },
          ],
        },
        'lines',
        /does not balance/,
      ],
      [
        {
          lines: [
            { account: '1920', amount: 100 },
            { account: '9999', amount: -100 },
          ],
        },
        'lines.1.account',
        /Account 9999 does not exist/,
      ],
      [
        {
          lines: [
            { account: '1920', amount: 100 },
            { account: '1500', amount: -100, vatCode: '3' },
          ],
        },
        'lines.1.vatCode',
        /does not fit account 1500/,
      ],
      [
        {
          lines: [
            { account: '1920', amount: 100 },
            { account: '3000', amount: -100, vatCode: '1' },
          ],
        },
        'lines.1.vatCode',
        /VAT code 1 does not fit/,
      ],
      [
        {
          lines: [
            { account: '1920', amount: 1.5 },
            { account: '3000', amount: -1.5 },
          ],
        },
        'lines.0.amount',
        /whole øre/,
      ],
      [{ date: '1999-01-01' }, 'date', /outside every open fiscal year/],
      [{ date: '2026-02-30' }, 'date', /real date/],
      [{ series: 'ZZ' }, 'series', /does not exist/],
      [{ description: '' }, 'description', /Describe/],
    ])('%j → %s', async (change, field, message) => {
      const count = async () =>
        (await api.get(`${base}/vouchers?from=1990-01-01&to=2100-12-31&limit=1000`)).data.items
          .length;
      const before = await count();
      const response = await post({
        date: d('05-05'),
        description: 'Feil',
        lines: [
          { account: '1920', amount: 100 },
          { account: '3000', amount: -100, vatCode: '3' },
        ],
        ...change,
      });
      expect(response.statusCode).toBe(400);
      expect(response.data.errors).toContainEqual(
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      );
      expect(await count()).toBe(before);
    });
  });

  it('refuses a date in a locked period until it is unlocked', async () => {
    const lock = await api.put(`${base}/fiscal-years/${YEAR}/periods/6/lock`, { locked: true });
    expect(lock.statusCode).toBe(204);
    const body = {
      date: d('06-15'),
      description: 'I låst periode',
      lines: [
        { account: '1920', amount: 100 },
        { account: '2050', amount: -100 },
      ],
    };
    const refused = await post(body);
    expect(refused.statusCode).toBe(400);
    expect(refused.data.errors[0]).toMatchObject({ field: 'date', code: 'locked-period' });
    expect(refused.data.detail).toMatch(/Period 6 of fiscal year \d+ is locked/);
    await api.put(`${base}/fiscal-years/${YEAR}/periods/6/lock`, { locked: false });
    expect((await post(body)).statusCode).toBe(201);
  });

  it('lets only administrators lock periods and never lets guests post', async () => {
    const guest = await makeUser(store());
    await api.post(`${base}/members`, { email: guest.email, role: 'guest' });
    const g = new ApiClient(app);
    await g.login(guest.email, guest.password);
    await g.post(`/api/v1/companies/${company}/select`);
    expect((await g.get(`${base}/accounts`)).statusCode).toBe(200);
    expect(
      (await g.put(`${base}/fiscal-years/${YEAR}/periods/1/lock`, { locked: true })).statusCode,
    ).toBe(403);
    const refused = await g.post(`${base}/vouchers`, {
      date: d('03-01'),
      description: 'Gjest',
      lines: [
        { account: '1920', amount: 100 },
        { account: '2050', amount: -100 },
      ],
    });
    expect(refused.statusCode).toBe(403);
  });
});
