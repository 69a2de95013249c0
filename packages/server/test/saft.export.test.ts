import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAFT_FILE_NAME } from '@nordbok/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trialBalance } from '../src/modules/accounting/report.service';
import { type ApiClient, adminWithCompany } from './support/api';
import { cli, cliInstallation } from './support/cli';
import { DIALECTS, describeEachStore } from './support/stores';

const XSD = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/saf-t/Norwegian_SAF-T_Financial_Schema_v_1.30.xsd',
);
const YEAR = new Date().getUTCFullYear();
const d = (monthDay: string) => `${YEAR}-${monthDay}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-saft-'));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Validates a file against the SAF-T 1.30 XSD with xmllint. Without xmllint the check is
 * skipped with a warning, unless NORDBOK_REQUIRE_XMLLINT=1 (as on CI).
 */
function expectValidSaft(file: string) {
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (run.error) {
    if (process.env.NORDBOK_REQUIRE_XMLLINT === '1') throw run.error;
    console.warn(`xmllint is not available (${run.error.message}): ${file} was not validated.`);
    return;
  }
  expect(run.stderr).toContain('validates');
  expect(run.status).toBe(0);
}

/** øre from a SAF-T amount such as `1234.56`. */
const ore = (text: string) => Math.round(Number(text) * 100);

function sumOf(xml: string, element: string) {
  const re = new RegExp(`<${element}>\\s*<Amount>([\\d.]+)</Amount>`, 'g');
  return [...xml.matchAll(re)].reduce((s, m) => s + ore(m[1] ?? '0'), 0);
}

function leaf(xml: string, element: string) {
  return xml.match(new RegExp(`<${element}>([^<]*)</${element}>`))?.[1];
}

/** Closing balance per account from the master files, debit positive. */
function closingBalances(xml: string) {
  const result = new Map<string, number>();
  for (const m of xml.matchAll(/<Account>([\s\S]*?)<\/Account>/g)) {
    const block = m[1] ?? '';
    const id = leaf(block, 'AccountID') ?? '';
    const debit = leaf(block, 'ClosingDebitBalance');
    const credit = leaf(block, 'ClosingCreditBalance');
    result.set(id, debit !== undefined ? ore(debit) : -ore(credit ?? '0'));
  }
  return result;
}

type Line = [account: string, amount: number | null, extra?: Record<string, unknown>];

describeEachStore('SAF-T Financial export', (store) => {
  let api: ApiClient;
  let base: string;
  let companyId: number;
  let deleted = '';
  let xml = '';
  let fileName = '';

  const post = async (date: string, description: string, lines: Line[], opening = false) => {
    const response = await api.post(`${base}/vouchers`, {
      date,
      description,
      ...(opening ? { opening } : {}),
      lines: lines.map(([account, amount, extra]) => ({
        account,
        ...(amount === null ? {} : { amount }),
        ...extra,
      })),
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.data;
  };

  beforeAll(async () => {
    ({ api, base, companyId } = await adminWithCompany(store(), 'Saft & Søn AS'));
    await api.patch(base, { allowVoucherChanges: true, vatRegistered: true, phone: '55 55 55 55' });
    const customer = (await api.post(`${base}/parties`, { name: 'Kunde <1> AS', customer: true }))
      .data.id;
    const supplier = (await api.post(`${base}/parties`, { name: 'Leverandør AS', supplier: true }))
      .data.id;
    const dept = (await api.post(`${base}/departments`, { code: '10', name: 'Salg' })).data.id;
    const project = (await api.post(`${base}/projects`, { code: 'P1', name: 'Ombygging' })).data.id;
    const asCustomer = (extra: object = {}) => ({ partyId: customer, ...extra });
    const asSupplier = (extra: object = {}) => ({ partyId: supplier, ...extra });

    await post(
      d('01-01'),
      'Inngående balanse',
      [
        ['1920', 500_000],
        ['1500', 125_000, asCustomer({ invoiceNumber: '900' })],
        ['2400', -80_000, asSupplier({ invoiceNumber: 'L-1' })],
        ['2050', -545_000],
      ],
      true,
    );
    await post(d('01-15'), 'Salg & service', [
      ['1500', 125_000, asCustomer({ invoiceNumber: '1001', dueDate: d('01-29') })],
      ['3000', -125_000, { vatCode: '3', departmentId: dept }],
    ]);
    await post(d('02-10'), 'Matsalg', [
      ['1920', 115_000],
      ['3030', -115_000, { vatCode: '31', projectId: project }],
    ]);
    await post(d('02-20'), 'Varekjøp', [
      ['4300', 100_000, { vatCode: '1' }],
      ['2400', -100_000, asSupplier({ invoiceNumber: 'L-55' })],
    ]);
    await post(d('03-05'), 'Programvare fra utlandet', [
      ['6425', 1_000_000, { vatCode: '86' }],
      ['2400', -1_000_000, asSupplier({ invoiceNumber: 'US-7' })],
    ]);
    await post(d('03-10'), 'Konferanse i euro', [
      ['6790', null, { currency: { code: 'EUR', amount: 123_456, rate: '11.4532' } }],
      ['1920', -1_413_966],
    ]);
    await post(d('03-20'), 'Innbetaling', [
      ['1920', 125_000],
      ['1500', -125_000, asCustomer({ invoiceNumber: '1001' })],
    ]);
    const gone = await post(d('04-01'), 'Feilført', [
      ['1920', 1_000],
      ['3000', -1_000],
    ]);
    deleted = `${gone.series}${gone.number}`;
    expect((await api.delete(`${base}/vouchers/${gone.id}`)).statusCode).toBeLessThan(300);

    const response = await api.get(`${base}/saft?from=${d('01-01')}&to=${d('12-31')}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    fileName =
      /filename="([^"]+)"/.exec(String(response.headers['content-disposition']))?.[1] ?? '';
    xml = response.body;
    fs.writeFileSync(path.join(tmp, `${companyId}-${fileName}`), xml);
  });

  it('names the file as the Tax Administration asks', () => {
    expect(fileName).toMatch(SAFT_FILE_NAME);
    expect(fileName.startsWith('SAF-T Financial_923609016_')).toBe(true);
  });

  it('validates against the SAF-T Financial 1.30 schema', () => {
    expect(path.resolve(XSD).startsWith('/work/shared/') || fs.existsSync(XSD)).toBe(true);
    expectValidSaft(path.join(tmp, `${companyId}-${fileName}`));
  });

  it('has the closing balance of every account as in the trial balance', async () => {
    const rows = await trialBalance(store().db, companyId, {
      from: d('01-01'),
      to: d('12-31'),
      startMonth: 1,
      language: 'nb',
    });
    const closing = closingBalances(xml);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows)
      expect([row.account, closing.get(row.account)]).toEqual([row.account, row.closing]);
  });

  it('totals debit and credit over the lines, and counts the exported vouchers', () => {
    const debit = sumOf(xml, 'DebitAmount');
    const credit = sumOf(xml, 'CreditAmount');
    expect(debit).toBe(credit);
    expect(ore(leaf(xml, 'TotalDebit') ?? '')).toBe(debit);
    expect(ore(leaf(xml, 'TotalCredit') ?? '')).toBe(credit);
    // Six vouchers: the opening balance is in the opening balances, the deleted one is gone.
    const transactions = xml.match(/<Transaction>/g)?.length;
    expect(Number(leaf(xml, 'NumberOfEntries'))).toBe(transactions);
    expect(transactions).toBe(6);
    expect(xml).not.toContain(`<TransactionID>${deleted}</TransactionID>`);
    expect(xml).not.toContain('Feilført');
  });

  it('writes the header, escapes text and tags sub-ledger, VAT, currency and analysis', () => {
    expect(xml).toContain('<TaxRegistrationNumber>923609016MVA</TaxRegistrationNumber>');
    expect(xml).toContain('<Name>Saft &amp; Søn AS</Name>');
    expect(xml).toContain('<Name>Kunde &lt;1&gt; AS</Name>');
    expect(xml).toMatch(/<CustomerID>10000<\/CustomerID>\s*<Description>Salg &amp; service/);
    expect(xml).toMatch(/<SupplierID>20000<\/SupplierID>/);
    expect(xml).toMatch(/<SourceDocumentID>US-7<\/SourceDocumentID>/);
    for (const code of ['3', '31', '1', '86']) {
      expect(xml).toContain(`<StandardTaxCode>${code}</StandardTaxCode>`);
    }
    // Reverse charge: the computed output VAT and the deduction on the base line.
    const flat = xml.replace(/\s+/g, '');
    expect(flat).toContain(
      '<TaxCode>86</TaxCode><TaxPercentage>25.00</TaxPercentage><Country>NO</Country>' +
        '<TaxBase>10000.00</TaxBase><CreditTaxAmount><Amount>2500.00</Amount>',
    );
    expect(xml).toMatch(/<TaxCode>86<\/TaxCode>[\s\S]*?<DebitTaxAmount>\s*<Amount>2500.00/);
    expect(flat).toContain(
      '<Amount>14139.66</Amount><CurrencyCode>EUR</CurrencyCode>' +
        '<CurrencyAmount>1234.56</CurrencyAmount><ExchangeRate>11.4532</ExchangeRate>',
    );
    expect(xml).toMatch(/<AnalysisType>A<\/AnalysisType>\s*<AnalysisID>10<\/AnalysisID>/);
    expect(xml).toMatch(/<AnalysisType>P<\/AnalysisType>\s*<AnalysisID>P1<\/AnalysisID>/);
  });

  it('gives customers and suppliers balances that add up to the control accounts', () => {
    const closing = closingBalances(xml);
    const partyTotal = (list: string) => {
      const block = xml.match(new RegExp(`<${list}>([\\s\\S]*?)</${list}>`))?.[1] ?? '';
      let sum = 0;
      for (const m of block.matchAll(/<BalanceAccount>([\s\S]*?)<\/BalanceAccount>/g)) {
        const debit = leaf(m[1] ?? '', 'ClosingDebitBalance');
        sum +=
          debit !== undefined ? ore(debit) : -ore(leaf(m[1] ?? '', 'ClosingCreditBalance') ?? '0');
      }
      return sum;
    };
    expect(partyTotal('Customers')).toBe(closing.get('1500'));
    expect(partyTotal('Suppliers')).toBe(closing.get('2400'));
    expect(xml).toMatch(/<AccountID>2400<\/AccountID>\s*<OpeningCreditBalance>800.00</);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await api.get(`${base}/saft?from=${d('05-01')}&to=${d('04-01')}`);
    expect(response.statusCode).toBe(400);
  });
});

