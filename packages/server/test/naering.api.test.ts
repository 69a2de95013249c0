import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

describeEachStore('næringsspesifikasjon', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Næring AS'));
    const post = (lines: object[]) =>
      api.post(`${base}/vouchers`, { date: `${YEAR}-04-01`, description: 'Bilag', lines });
    await post([
      { account: '1920', amount: 125_000 },
      { account: '3000', amount: -125_000, vatCode: '3' },
    ]);
    await post([
      { account: '6300', amount: 40_000 },
      { account: '1920', amount: -40_000 },
    ]);
  });

  it("rolls every account up by its grouping code, balances and the year's result", async () => {
    const spec = (await api.get(`${base}/reports/naeringsspesifikasjon?year=${YEAR}`)).data;
    const line = (category: string, code: string) =>
      spec.lines.find(
        (l: { category: string; code: string }) => l.category === category && l.code === code,
      );
    expect(line('salgsinntekt', '3000')).toMatchObject({
      amount: -100_000,
      accounts: [expect.objectContaining({ account: '3000' })],
    });
    expect(line('annenDriftskostnad', '6300')).toMatchObject({ amount: 40_000 });
    expect(line('kortsiktigGjeld', '2740')).toMatchObject({ amount: -25_000 });
    expect(line('balanseverdiForOmloepsmiddel', '1920')).toMatchObject({ amount: 85_000 });
    expect(spec.invalid).toEqual([]);
  });

  it('flags an account whose grouping code is not in the official list', async () => {
    await store()
      .db.updateTable('accounts')
      .set({ grouping_code: '9999' })
      .where('company_id', '=', companyId)
      .where('number', '=', '6300')
      .execute();
    const spec = (await api.get(`${base}/reports/naeringsspesifikasjon?year=${YEAR}`)).data;
    expect(spec.invalid).toEqual([
      expect.objectContaining({ account: '6300', code: '9999', amount: 40_000 }),
    ]);
    const csv = await api.get(`${base}/reports/naeringsspesifikasjon?year=${YEAR}&format=csv`);
    expect(csv.body).toMatch(/annenDriftskostnad,9999,UGYLDIG KODE: Husleie,6300,400\.00/);
    const pdf = await api.get(`${base}/reports/naeringsspesifikasjon?year=${YEAR}&format=pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('refuses a fiscal year that is not open', async () => {
    const response = await api.get(`${base}/reports/naeringsspesifikasjon?year=2001`);
    expect(response.statusCode).toBe(400);
    expect(response.data.errors[0]).toMatchObject({
      field: 'year',
      message: 'Fiscal year 2001 is not open.',
    });
  });
});
