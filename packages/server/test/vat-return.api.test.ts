import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { vatReturnCommand } from '../src/modules/vat/vat.cli';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const XSD = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/mva-melding/' +
    'no.skatteetaten.fastsetting.avgift.mva.skattemeldingformerverdiavgift.v1.0.xsd',
);

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.NORDBOK_REQUIRE_XMLLINT === '1') throw new Error('xmllint is missing.');
    console.warn('xmllint is missing: the VAT return XML is not checked against the XSD.');
    return false;
  }
}
const xmllint = hasXmllint();

function validate(file: string) {
  if (xmllint) execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
}

// Last year, so the term has ended and its periods are open in a fresh company's setup.
const YEAR = new Date().getUTCFullYear() - 1;
const d = (monthDay: string) => `${YEAR}-${monthDay}`;
type Line = [account: string, amount: number, extra?: Record<string, unknown>];
const voucher = (date: string, description: string, lines: Line[]) => ({
  date,
  description,
  lines: lines.map(([account, amount, extra]) => ({ account, amount, ...extra })),
});

/**
 * Term 1 (January–February), amounts in øre:
 *   sale 1 000 + 25 % (code 3), food sale 1 000 + 15 % (code 31), goods 800 + 25 % (code 1),
 *   a service of 10 000 from abroad (code 86), and a sale on 3000 posted without a VAT code.
 */
describeEachStore('the VAT return', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-vat-'));

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Mva AS'));
    await api.post(`${base}/fiscal-years`, { year: YEAR });
    const posted = [
      voucher(d('01-15'), 'Salg', [
        ['1920', 125_000],
        ['3000', -125_000, { vatCode: '3' }],
      ]),
      voucher(d('01-20'), 'Matsalg', [
        ['1920', 115_000],
        ['3030', -115_000, { vatCode: '31' }],
      ]),
      voucher(d('02-03'), 'Varekjøp', [
        ['4300', 80_000, { vatCode: '1', entry: 'net' }],
        ['1920', -100_000],
      ]),
      voucher(d('02-10'), 'Programvare fra utlandet', [
        ['6425', 1_000_000, { vatCode: '86' }],
        ['1920', -1_000_000],
      ]),
      voucher(d('02-20'), 'Salg uten kode', [
        ['1920', 50_000],
        ['3000', -50_000, { vatCode: null }],
      ]),
      voucher(d('03-02'), 'Neste termin', [
        ['1920', 12_500],
        ['3000', -12_500, { vatCode: '3' }],
      ]),
    ];
    for (const v of posted) {
      const response = await api.post(`${base}/vouchers`, v);
      if (response.statusCode !== 201) throw new Error(response.body);
    }
  });

  it('has the lines of the term, their total and one warning', async () => {
    const response = await api.get(`${base}/vat-returns/${YEAR}/1`);
    expect(response.statusCode).toBe(200);
    const r = response.data;
    expect(r).toMatchObject({ from: d('01-01'), to: d('02-28'), total: 20_000, closed: false });
    const lines = r.lines.map((l: Record<string, unknown>) => [l.code, l.basis, l.rate, l.vat]);
    expect(lines).toEqual([
      ['1', null, null, -20_000],
      ['3', 100_000, 25, 25_000],
      ['31', 100_000, 15, 15_000],
      ['86', 1_000_000, 25, 250_000],
      ['86', null, null, -250_000],
    ]);
    expect(r.lines[1].nameNb).toBe('Utgående mva, høy sats');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ account: '3000', date: d('02-20'), amount: -50_000 });
  });

  it('writes the XML in whole kroner, valid against the XSD', async () => {
    const response = await api.get(`${base}/vat-returns/${YEAR}/1?format=xml`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(response.body).toContain('<fastsattMerverdiavgift>200</fastsattMerverdiavgift>');
    expect(response.body).toContain('januar-februar');
    const file = path.join(tmp, 'api.xml');
    fs.writeFileSync(file, response.body);
    validate(file);
  });

  it('refuses a term the year does not have', async () => {
    expect((await api.get(`${base}/vat-returns/${YEAR}/7`)).statusCode).toBe(400);
  });

  it('writes the return from the command line and refuses bad input with one line', async () => {
    const file = path.join(tmp, 'cli.xml');
    const values = { company: String(companyId), year: String(YEAR), term: '1', output: file };
    const result = await vatReturnCommand.run(store(), values, () => {});
    expect(result.text).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toContain('<mvaKode>86</mvaKode>');
    validate(file);
    // A fixed first password keeps the first-run notice off stderr.
    const env: Record<string, string> = {
      NORDBOK_DATA_DIR: tmp,
      NORDBOK_ADMIN_PASSWORD: 'first-admin-password',
      ...(store().url ? { DATABASE_URL: store().url ?? '' } : {}),
    };
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), env };
    const argv = ['vat', 'return', '--company', '1', '--year', 'x', '--term', '1', '-o', file];
    expect(await main(argv, io)).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--year');
  });

  it('closes the term into 2740, locks its periods and refuses to close it twice', async () => {
    const close = await api.post(`${base}/vat-returns/${YEAR}/1/close`);
    expect(close.statusCode).toBe(201);
    const voucherLines = close.data.voucher.postings ?? close.data.voucher.lines;
    const byAccount = Object.fromEntries(
      voucherLines.map((p: { account: string; amount: number }) => [p.account, p.amount]),
    );
    expect(byAccount).toMatchObject({
      '2700': 25_000,
      '2701': 15_000,
      '2704': 250_000,
      '2710': -20_000,
      '2714': -250_000,
      '2740': -20_000,
    });
    expect(close.data.voucher.date).toBe(d('02-28'));
    expect(close.data.voucher.series).toBe('A');
    const sums = await store()
      .db.selectFrom('postings')
      .select((eb) => ['account', eb.fn.sum<string>('amount').as('amount')])
      .where('company_id', '=', companyId)
      .where('date', '<=', d('02-28'))
      .where('account', 'like', '27%')
      .groupBy('account')
      .execute();
    for (const s of sums)
      expect([s.account, Number(s.amount)]).toEqual([
        s.account,
        s.account === '2740' ? -20_000 : 0,
      ]);
    const periods = await store()
      .db.selectFrom('periods')
      .select(['start_date', 'locked'])
      .where('company_id', '=', companyId)
      .where('period', '>', 0)
      .where('start_date', '>=', d('01-01'))
      .where('start_date', '<=', d('03-01'))
      .orderBy('start_date')
      .execute();
    expect(periods.map((p) => Number(p.locked))).toEqual([1, 1, 0]);
    expect((await api.get(`${base}/vat-returns/${YEAR}/1`)).data.closed).toBe(true);
    expect((await api.post(`${base}/vat-returns/${YEAR}/1/close`)).statusCode).toBe(409);
    const late = voucher(d('02-27'), 'For sent', [
      ['1920', 100],
      ['3000', -100],
    ]);
    expect((await api.post(`${base}/vouchers`, late)).statusCode).toBe(400);
  });

  it('reports term 2 on its own, with the March sale and a monthly term when set', async () => {
    const r = (await api.get(`${base}/vat-returns/${YEAR}/2`)).data;
    expect(r).toMatchObject({ from: d('03-01'), to: d('04-30'), total: 2_500, warnings: [] });
    const set = await api.put(`${base}/vat-settings`, { termLength: 'month' });
    expect(set.statusCode).toBe(200);
    const march = (await api.get(`${base}/vat-returns/${YEAR}/3`)).data;
    expect(march).toMatchObject({ termLength: 'month', from: d('03-01'), to: d('03-31') });
  });
});