describe.each(DIALECTS)('nordbok saft export [%s]', (dialect) => {
  let env: Record<string, string>;
  let installation: Awaited<ReturnType<typeof cliInstallation>>;

  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-saft-cli-');
    env = installation.env;
  });

  afterAll(() => installation.remove());

  const range = ['--from', d('01-01'), '--to', d('12-31')];

  it('exports the demo company for its fiscal year to a valid file', async () => {
    // The first command sets up the installation, with the demo company Fjordkaffe AS.
    const companies = await cli(env, 'company', 'list', '--json');
    const demo = JSON.parse(companies.stdout).find(
      (c: { name: string }) => c.name === 'Fjordkaffe AS',
    );
    const file = path.join(env.NORDBOK_DATA_DIR!, 'demo.xml');
    const run = await cli(
      env,
      'saft',
      'export',
      '--company',
      String(demo.id),
      ...range,
      '-o',
      file,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expectValidSaft(file);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<Name>Fjordkaffe AS</Name>');
    expect(xml).toMatch(/<AnalysisType>A<\/AnalysisType>/);
    expect(xml).toMatch(/<CustomerID>\d+<\/CustomerID>/);

    const json = await cli(
      env,
      'saft',
      'export',
      '--company',
      String(demo.id),
      ...range,
      '-o',
      env.NORDBOK_DATA_DIR!,
      '--json',
    );
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(path.basename(result.file)).toMatch(SAFT_FILE_NAME);
    expect(result.vouchers).toBe(xml.match(/<Transaction>/g)?.length);
    expect(result.lines).toBe(xml.match(/<Line>/g)?.length);
    expect(result.vouchers).toBeGreaterThan(100);
  });

  it.each([
    [
      'a start after the end',
      ['--company', '1', '--from', d('05-01'), '--to', d('04-01'), '-o', 'x.xml'],
    ],
    ['an unknown company', ['--company', '999', ...range, '-o', 'x.xml']],
    ['a path that cannot be written', ['--company', '1', ...range, '-o', '/nonexistent/dir/f.xml']],
    [
      'a date that is not one',
      ['--company', '1', '--from', '2025-02-30', '--to', d('04-01'), '-o', 'x.xml'],
    ],
  ])('refuses %s with one line and exit 1', async (_name, args) => {
    const run = await cli(env, 'saft', 'export', ...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^nordbok: [^\n]+\n$/);
  });
});
