import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, adminWithCompany, makeUser } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const day = (md: string) => `${YEAR}-${md}`;

describeEachStore('salespeople, budgets and currency rates', (store) => {
  let app: FastifyInstance;
  let api: ApiClient;
  let base: string;
  let customer: number;
  let colleague: { id: number; email: string; password: string };

  const invoice = async (input: {
    date: string;
    salespersonId?: number | null;
    unitPrice: number;
    currency?: string;
    rate?: string;
  }) => {
    const res = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: input.date,
      ...(input.salespersonId ? { salespersonId: input.salespersonId } : {}),
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.rate ? { rate: input.rate } : {}),
      lines: [{ description: 'Rådgivning', quantity: 1, unitPrice: input.unitPrice }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.data;
  };

  beforeAll(async () => {
    ({ app, api, base } = await adminWithCompany(store(), 'Selger AS'));
    customer = (await api.post(`${base}/parties`, { name: 'Kunde AS', customer: true })).data.id;
    colleague = await makeUser(store(), { name: 'Kari Selger' });
    const added = await api.post(`${base}/members`, { email: colleague.email, role: 'user' });
    expect(added.statusCode).toBe(201);
  });

  it('creates, lists, changes and deletes salespeople, with a unique code and a member as user', async () => {
    const created = await api.post(`${base}/salespeople`, {
      code: 'KS',
      name: 'Kari Selger',
      userId: colleague.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      code: 'KS',
      name: 'Kari Selger',
      userId: colleague.id,
      userName: 'Kari Selger',
      active: true,
    });

    const taken = await api.post(`${base}/salespeople`, { code: 'KS', name: 'Another' });
    expect(taken.statusCode).toBe(400);
    expect(taken.data.errors).toEqual([expect.objectContaining({ field: 'code', code: 'taken' })]);

    const outsider = await makeUser(store());
    const notMember = await api.post(`${base}/salespeople`, {
      code: 'XX',
      name: 'Outsider',
      userId: outsider.id,
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.data.errors).toEqual([expect.objectContaining({ field: 'userId' })]);

    const users = (await api.get(`${base}/salespeople/users`)).data.items;
    expect(users.map((u: { id: number }) => u.id)).toContain(colleague.id);

    const other = (await api.post(`${base}/salespeople`, { code: 'OLA', name: 'Ola' })).data;
    const changed = await api.put(`${base}/salespeople/${other.id}`, {
      code: 'ON',
      name: 'Ola Nordmann',
      active: false,
    });
    expect(changed.data).toMatchObject({ code: 'ON', name: 'Ola Nordmann', active: false });
    const active = (await api.get(`${base}/salespeople?active=true`)).data.items;
    expect(active.map((s: { code: string }) => s.code)).toEqual(['KS']);
    const all = (await api.get(`${base}/salespeople`)).data.items;
    expect(all.map((s: { code: string }) => s.code)).toEqual(['KS', 'ON']);

    expect((await api.delete(`${base}/salespeople/${other.id}`)).statusCode).toBe(204);
    expect((await api.get(`${base}/salespeople/${other.id}`)).statusCode).toBe(404);
  });

  it('refuses to delete a salesperson on a document and lets only settings writers change them', async () => {
    const sp = (await api.post(`${base}/salespeople`, { code: 'DOC', name: 'Dokument' })).data;
    await invoice({ date: day('01-10'), salespersonId: sp.id, unitPrice: 1_000 });
    const refused = await api.delete(`${base}/salespeople/${sp.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.data.detail).toContain('inactive');

    // An ordinary user reads salespeople but has only read access to settings.
    const userApi = new ApiClient(app);
    await userApi.login(colleague.email, colleague.password);
    expect((await userApi.get(`${base}/salespeople`)).statusCode).toBe(200);
    const write = await userApi.post(`${base}/salespeople`, { code: 'NO', name: 'Nei' });
    expect(write.statusCode).toBe(403);
    const budget = await userApi.put(`${base}/salespeople/${sp.id}/budgets/${YEAR}`, {
      months: Array(12).fill(0),
    });
    expect(budget.statusCode).toBe(403);
  });

  it('keeps a budget of twelve months per salesperson and year', async () => {
    const sp = (await api.post(`${base}/salespeople`, { code: 'BUD', name: 'Budsjett' })).data;
    const empty = (await api.get(`${base}/salespeople/${sp.id}/budgets/${YEAR}`)).data;
    expect(empty).toEqual({
      salespersonId: sp.id,
      year: YEAR,
      months: Array(12).fill(0),
      total: 0,
    });

    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => m * 100_000);
    const saved = await api.put(`${base}/salespeople/${sp.id}/budgets/${YEAR}`, { months });
    expect(saved.statusCode).toBe(200);
    expect(saved.data).toMatchObject({ months, total: 7_800_000 });

    // Saving again replaces the year; other years are untouched.
    await api.put(`${base}/salespeople/${sp.id}/budgets/${YEAR + 1}`, {
      months: Array(12).fill(5),
    });
    const replaced = months.map((m, i) => (i === 0 ? 0 : m));
    await api.put(`${base}/salespeople/${sp.id}/budgets/${YEAR}`, { months: replaced });
    expect((await api.get(`${base}/salespeople/${sp.id}/budgets/${YEAR}`)).data.months).toEqual(
      replaced,
    );
    expect((await api.get(`${base}/salespeople/${sp.id}/budgets/${YEAR + 1}`)).data.total).toBe(60);

    const short = await api.put(`${base}/salespeople/${sp.id}/budgets/${YEAR}`, {
      months: [1, 2],
    });
    expect(short.statusCode).toBe(400);
    expect(short.data.detail ?? JSON.stringify(short.data)).toContain('12 months');
    expect((await api.get(`${base}/salespeople/999999/budgets/${YEAR}`)).statusCode).toBe(404);
  });

  it('reports net sales in NOK less credit notes against the budget per salesperson and month', async () => {
    const anna = (await api.post(`${base}/salespeople`, { code: 'ANNA', name: 'Anna' })).data;
    const budget = Array(12).fill(0);
    budget[1] = 2_000_000; // February 20 000 kr
    budget[2] = 1_000_000; // March 10 000 kr
    await api.put(`${base}/salespeople/${anna.id}/budgets/${YEAR}`, { months: budget });

    // February: 12 000 kr + 1 000 EUR at 11.5 = 23 500 kr net (VAT does not count).
    await invoice({ date: day('02-03'), salespersonId: anna.id, unitPrice: 1_200_000 });
    await invoice({
      date: day('02-20'),
      salespersonId: anna.id,
      unitPrice: 100_000,
      currency: 'EUR',
      rate: '11.5',
    });
    // March: 8 000 kr invoiced, 3 000 kr of it credited.
    await invoice({ date: day('03-05'), salespersonId: anna.id, unitPrice: 800_000 });
    const credit = await api.post(`${base}/documents`, {
      kind: 'credit_note',
      partyId: customer,
      date: day('03-10'),
      salespersonId: anna.id,
      lines: [{ description: 'Kreditert', quantity: 1, unitPrice: 300_000 }],
    });
    expect(credit.statusCode, credit.body).toBe(201);
    // A quote and a sale without a salesperson.
    await api.post(`${base}/documents`, {
      kind: 'quote',
      partyId: customer,
      date: day('02-04'),
      salespersonId: anna.id,
      lines: [{ description: 'Tilbud', quantity: 1, unitPrice: 9_900_000 }],
    });
    await invoice({ date: day('04-01'), unitPrice: 50_000 });

    const res = await api.get(`${base}/sales-vs-budget?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const line = res.data.salespeople.find(
      (l: { salespersonId: number }) => l.salespersonId === anna.id,
    );
    expect(line.months[1]).toEqual({
      month: 2,
      actual: 2_350_000,
      budget: 2_000_000,
      difference: 350_000,
      percent: 117.5,
    });
    expect(line.months[2]).toEqual({
      month: 3,
      actual: 500_000,
      budget: 1_000_000,
      difference: -500_000,
      percent: 50,
    });
    expect(line.months[3]).toMatchObject({ actual: 0, budget: 0, percent: null });
    expect(line.total).toMatchObject({ actual: 2_850_000, budget: 3_000_000, percent: 95 });
    const none = res.data.salespeople.find(
      (l: { salespersonId: number | null }) => l.salespersonId === null,
    );
    expect(none.months[3].actual).toBe(50_000);
    const sumOfLines = res.data.salespeople.reduce(
      (s: number, l: { total: { actual: number } }) => s + l.total.actual,
      0,
    );
    expect(res.data.total.actual).toBe(sumOfLines);
    expect(res.data.months[3].actual).toBe(50_000);

    const one = (await api.get(`${base}/sales-vs-budget?year=${YEAR}&salespersonId=${anna.id}`))
      .data;
    expect(one.salespeople).toHaveLength(1);
    expect(one.total).toEqual(line.total);

    const csv = await api.get(
      `${base}/sales-vs-budget?year=${YEAR}&salespersonId=${anna.id}&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`salg-mot-budsjett-${YEAR}.csv`);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('code,name,month,actual,budget,difference,percent');
    expect(rows).toContain(`ANNA,Anna,${YEAR}-02,23500.00,20000.00,3500.00,117.5`);
    expect(rows).toContain(`ANNA,Anna,${YEAR},28500.00,30000.00,-1500.00,95.0`);

    expect((await api.get(`${base}/sales-vs-budget?year=abc`)).statusCode).toBe(400);
  });

  it('sets, lists and deletes currency rates', async () => {
    const put = await api.put(`${base}/currency-rates/USD/${day('01-02')}`, { rate: '10.1234' });
    expect(put.statusCode).toBe(200);
    expect(put.data).toEqual({
      currency: 'USD',
      date: day('01-02'),
      rate: '10.1234',
      source: 'manual',
    });
    await api.put(`${base}/currency-rates/USD/${day('01-02')}`, { rate: '10.2' });
    const list = (await api.get(`${base}/currency-rates?currency=usd`)).data;
    expect(list.items).toEqual([
      { currency: 'USD', date: day('01-02'), rate: '10.2', source: 'manual' },
    ]);
    expect(list.currencies).toContain('USD');

    const wrong = await api.put(`${base}/currency-rates/USD/${day('01-03')}`, { rate: '10,2' });
    expect(wrong.statusCode).toBe(400);
    const zero = await api.put(`${base}/currency-rates/USD/${day('01-03')}`, { rate: '0.000' });
    expect(zero.statusCode).toBe(400);
    expect(zero.data.detail).toContain('more than zero');

    expect((await api.delete(`${base}/currency-rates/USD/${day('01-02')}`)).statusCode).toBe(204);
    expect((await api.delete(`${base}/currency-rates/USD/${day('01-02')}`)).statusCode).toBe(404);
  });

  it('imports a rate file all or nothing, or its good rows when told to skip errors', async () => {
    const file = [
      'currency;date;rate',
      `SEK;${day('03-02')};1,0512`,
      `DKK;${day('03-02')};1.5601`,
      `XYZW;${day('03-02')};1.0`,
      `SEK;${day('03')};1.05`,
    ].join('\n');
    const refused = await api.post(`${base}/currency-rates/import`, { csv: file });
    expect(refused.statusCode).toBe(200);
    expect(refused.data.imported).toBe(0);
    expect(refused.data.errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
    expect(refused.data.errors[0].message).toContain('three-letter');
    expect((await api.get(`${base}/currency-rates?currency=SEK`)).data.items).toEqual([]);

    const skipped = await api.post(`${base}/currency-rates/import`, {
      csv: file,
      skipErrors: true,
    });
    expect(skipped.data.imported).toBe(2);
    expect(skipped.data.errors).toHaveLength(2);
    expect((await api.get(`${base}/currency-rates?currency=SEK`)).data.items).toEqual([
      { currency: 'SEK', date: day('03-02'), rate: '1.0512', source: 'import' },
    ]);

    // Norges Bank's own CSV, posted as text/csv: SEK per 100 becomes NOK per one.
    const norgesBank = [
      'FREQ;Frequency;BASE_CUR;Base Currency;QUOTE_CUR;Quote Currency;TENOR;Tenor;DECIMALS;CALCULATED;UNIT_MULT;Unit Multiplier;COLLECTION;Collection Indicator;TIME_PERIOD;OBS_VALUE',
      `B;Business;EUR;Euro;NOK;Norwegian krone;SP;Spot;4;false;0;Units;C;ECB concertation time 14:15 CET;${day('03-03')};11.4532`,
      `B;Business;SEK;Swedish krona;NOK;Norwegian krone;SP;Spot;4;false;2;Hundreds;C;ECB concertation time 14:15 CET;${day('03-03')};106,75`,
    ].join('\n');
    const asText = await api.request('POST', `${base}/currency-rates/import`, norgesBank, {
      'content-type': 'text/csv',
    });
    expect(asText.statusCode, asText.body).toBe(200);
    expect(asText.data).toEqual({ imported: 2, errors: [] });
    expect((await api.get(`${base}/currency-rates?currency=SEK`)).data.items[0]).toEqual({
      currency: 'SEK',
      date: day('03-03'),
      rate: '1.0675',
      source: 'import',
    });

    const badText = await api.request(
      'POST',
      `${base}/currency-rates/import?skipErrors=true`,
      `GBP;${day('03-03')};13,1\nGBP;${day('03-04')};x`,
      { 'content-type': 'text/csv' },
    );
    expect(badText.data.imported).toBe(1);
    expect(badText.data.errors).toEqual([{ line: 2, message: expect.stringContaining('"x"') }]);
  });

  it('gives a euro document without a rate the day’s imported rate, and a field error without one', async () => {
    const missing = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('05-04'),
      currency: 'CHF',
      lines: [{ description: 'Export', quantity: 1, unitPrice: 100_000, vatCode: '52' }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.errors).toEqual([
      expect.objectContaining({ field: 'rate', code: 'required' }),
    ]);
    expect(missing.data.detail).toContain('no CHF rate');

    await api.post(`${base}/currency-rates/import`, {
      csv: `EUR;${day('05-01')};11.40\nEUR;${day('05-04')};11.62\nEUR;${day('05-05')};11.90`,
    });
    const inv = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('05-04'),
      currency: 'EUR',
      lines: [{ description: 'Export', quantity: 1, unitPrice: 100_000, vatCode: '52' }],
    });
    expect(inv.statusCode, inv.body).toBe(201);
    expect(inv.data).toMatchObject({ currency: 'EUR', rate: '11.62', grossNok: 1_162_000 });

    // A day without a rate of its own (a weekend) takes the latest rate before it.
    const later = await api.post(`${base}/documents`, {
      kind: 'invoice',
      partyId: customer,
      date: day('05-03'),
      currency: 'EUR',
      lines: [{ description: 'Export', quantity: 1, unitPrice: 100_000, vatCode: '52' }],
    });
    expect(later.data).toMatchObject({ rate: '11.4', grossNok: 1_140_000 });
  });
});
