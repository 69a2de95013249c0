import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import type { Database } from '../src/db/schema';
import { grant } from '../src/modules/admin/member.service';
import { vatReturnCommand } from '../src/modules/vat/vat.cli';
import { ApiClient, adminWithCompany, makeUser } from './support/api';
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

/** The locked flags of the months January to March of YEAR. */
async function lockedMonths(db: Kysely<Database>, companyId: number) {
  const periods = await db
    .selectFrom('periods')
    .select(['start_date', 'locked'])
    .where('company_id', '=', companyId)
    .where('period', '>', 0)
    .where('start_date', '>=', d('01-01'))
    .where('start_date', '<=', d('03-01'))
    .orderBy('start_date')
    .execute();
  return periods.map((p) => Number(p.locked));
}

const amounts = (postings: { account: string; amount: number }[]) =>
  Object.fromEntries(postings.map((p) => [p.account, p.amount]));

/**
 * Term 1 closed with a sale of 1 000 + 25 % and goods of 800 + 25 %, then reopened: a
 * forgotten sale of 400 + 25 % is posted and the correction closed as version 2.
 */
describeEachStore('correcting a closed VAT term', (store) => {
  let app: FastifyInstance;
  let api: ApiClient;
  let base: string;
  let companyId: number;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-vat-correction-'));

  beforeAll(async () => {
    ({ app, api, base, companyId } = await adminWithCompany(store(), 'Korrigering AS'));
    await api.post(`${base}/fiscal-years`, { year: YEAR });
    for (const v of [
      voucher(d('01-10'), 'Salg', [
        ['1920', 125_000],
        ['3000', -125_000, { vatCode: '3' }],
      ]),
      voucher(d('02-05'), 'Varekjøp', [
        ['4300', 100_000, { vatCode: '1' }],
        ['1920', -100_000],
      ]),
    ]) {
      const response = await api.post(`${base}/vouchers`, v);
      if (response.statusCode !== 201) throw new Error(response.body);
    }
  });

  it('closes version 1 with remarks that go into the XML', async () => {
    const close = await api.post(`${base}/vat-returns/${YEAR}/1/close`, {
      remark: 'Første melding for terminen',
      lineRemarks: [{ key: '3||basis', text: 'Salg i butikk & nett' }],
    });
    expect(close.statusCode).toBe(201);
    expect(close.data).toMatchObject({ version: 1, voucher: { series: 'A' } });
    const r = (await api.get(`${base}/vat-returns/${YEAR}/1`)).data;
    expect(r).toMatchObject({
      status: 'closed',
      closed: true,
      version: 1,
      remark: 'Første melding for terminen',
      total: 5_000,
      unsettled: 0,
    });
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({
      version: 1,
      total: 5_000,
      voucher: { id: close.data.voucher.id },
      closedBy: { name: expect.any(String) },
    });
    expect(r.lines.find((l: { code: string }) => l.code === '3').remark).toBe(
      'Salg i butikk & nett',
    );
    const xml = (await api.get(`${base}/vat-returns/${YEAR}/1?format=xml`)).body;
    expect(xml).toContain(
      '<merverdiavgift>250</merverdiavgift><merknad><beskrivelse>Salg i butikk &amp; nett',
    );
    expect(xml).toContain(
      '<meldingskategori>alminnelig</meldingskategori><merknad><beskrivelse>Første melding',
    );
    const file = path.join(tmp, 'v1.xml');
    fs.writeFileSync(file, xml);
    validate(file);
  });

  it('refuses to reopen a term that was never closed, and a user who is not administrator', async () => {
    const open = await api.post(`${base}/vat-returns/${YEAR}/2/reopen`);
    expect(open.statusCode).toBe(409);
    expect(open.data.detail).toContain('not closed');
    const user = await makeUser(store());
    await grant(store().db, companyId, { id: user.id }, { role: 'user' });
    const other = new ApiClient(app);
    await other.login(user.email, user.password);
    expect((await other.post(`${base}/vat-returns/${YEAR}/1/reopen`)).statusCode).toBe(403);
    expect((await api.get(`${base}/vat-returns/${YEAR}/1`)).data.status).toBe('closed');
  });

  it('reopens the term: its periods are unlocked and vouchers can be posted there again', async () => {
    expect(await lockedMonths(store().db, companyId)).toEqual([1, 1, 0]);
    const reopen = await api.post(`${base}/vat-returns/${YEAR}/1/reopen`);
    expect(reopen.statusCode).toBe(200);
    expect(reopen.data).toMatchObject({ status: 'correcting', version: 1 });
    expect(await lockedMonths(store().db, companyId)).toEqual([0, 0, 0]);
    expect((await api.post(`${base}/vat-returns/${YEAR}/1/reopen`)).statusCode).toBe(409);
    const forgotten = voucher(d('02-20'), 'Glemt salg', [
      ['1920', 50_000],
      ['3000', -50_000, { vatCode: '3' }],
    ]);
    expect((await api.post(`${base}/vouchers`, forgotten)).statusCode).toBe(201);
    const r = (await api.get(`${base}/vat-returns/${YEAR}/1`)).data;
    expect(r).toMatchObject({ status: 'correcting', closed: false, version: 1, total: 15_000 });
    expect(r.unsettled).toBe(10_000);
  });

  it('refuses remarks for a line the return does not have, and changes nothing', async () => {
    const bad = await api.post(`${base}/vat-returns/${YEAR}/1/close`, {
      lineRemarks: [{ key: '33||basis', text: 'Finnes ikke' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.data.errors[0].field).toBe('lineRemarks.0.key');
    const long = await api.post(`${base}/vat-returns/${YEAR}/1/close`, {
      remark: 'x'.repeat(4001),
    });
    expect(long.statusCode).toBe(400);
    const r = (await api.get(`${base}/vat-returns/${YEAR}/1`)).data;
    expect(r).toMatchObject({ status: 'correcting', version: 1, unsettled: 10_000 });
    expect(await lockedMonths(store().db, companyId)).toEqual([0, 0, 0]);
  });

  it('closes the correction once, settling only the difference, as version 2', async () => {
    const url = `${base}/vat-returns/${YEAR}/1/close`;
    const body = { remark: 'Korrigert: glemt salg 20. februar' };
    const [a, b] = await Promise.all([api.post(url, body), api.post(url, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const close = a.statusCode === 201 ? a : b;
    const refused = a.statusCode === 201 ? b : a;
    expect(refused.data.detail).toContain('already closed');
    expect(close.data.version).toBe(2);
    expect(close.data.voucher.date).toBe(d('02-28'));
    expect(amounts(close.data.voucher.postings)).toEqual({ '2700': 10_000, '2740': -10_000 });

    const r = (await api.get(`${base}/vat-returns/${YEAR}/1`)).data;
    expect(r).toMatchObject({ status: 'closed', closed: true, version: 2, unsettled: 0 });
    expect(r.history.map((h: { version: number; total: number }) => [h.version, h.total])).toEqual([
      [1, 5_000],
      [2, 15_000],
    ]);
    expect(r.history[1].voucher.id).toBe(close.data.voucher.id);
    expect(r.remark).toBe('Korrigert: glemt salg 20. februar');
    // The line remark belonged to version 1; the correction gave none.
    expect(r.lines.every((l: { remark: string | null }) => l.remark === null)).toBe(true);
    expect(await lockedMonths(store().db, companyId)).toEqual([1, 1, 0]);

    // The correction is filed as the complete return with all current figures.
    const xml = (await api.get(`${base}/vat-returns/${YEAR}/1?format=xml`)).body;
    expect(xml).toContain('<fastsattMerverdiavgift>150</fastsattMerverdiavgift>');
    expect(xml).toContain('<grunnlag>1400</grunnlag><sats>25</sats><merverdiavgift>350<');
    expect(xml).toContain('<beskrivelse>Korrigert: glemt salg 20. februar</beskrivelse>');
    const file = path.join(tmp, 'v2.xml');
    fs.writeFileSync(file, xml);
    validate(file);

    const sums = await store()
      .db.selectFrom('postings')
      .select((eb) => ['account', eb.fn.sum<string>('amount').as('amount')])
      .where('company_id', '=', companyId)
      .where('account', 'in', ['2700', '2710', '2740'])
      .groupBy('account')
      .execute();
    expect(Object.fromEntries(sums.map((s) => [s.account, Number(s.amount)]))).toEqual({
      '2700': 0,
      '2710': 0,
      '2740': -15_000,
    });
  });

  it('closes a correction without changes as a new version without a voucher', async () => {
    expect((await api.post(`${base}/vat-returns/${YEAR}/1/reopen`)).statusCode).toBe(200);
    // Sent without any body, as a plain HTTP client would: the remarks are optional.
    const close = await api.request('POST', `${base}/vat-returns/${YEAR}/1/close`);
    expect(close.statusCode).toBe(201);
    expect(close.data).toMatchObject({ version: 3, voucher: null });
    const r = (await api.get(`${base}/vat-returns/${YEAR}/1`)).data;
    expect(r.history.map((h: { voucher: unknown }) => h.voucher === null)).toEqual([
      false,
      false,
      true,
    ]);
    expect(r.remark).toBeNull();
    const audit = await store()
      .db.selectFrom('audit_log')
      .select('action')
      .where('company_id', '=', companyId)
      .where('entity', '=', 'vat-term')
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => e.action)).toEqual([
      'vat-term.close',
      'vat-term.reopen',
      'vat-term.close-correction',
      'vat-term.reopen',
      'vat-term.close-correction',
    ]);
  });
});

/**
 * Specification lines in term 2 (March–April): a withdrawal for own use of 2 000 + 25 %
 * (uttak, code 3) and a bad debt of 1 250 with 25 % VAT in it (tapPåKrav, code 1), beside an
 * ordinary sale of 1 000 + 25 %.
 */
describeEachStore('specification lines in the VAT return', (store) => {
  let api: ApiClient;
  let base: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-vat-spec-'));

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Spesifikasjon AS'));
    await api.post(`${base}/fiscal-years`, { year: YEAR });
  });

  it('refuses a specification without a VAT code or on a code the code list does not allow', async () => {
    const noCode = await api.post(
      `${base}/vouchers`,
      voucher(d('03-05'), 'Uttak', [
        ['2060', 250_000],
        ['3060', -250_000, { vatSpecification: 'uttak' }],
      ]),
    );
    expect(noCode.statusCode).toBe(400);
    expect(noCode.data.errors[0]).toMatchObject({ field: 'lines.1.vatSpecification' });
    const wrongCode = await api.post(
      `${base}/vouchers`,
      voucher(d('03-05'), 'Tap', [
        ['7830', 125_000, { vatCode: '1', vatSpecification: 'uttak' }],
        ['1920', -125_000],
      ]),
    );
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.data.detail).toContain('only allowed on VAT codes 3, 5, 31, 33');
    const unknown = await api.post(
      `${base}/vouchers`,
      voucher(d('03-05'), 'Tap', [
        ['7830', 125_000, { vatCode: '1', vatSpecification: 'kompensasjonsrett' }],
        ['1920', -125_000],
      ]),
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('keeps the specification on the base and VAT postings and reports them on lines of their own', async () => {
    const withdrawal = await api.post(
      `${base}/vouchers`,
      voucher(d('03-05'), 'Uttak til eget bruk', [
        ['2060', 250_000],
        ['3060', -250_000, { vatCode: '3', vatSpecification: 'uttak' }],
      ]),
    );
    expect(withdrawal.statusCode).toBe(201);
    const spec = withdrawal.data.postings.map((p: Record<string, unknown>) => [
      p.account,
      p.vatKind,
      p.vatSpecification,
    ]);
    expect(spec).toEqual([
      ['2060', null, null],
      ['3060', 'base', 'uttak'],
      ['2700', 'output', 'uttak'],
    ]);
    for (const v of [
      voucher(d('03-20'), 'Tap på krav', [
        ['7830', 125_000, { vatCode: '1', vatSpecification: 'tapPåKrav' }],
        ['1920', -125_000],
      ]),
      voucher(d('04-02'), 'Salg', [
        ['1920', 125_000],
        ['3000', -125_000, { vatCode: '3' }],
      ]),
    ]) {
      expect((await api.post(`${base}/vouchers`, v)).statusCode).toBe(201);
    }
    const r = (await api.get(`${base}/vat-returns/${YEAR}/2`)).data;
    const lines = r.lines.map((l: Record<string, unknown>) => [
      l.code,
      l.specification,
      l.basis,
      l.rate,
      l.vat,
    ]);
    expect(lines).toEqual([
      ['1', 'tapPåKrav', null, null, -25_000],
      ['3', null, 100_000, 25, 25_000],
      ['3', 'uttak', 200_000, 25, 50_000],
    ]);
    expect(r.total).toBe(50_000);
    const xml = (await api.get(`${base}/vat-returns/${YEAR}/2?format=xml`)).body;
    expect(xml).toContain(
      '<mvaKode>3</mvaKode><spesifikasjon>uttak</spesifikasjon>' +
        '<grunnlag>2000</grunnlag><sats>25</sats><merverdiavgift>500</merverdiavgift>',
    );
    expect(xml).toContain(
      '<mvaKode>1</mvaKode><spesifikasjon>tapPåKrav</spesifikasjon><merverdiavgift>-250<',
    );
    const file = path.join(tmp, 'spec.xml');
    fs.writeFileSync(file, xml);
    validate(file);
  });

  it('asks for a remark on a reversal of input VAT, and writes the one given', async () => {
    const reversal = 'tilbakeføringAvInngåendeMerverdiavgift';
    const posted = await api.post(
      `${base}/vouchers`,
      voucher(d('04-10'), 'Tilbakeføring, bil tatt ut av virksomheten', [
        ['6550', -50_000, { vatCode: '1', vatSpecification: reversal, entry: 'net' }],
        ['6550', 50_000],
        ['2060', 12_500],
      ]),
    );
    expect(posted.statusCode).toBe(201);
    const r = (await api.get(`${base}/vat-returns/${YEAR}/2`)).data;
    const line = r.lines.find((l: { specification: string }) => l.specification === reversal);
    expect(line).toMatchObject({ code: '1', vat: 12_500, remarkRequired: true, remark: null });
    expect(r.lines.filter((l: { remarkRequired: boolean }) => l.remarkRequired)).toHaveLength(1);
    const close = await api.post(`${base}/vat-returns/${YEAR}/2/close`, {
      lineRemarks: [{ key: line.key, text: 'Personbil tatt ut av virksomheten' }],
    });
    expect(close.statusCode).toBe(201);
    const xml = (await api.get(`${base}/vat-returns/${YEAR}/2?format=xml`)).body;
    expect(xml).toContain(
      `<spesifikasjon>${reversal}</spesifikasjon><merverdiavgift>125</merverdiavgift>` +
        '<merknad><beskrivelse>Personbil tatt ut av virksomheten</beskrivelse></merknad>',
    );
    const file = path.join(tmp, 'reversal.xml');
    fs.writeFileSync(file, xml);
    validate(file);
  });
});
