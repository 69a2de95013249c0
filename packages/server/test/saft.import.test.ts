import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCompany } from '../src/demo/demo-company';
import { AppError } from '../src/errors';
import { trialBalance } from '../src/modules/accounting/report.service';
import { exportSaftToFile } from '../src/modules/saft/saft-file';
import { importSaft, SUSPENSE_ACCOUNT } from '../src/modules/saft/saft-import.service';
import { vatTotalsByCode } from '../src/modules/vat/vat.store';
import { adminWithCompany, makeUser } from './support/api';
import { cli, cliInstallation } from './support/cli';
import { consistentYear, SALE_TAX, saft } from './support/saft-fixture';
import { DIALECTS, describeEachStore } from './support/stores';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-saft-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const EXAMPLE = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/saf-t/ExampleFile SAF-T Financial_999999999_20161125213512.xml',
);

let fileCount = 0;
function write(xml: string): string {
  fileCount += 1;
  const file = path.join(tmp, `file-${fileCount}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

async function balances(db: Parameters<typeof trialBalance>[0], companyId: number, year = 2024) {
  const rows = await trialBalance(db, companyId, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    startMonth: 1,
    language: 'nb',
  });
  return new Map(rows.map((r) => [r.account, r.closing]));
}

async function customerBalances(db: Parameters<typeof trialBalance>[0], companyId: number) {
  const rows = await db
    .selectFrom('postings')
    .innerJoin('parties', 'parties.id', 'postings.party_id')
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .select(['parties.customer_number', 'parties.supplier_number'])
    .select((eb) => eb.fn.sum<number>('postings.amount').as('balance'))
    .where('postings.company_id', '=', companyId)
    .where('vouchers.status', '=', 'posted')
    .groupBy(['parties.customer_number', 'parties.supplier_number'])
    .execute();
  return new Map(
    rows.map((r) => [`${r.customer_number ?? ''}/${r.supplier_number ?? ''}`, Number(r.balance)]),
  );
}

async function count(db: Parameters<typeof trialBalance>[0], table: 'companies' | 'vouchers') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

describeEachStore('SAF-T import', (store) => {
  let userId: number;
  beforeAll(async () => {
    userId = (await makeUser(store(), { admin: true })).id;
  });

  it.each(['1.30', '1.20', '1.10'])(
    'imports a consistent %s file: the trial balance equals its closing balances',
    async (version) => {
      const db = store().db;
      const orgNumber = { '1.30': '974760673', '1.20': '971526920', '1.10': '923609016' }[version]!;
      const fixture = { ...consistentYear(version), orgNumber };
      const report = await importSaft(db, { file: write(saft(fixture)), userId });
      expect(report.createdCompany).toBe(true);
      expect(report.file.version).toBe(version);
      expect(report.contradictions).toEqual([]);
      expect(report.suspense).toBeNull();
      expect(report.counts.vouchersImported).toBe(2);
      expect(report.series).toEqual([{ journal: 'GL', series: 'GL' }]);
      expect(report.taxCodes).toEqual([{ code: 'U25', standardCode: '3', vatCode: '3' }]);

      const tb = await balances(db, report.companyId);
      for (const [account, , , closing] of fixture.accounts) {
        expect(tb.get(account) ?? 0, `account ${account}`).toBe(closing);
      }
      const parties = await customerBalances(db, report.companyId);
      expect(parties.get('10001/')).toBe(0);
      expect(parties.get('10002/')).toBe(125_000);

      // The sale's VAT is reported under code 3: the base and the VAT line found.
      const vat = await vatTotalsByCode(db, report.companyId, '2024-01-01', '2024-12-31');
      const code3 = vat.filter((r) => r.vat_code === '3');
      expect(code3.length).toBeGreaterThan(0);

      const company = await db
        .selectFrom('companies')
        .selectAll()
        .where('id', '=', report.companyId)
        .executeTakeFirstOrThrow();
      expect(company.org_number).toBe(orgNumber);
      expect(company.name).toBe('Importert AS');
    },
  );

  it('finds the base line when the VAT line carries the tax information', async () => {
    const db = store().db;
    const fixture = { ...consistentYear('1.20'), orgNumber: '992206470' };
    const sale = fixture.transactions[0]!;
    sale.lines = sale.lines.map(([account, ore, extra]) =>
      account === '3000'
        ? [account, ore]
        : account === '2700'
          ? [account, ore, SALE_TAX]
          : [account, ore, extra],
    );
    const report = await importSaft(db, { file: write(saft(fixture)), userId });
    expect(report.unmapped).toEqual([]);
    const vat = await vatTotalsByCode(db, report.companyId, '2024-01-01', '2024-12-31');
    const kinds = vat
      .filter((r) => r.vat_code === '3')
      .map((r) => [r.account, r.vat_kind, Number(r.amount)]);
    expect(kinds.sort()).toEqual([
      ['2700', 'output', -25_000],
      ['3000', 'base', -100_000],
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const db = store().db;
    const file = write(saft({ ...consistentYear('1.30'), orgNumber: '982463718' }));
    const first = await importSaft(db, { file, userId });
    const vouchers = await count(db, 'vouchers');
    const companies = await count(db, 'companies');
    const again = await importSaft(db, { file, userId });
    expect(again.companyId).toBe(first.companyId);
    expect(again.importedBefore).toBe(true);
    expect(again.counts.vouchersImported).toBe(0);
    expect(again.counts.vouchersAlreadyThere).toBe(2);
    expect(again.counts.customersCreated).toBe(0);
    expect(await count(db, 'vouchers')).toBe(vouchers);
    expect(await count(db, 'companies')).toBe(companies);
    expect(await balances(db, again.companyId)).toEqual(await balances(db, first.companyId));
  });

  it('fills an empty company it is given, and refuses one with vouchers of its own', async () => {
    const db = store().db;
    const { createCompany } = await import('../src/modules/admin/company.service');
    const empty = await createCompany(db, { name: 'Tom AS', orgNumber: '986586210' }, userId);
    const file = write(saft({ ...consistentYear('1.30'), orgNumber: '986586210' }));
    const report = await importSaft(db, { file, userId, companyId: empty.id });
    expect(report.companyId).toBe(empty.id);
    expect(report.createdCompany).toBe(false);

    // Another organisation's file into the company filled from this one's: refused.
    const stranger = write(saft({ ...consistentYear('1.30'), orgNumber: '974760673' }));
    await expect(importSaft(db, { file: stranger, userId, companyId: empty.id })).rejects.toThrow(
      /was filled from the files of organisation 986586210/,
    );

    const demo = await createDemoCompany(db, userId);
    const before = await count(db, 'vouchers');
    await expect(importSaft(db, { file, userId, companyId: demo.id })).rejects.toThrow(
      /already has vouchers of its own/,
    );
    expect(await count(db, 'vouchers')).toBe(before);
  });

  it('keeps the ledger balanced where the official example contradicts itself, and says so', async () => {
    const db = store().db;
    const report = await importSaft(db, { file: EXAMPLE, userId });
    expect(report.file.version).toBe('1.10');
    expect(report.file.writtenVersion).toBe('1.0');
    const company = await db
      .selectFrom('companies')
      .selectAll()
      .where('id', '=', report.companyId)
      .executeTakeFirstOrThrow();
    expect([company.visit_street, company.visit_postal_code, company.visit_city]).toEqual([
      'Veien 1',
      '7000',
      'Trondheim',
    ]);
    const kinds = report.contradictions.map((c) => c.kind);
    // Customer balances on 1500, which the chart does not list; closing balances that do
    // not follow from the transactions.
    expect(kinds).toContain('subledger-differs');
    expect(kinds).toContain('closing-differs');
    const bank = report.contradictions.find((c) => c.subject === '1925');
    expect(bank).toMatchObject({ stated: 1_234_567, computed: 123_456 - 1_250_000 });
    expect(bank?.difference).toBe(1_234_567 - (123_456 - 1_250_000));
    expect(report.unmapped.map((u) => u.kind)).toContain('analysis-type');
    expect(report.suspense?.account).toBe(SUSPENSE_ACCOUNT);

    // However the file is, the ledger balances.
    const tb = await balances(db, report.companyId, 2015);
    expect([...tb.values()].reduce((s, v) => s + v, 0)).toBe(0);
    // The transactions are followed: the purchase's VAT went to the VAT account.
    expect(tb.get('4000')).toBe(1_000_000);
    const vat = await vatTotalsByCode(db, report.companyId, '2015-01-01', '2015-12-31');
    expect(vat.some((r) => r.vat_code === '1')).toBe(true);
  });

  it('posts opening balances that do not sum to zero with the difference on the suspense account', async () => {
    const db = store().db;
    const fixture = consistentYear('1.30');
    fixture.orgNumber = '989011901';
    fixture.accounts[1] = ['1920', 'Bank', 210_000, 260_000];
    const report = await importSaft(db, { file: write(saft(fixture)), userId });
    const opening = report.contradictions.find((c) => c.kind === 'opening-not-zero');
    expect(opening).toMatchObject({ stated: 10_000, computed: 0 });
    expect(report.suspense).toEqual({ account: SUSPENSE_ACCOUNT, amount: -10_000 });
    const tb = await balances(db, report.companyId);
    expect(tb.get('1920')).toBe(260_000);
    expect([...tb.values()].reduce((s, v) => s + v, 0)).toBe(0);
  });

  describe('refuses a broken file with the reason and the line, leaving nothing behind', () => {
    const good = () => saft({ ...consistentYear('1.30'), orgNumber: '958935420' });
    it.each([
      ['text that is not XML', () => 'Dette er ikke XML', /not valid XML|Line 1/],
      [
        'the wrong namespace',
        () => good().replace('urn:StandardAuditFile-Taxation-Financial:NO', 'urn:other'),
        /Line 2: This is not a SAF-T Financial file/,
      ],
      [
        'an unbalanced transaction',
        () =>
          good().replace(
            '<Amount>500.00</Amount></DebitAmount>',
            '<Amount>500.01</Amount></DebitAmount>',
          ),
        /Line \d+: Transaction GL\/2 does not balance: debit 500.01, credit 500.00/,
      ],
      [
        'an unknown account in a line',
        () => good().replace('<AccountID>1920</AccountID>\n', '<AccountID>1999</AccountID>\n'),
        /Line \d+: Transaction GL\/2: account 1999 is not among the file's GeneralLedgerAccounts/,
      ],
      ['a truncated end', () => good().slice(0, Math.floor(good().length * 0.8)), /ends too early/],
      [
        'an amount that is not one',
        () => good().replace('<Amount>500.00</Amount>', '<Amount>5OO</Amount>'),
        /Line \d+: <Amount> holds "5OO", which is not an amount/,
      ],
    ])('%s', async (_name, make, message) => {
      const db = store().db;
      const [companies, vouchers] = [await count(db, 'companies'), await count(db, 'vouchers')];
      const error = await importSaft(db, { file: write(make()), userId }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.message).toMatch(message);
      expect(error.fields[0].field).toBe('file');
      expect(await count(db, 'companies')).toBe(companies);
      expect(await count(db, 'vouchers')).toBe(vouchers);
    });
  });

  it('brings a year exported by Nordbok back account by account, party by party, VAT code by VAT code', async () => {
    const db = store().db;
    const demo = await createDemoCompany(db, userId);
    const year = new Date().getUTCFullYear();
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const file = path.join(tmp, 'demo-export.xml');
    await exportSaftToFile(db, demo.id, { ...range, userName: 'test' }, file);
    const phases = new Set<string>();
    const report = await importSaft(db, {
      file,
      userId,
      onProgress: (p) => phases.add(p.phase),
    });
    expect([...phases]).toEqual(['reading', 'importing', 'checking']);
    expect(report.companyId).not.toBe(demo.id);
    expect(report.contradictions).toEqual([]);
    expect(report.unmapped).toEqual([]);
    const tb = async (id: number) =>
      new Map(
        (await trialBalance(db, id, { ...range, startMonth: 1, language: 'nb' })).map((r) => [
          r.account,
          [r.opening, r.debit, r.credit, r.closing],
        ]),
      );
    expect(await tb(report.companyId)).toEqual(await tb(demo.id));
    expect(await customerBalances(db, report.companyId)).toEqual(
      await customerBalances(db, demo.id),
    );
    const vat = async (id: number) =>
      (await vatTotalsByCode(db, id, range.from, range.to))
        .map((r) => ({ ...r, amount: Number(r.amount) }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(await vat(report.companyId)).toEqual(await vat(demo.id));
  });
});

describeEachStore('SAF-T import over HTTP', (store) => {
  const xml = { 'content-type': 'application/xml' };

  async function finished(api: Awaited<ReturnType<typeof adminWithCompany>>['api'], jobId: string) {
    for (let i = 0; i < 200; i++) {
      const job = await api.get(`/api/v1/saft-imports/${jobId}`);
      expect(job.statusCode).toBe(200);
      if (job.data.state !== 'running') return job.data;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('The import did not finish.');
  }

  it('imports an uploaded file into the company, reports progress and keeps the report', async () => {
    const { app, api, base, companyId } = await adminWithCompany(store(), 'Tom AS', '974760673');
    const body = saft({ ...consistentYear('1.30'), orgNumber: '974760673' });
    const started = await api.request(
      'POST',
      `${base}/saft-imports?fileName=regnskap.xml`,
      body,
      xml,
    );
    expect(started.statusCode).toBe(202);
    const job = await finished(api, started.data.jobId);
    expect(job.state).toBe('done');
    expect(job.progress.phase).toBe('checking');
    expect(job.report.companyId).toBe(companyId);
    expect(job.report.file.name).toBe('regnskap.xml');
    expect(job.report.counts.vouchersImported).toBe(2);

    const history = await api.get(`${base}/saft-imports`);
    expect(history.data.items).toHaveLength(1);
    expect(history.data.items[0]).toMatchObject({ fileName: 'regnskap.xml', vouchers: 2 });
    await app.close();
  });

  it('answers a broken file with a failed job naming the line, and imports nothing', async () => {
    const { app, api, base } = await adminWithCompany(store(), 'Tom AS', '971526920');
    const body = saft({ ...consistentYear('1.30'), orgNumber: '971526920' }).replace(
      '<AccountID>1920</AccountID>\n',
      '<AccountID>1999</AccountID>\n',
    );
    const started = await api.request('POST', `${base}/saft-imports`, body, xml);
    const job = await finished(api, started.data.jobId);
    expect(job.state).toBe('failed');
    expect(job.problem).toMatchObject({ status: 400, code: 'validation' });
    expect(job.problem.detail).toMatch(/^Line \d+: Transaction GL\/2: account 1999/);
    expect(
      (await api.get(`${base}/vouchers?from=2024-01-01&to=2024-12-31`)).data.items ?? [],
    ).toEqual([]);
    const other = await api.get(`/api/v1/saft-imports/00000000-0000-4000-8000-000000000000`);
    expect(other.statusCode).toBe(404);
    await app.close();
  });

  it('creates a company from the file for an installation administrator', async () => {
    const { app, api } = await adminWithCompany(store(), 'Annet AS');
    const body = saft({ ...consistentYear('1.20'), orgNumber: '958935420' });
    const started = await api.request('POST', '/api/v1/saft-imports', body, xml);
    expect(started.statusCode).toBe(202);
    const job = await finished(api, started.data.jobId);
    expect(job.report.createdCompany).toBe(true);
    const companies = await api.get('/api/v1/companies');
    expect(companies.data.items.map((c: { id: number }) => c.id)).toContain(job.report.companyId);
    await app.close();
  });
});

describe.each(DIALECTS)('nordbok saft import [%s]', (dialect) => {
  let installation: Awaited<ReturnType<typeof cliInstallation>>;
  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-saft-import-cli-');
  });
  afterAll(() => installation.remove());

  it('prints the company id, as JSON with --json, and shows progress', async () => {
    const file = write(saft({ ...consistentYear('1.20'), orgNumber: '974760673' }));
    const run = await cli(installation.env, 'saft', 'import', file);
    expect(run.code).toBe(0);
    const id = Number(run.stdout.trim());
    expect(id).toBeGreaterThan(0);
    expect(run.stderr).toContain('2 of 2 transactions imported');
    expect(run.stderr).toContain('2 vouchers imported');

    const again = await cli(installation.env, 'saft', 'import', file, '--json');
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.companyId).toBe(id);
    expect(json.report.counts.vouchersImported).toBe(0);

    const into = await cli(
      installation.env,
      'saft',
      'import',
      file,
      '--company',
      String(id),
      '--json',
    );
    expect(JSON.parse(into.stdout).companyId).toBe(id);
  });

  it('exits 1 with the reason and the line for a broken file', async () => {
    const file = write(saft(consistentYear('1.30')).replace('</GeneralLedgerEntries>', ''));
    const run = await cli(installation.env, 'saft', 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^nordbok: \S+\.xml: Line \d+: This is not valid XML/);
    const missing = await cli(installation.env, 'saft', 'import', path.join(tmp, 'nope.xml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file');
  });
});
