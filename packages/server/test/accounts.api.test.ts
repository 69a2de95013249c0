import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

describeEachStore('the chart of accounts', (store) => {
  let api: ApiClient;
  let base: string;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Konto AS'));
  });

  it('adds an account with its grouping code and default VAT code', async () => {
    const added = await api.post(`${base}/accounts`, {
      number: '3010',
      nameNb: 'Salg av kaffebønner',
      nameEn: 'Sale of coffee beans',
      vatCode: '31',
      groupingCategory: 'salgsinntekt',
      groupingCode: '3000',
    });
    expect(added.statusCode).toBe(201);
    expect(added.data).toMatchObject({
      number: '3010',
      kind: 'income',
      vatCode: '31',
      blocked: false,
    });
    const list = (await api.get(`${base}/accounts`)).data.items;
    expect(list.map((a: { number: string }) => a.number)).toContain('3010');
  });

  it('renames and blocks an account; a blocked account takes no postings', async () => {
    const renamed = await api.patch(`${base}/accounts/3010`, {
      nameNb: 'Salg av kaffe',
      blocked: true,
    });
    expect(renamed.data).toMatchObject({ nameNb: 'Salg av kaffe', blocked: true });
    const voucher = await api.post(`${base}/vouchers`, {
      date: `${YEAR}-02-02`,
      description: 'Salg',
      lines: [
        { account: '1920', amount: 100 },
        { account: '3010', amount: -100 },
      ],
    });
    expect(voucher.data.errors[0]).toMatchObject({
      field: 'lines.1.account',
      message: 'Line 2: Account 3010 is blocked.',
    });
  });

  it('deletes an unused account but keeps one that has postings', async () => {
    await api.patch(`${base}/accounts/3010`, { blocked: false });
    await api.post(`${base}/vouchers`, {
      date: `${YEAR}-02-02`,
      description: 'Salg',
      lines: [
        { account: '1920', amount: 100 },
        { account: '3010', amount: -100 },
      ],
    });
    const refused = await api.delete(`${base}/accounts/3010`);
    expect(refused.statusCode).toBe(409);
    expect(refused.data.detail).toMatch(/has postings and cannot be deleted/);
    expect((await api.delete(`${base}/accounts/6800`)).statusCode).toBe(204);
  });

  it.each([
    [{ number: '1920' }, 'number', /already exists/],
    [{ number: '9000' }, 'number', /starting with 1 to 8/],
    [{ groupingCode: '9999' }, 'groupingCode', /not a næringsspesifikasjon grouping code/],
    [{ vatCode: '3', number: '4010' }, 'vatCode', /does not fit account 4010/],
    [{ nameNb: '' }, 'nameNb', /needs a name/],
  ])('refuses %j', async (change, field, message) => {
    const response = await api.post(`${base}/accounts`, {
      number: '3020',
      nameNb: 'Salg',
      groupingCategory: 'salgsinntekt',
      groupingCode: '3000',
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors[0]).toMatchObject({
      field,
      message: expect.stringMatching(message),
    });
  });
});
