import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();
const d = (monthDay: string, year = YEAR) => `${year}-${monthDay}`;

type Line = [account: string, amount: number, extra?: Record<string, unknown>];

const voucher = (date: string, description: string, lines: Line[], opening = false) => ({
  date,
  description,
  ...(opening ? { opening } : {}),
  lines: lines.map(([account, amount, extra]) => ({ account, amount, ...extra })),
});

/**
 * One company's ledger; amounts in øre. Department 10 Salg has the sub-department 11 Salg
 * Nord; 20 Verksted stands apart. The wages are also on project P1.1, under P1.
 *
 *   last year 03-10  sale 500 + VAT 125            1920 +62 500  3000 −50 000  2700 −12 500
 *   01-01  opening balance (IB)                    1920 +1 000 000  2000 −300 000
 *                                                  2050 −700 000
 *   01-15  sale, code 3, dept 11                   1920 +125 000  3000 −100 000  2700 −25 000
 *   02-10  food sale, code 31                      1920 +115 000  3030 −100 000  2701 −15 000
 *   02-20  goods, code 1 net                       4300 +80 000  2710 +20 000  1920 −100 000
 *   03-05  software abroad, code 86                6425 +1 000 000  2704 −250 000  2714 +250 000
 *                                                  1920 −1 000 000
 *   03-31  wages, dept 20                          5000 +300 000  1920 −300 000
 *   04-10  sale without VAT, dept 10               1920 +200 000  3000 −200 000
 *   05-05  a voucher that is then deleted
 */
describeEachStore('general-ledger reports', (store) => {
  let api: ApiClient;
  let base: string;
  /** Ids of the departments and projects. */
  const dept: Record<string, number> = {};

  const report = (name: string, query: string) => api.get(`${base}/reports/${name}?${query}`);
  const firstHalf = `from=${d('01-01')}&to=${d('06-30')}`;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Rapport AS'));
    await api.post(`${base}/fiscal-years`, { year: YEAR - 1 });
    await api.patch(base, { allowVoucherChanges: true });
    dept.salg = (await api.post(`${base}/departments`, { code: '10', name: 'Salg' })).data.id;
    dept.nord = (
      await api.post(`${base}/departments`, { code: '11', name: 'Salg Nord', parentId: dept.salg })
    ).data.id;
    dept.verksted = (
      await api.post(`${base}/departments`, { code: '20', name: 'Verksted' })
    ).data.id;
    const project = (await api.post(`${base}/projects`, { code: 'P1', name: 'Ombygging' })).data;
    dept.project = project.id;
    dept.subProject = (
      await api.post(`${base}/projects`, { code: 'P1.1', name: 'Fase 1', parentId: project.id })
    ).data.id;
    await postLedger();
  });

  async function post(body: object) {
    const response = await api.post(`${base}/vouchers`, body);
    if (response.statusCode !== 201) throw new Error(JSON.stringify(response.data));
    return response.data;
  }

  async function postLedger() {
    await post(
      voucher(d('03-10', YEAR - 1), 'Salg i fjor', [
        ['1920', 62500],
        ['3000', -62500, { vatCode: '3' }],
      ]),
    );
    const ib: Line[] = [
      ['1920', 1000000],
      ['2000', -300000],
      ['2050', -700000],
    ];
    await post(voucher(d('01-01'), 'Inngående balanse', ib, true));
    const nord = { vatCode: '3', departmentId: dept.nord };
    await post(
      voucher(d('01-15'), 'Salg nord', [
        ['1920', 125000],
        ['3000', -125000, nord],
      ]),
    );
    await post(
      voucher(d('02-10'), 'Matsalg', [
        ['1920', 115000],
        ['3030', -115000, { vatCode: '31' }],
      ]),
    );
    const net = { vatCode: '1', entry: 'net' };
    await post(
      voucher(d('02-20'), 'Varekjøp', [
        ['4300', 80000, net],
        ['1920', -100000],
      ]),
    );
    await post(
      voucher(d('03-05'), 'Programvare', [
        ['6425', 1000000, { vatCode: '86' }],
        ['1920', -1000000],
      ]),
    );
    const verksted = { departmentId: dept.verksted, projectId: dept.subProject };
    await post(
      voucher(d('03-31'), 'Lønn', [
        ['5000', 300000, verksted],
        ['1920', -300000],
      ]),
    );
    const salg = { departmentId: dept.salg };
    await post(
      voucher(d('04-10'), 'Salg uten mva', [
        ['1920', 200000],
        ['3000', -200000, salg],
      ]),
    );
    const doomed = await post(
      voucher(d('05-05'), 'Feilført', [
        ['1920', 100],
        ['2050', -100],
      ]),
    );
    expect((await api.delete(`${base}/vouchers/${doomed.id}`)).statusCode).toBe(200);
  }

  describe('general ledger', () => {
    it('runs a balance per account from the opening balance, IB included as opening', async () => {
      const response = await report(
        'general-ledger',
        `from=${d('01-01')}&to=${d('12-31')}&account=1920`,
      );
      expect(response.statusCode).toBe(200);
      const [bank] = response.data.accounts;
      expect(response.data.accounts).toHaveLength(1);
      expect(bank).toMatchObject({ account: '1920', opening: 1062500, closing: 102500 });
      expect(bank.debit - bank.credit).toBe(102500 - 1062500);
      expect(
        bank.postings.map((p: { date: string; amount: number; balance: number }) => [
          p.date.slice(5),
          p.amount,
          p.balance,
        ]),
      ).toEqual([
        ['01-15', 125000, 1187500],
        ['02-10', 115000, 1302500],
        ['02-20', -100000, 1202500],
        ['03-05', -1000000, 202500],
        ['03-31', -300000, -97500],
        ['04-10', 200000, 102500],
      ]);
      expect(bank.postings[0]).toMatchObject({
        series: 'A',
        description: 'Salg nord',
        vatCode: null,
      });
    });

    it('opens result accounts with the year so far; lists accounts with something', async () => {
      const all = (await report('general-ledger', `from=${d('02-01')}&to=${d('12-31')}`)).data;
      const sales = all.accounts.find((a: { account: string }) => a.account === '3000');
      expect(sales).toMatchObject({ opening: -100000, credit: 200000, closing: -300000 });
      expect(sales.postings).toHaveLength(1);
      expect(sales.postings[0]).toMatchObject({ balance: -300000, departmentId: dept.salg });
      const numbers = all.accounts.map((a: { account: string }) => a.account);
      expect(numbers).toEqual([...numbers].sort());
      expect(numbers).not.toContain('1500');
    });
  });

  describe('income statement', () => {
    beforeAll(async () => {
      const monthly = (amount: number) => new Array(12).fill(amount);
      const budget = (account: string, amount: number, extra = {}) =>
        api.put(`${base}/budgets`, {
          fiscalYear: YEAR,
          account,
          periods: monthly(amount),
          ...extra,
        });
      expect((await budget('3000', -100000)).statusCode).toBe(200);
      await budget('3000', -50000, { departmentId: dept.nord });
      await budget('5000', 250000, { departmentId: dept.verksted });
    });

    it('groups accounts into NS 4102 sections, income positive, with the result', async () => {
      const statement = (await report('income-statement', firstHalf)).data;
      const section = (key: string) =>
        statement.sections.find((s: { key: string }) => s.key === key);
      expect(section('salesRevenue')).toMatchObject({
        nameNb: 'Salgsinntekter',
        lines: [
          { account: '3000', amount: 300000, lastYear: 50000, budget: 900000 },
          { account: '3030', amount: 100000, lastYear: 0, budget: 0 },
        ],
        total: 400000,
        lastYearTotal: 50000,
        budgetTotal: 900000,
      });
      expect(section('costOfGoods')).toMatchObject({ total: -80000 });
      expect(section('payroll')).toMatchObject({ total: -300000, budgetTotal: -1500000 });
      expect(section('otherOperatingExpenses').lines).toEqual([
        expect.objectContaining({ account: '6425', amount: -1000000 }),
      ]);
      expect(section('depreciation')).toMatchObject({ lines: [], total: 0 });
      expect(statement.subtotals[0]).toMatchObject({ key: 'operatingResult', amount: -980000 });
      expect(statement).toMatchObject({
        result: 400000 - 80000 - 300000 - 1000000,
        lastYearResult: 50000,
        budgetResult: 900000 - 1500000,
      });
    });

    it('counts the budget of whole periods only', async () => {
      const statement = (await report('income-statement', `from=${d('01-15')}&to=${d('03-31')}`))
        .data;
      const sales = statement.sections[0].lines.find(
        (l: { account: string }) => l.account === '3000',
      );
      expect(sales).toMatchObject({ amount: 100000, budget: 2 * 150000 });
    });

    it('filters on a department and every department below it', async () => {
      const bySales = (await report('income-statement', `${firstHalf}&departmentId=${dept.salg}`))
        .data;
      expect(bySales.sections[0].lines).toEqual([
        { account: '3000', name: 'Salg, 25 % mva', amount: 300000, lastYear: 0, budget: 300000 },
      ]);
      expect(bySales.result).toBe(300000);
      const byNorth = (await report('income-statement', `${firstHalf}&departmentId=${dept.nord}`))
        .data;
      expect(byNorth.result).toBe(100000);
      const trial = (await report('trial-balance', `${firstHalf}&departmentId=${dept.verksted}`))
        .data;
      expect(trial.items).toEqual([
        expect.objectContaining({ account: '5000', debit: 300000, closing: 300000 }),
      ]);
      const byProject = (await report('income-statement', `${firstHalf}&projectId=${dept.project}`))
        .data;
      expect(byProject).toMatchObject({ result: -300000, budgetResult: 0 });
    });
  });

  describe('balance sheet', () => {
    it('balances: assets = equity + liabilities, the result not yet closed included', async () => {
      const sheet = (await report('balance-sheet', `at=${d('06-30')}`)).data;
      const [assets, equity, liabilities] = sheet.sections;
      expect(assets.lines).toEqual([
        { account: '1920', name: 'Driftskonto i bank', amount: 102500, lastYear: 62500 },
      ]);
      expect(equity.lines).toEqual([
        expect.objectContaining({ account: '2000', amount: 300000, lastYear: 0 }),
        expect.objectContaining({ account: '2050', amount: 700000, lastYear: 0 }),
        { account: null, name: 'Årets resultat hittil', amount: -980000, lastYear: 50000 },
        { account: null, name: 'Udisponert resultat tidligere år', amount: 50000, lastYear: 0 },
      ]);
      expect(liabilities.total).toBe(37500 + 15000 + 250000 - 20000 - 250000);
      expect(sheet).toMatchObject({
        lastYearAt: d('06-30', YEAR - 1),
        totalAssets: 102500,
        totalEquityAndLiabilities: 102500,
        lastYearTotalAssets: 62500,
        lastYearTotalEquityAndLiabilities: 62500,
      });
    });
  });

  describe('VAT specification', () => {
    it('gives basis and VAT per code, sales basis positive, deductions negative', async () => {
      const spec = (await report('vat-specification', firstHalf)).data;
      const row = (code: string) => spec.items.find((i: { vatCode: string }) => i.vatCode === code);
      expect(spec.items.map((i: { vatCode: string }) => i.vatCode)).toEqual(['1', '3', '31', '86']);
      expect(row('3')).toMatchObject({ direction: 'output', basis: 100000, vat: 25000 });
      expect(row('31')).toMatchObject({ basis: 100000, outputVat: 15000, vat: 15000 });
      expect(row('1')).toMatchObject({
        direction: 'input',
        basis: 80000,
        inputVat: -20000,
        vat: -20000,
      });
      expect(row('86')).toEqual({
        vatCode: '86',
        nameNb: 'Tjenester kjøpt fra utlandet, med fradrag',
        nameEn: 'Services bought abroad, deductible',
        direction: 'reverse',
        basis: 1000000,
        outputVat: 250000,
        inputVat: -250000,
        vat: 0,
      });
      expect(spec.totalVat).toBe(25000 + 15000 - 20000);
    });

    it('writes the specification as CSV', async () => {
      const csv = await report('vat-specification', `${firstHalf}&format=csv`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="mva-spesifikasjon-${d('01-01')}-${d('06-30')}.csv"`,
      );
      expect(csv.body).toBe(
        [
          'vatCode,name,basis,outputVat,inputVat,vat',
          '1,"Inngående mva, høy sats",800.00,0.00,-200.00,-200.00',
          '3,"Utgående mva, høy sats",1000.00,250.00,0.00,250.00',
          '31,"Utgående mva, middels sats",1000.00,150.00,0.00,150.00',
          '86,"Tjenester kjøpt fra utlandet, med fradrag",10000.00,2500.00,-2500.00,0.00',
          '',
        ].join('\n'),
      );
    });
  });

  describe('voucher journal', () => {
    it('lists every voucher with its postings, deleted ones without', async () => {
      const journal = (await report('voucher-journal', firstHalf)).data.vouchers;
      expect(journal.map((v: { date: string }) => v.date)).toEqual(
        [...journal.map((v: { date: string }) => v.date)].sort(),
      );
      const deleted = journal.find((v: { description: string }) => v.description === 'Feilført');
      expect(deleted).toMatchObject({ status: 'deleted', postings: [] });
      const software = journal.find(
        (v: { description: string }) => v.description === 'Programvare',
      );
      expect(
        software.postings.map((p: { account: string; amount: number }) => [p.account, p.amount]),
      ).toEqual([
        ['6425', 1000000],
        ['2704', -250000],
        ['2714', 250000],
        ['1920', -1000000],
      ]);
      const bySales = (await report('voucher-journal', `${firstHalf}&departmentId=${dept.salg}`))
        .data;
      expect(bySales.vouchers.map((v: { description: string }) => v.description)).toEqual([
        'Salg nord',
        'Salg uten mva',
      ]);
    });
  });

  describe('exports', () => {
    it('keeps the trial balance CSV columns', async () => {
      const csv = await report(
        'trial-balance',
        `${firstHalf}&departmentId=${dept.verksted}&format=csv`,
      );
      expect(csv.body).toBe(
        'account,name,opening,debit,credit,closing\n' +
          '5000,Fastlønn og timelønn,0.00,3000.00,0.00,3000.00\n',
      );
    });

    it('writes the income statement as XLSX with NOK numbers', async () => {
      const file = await report('income-statement', `${firstHalf}&format=xlsx`);
      expect(file.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="resultatregnskap-${d('01-01')}-${d('06-30')}.xlsx"`,
      );
      const sheet = await readSheet(file.rawPayload);
      expect(sheet.getCell('A1').value).toBe('Resultatregnskap');
      expect(sheet.getCell('A2').value).toBe('Rapport AS');
      expect(sheet.getRow(6).values).toEqual([
        undefined,
        'Konto',
        'Navn',
        'Beløp',
        'I fjor',
        'Budsjett',
      ]);
      expect(sheet.getRow(6).font?.bold).toBe(true);
      const row = findRow(sheet, (r) => r.getCell(1).value === '3000');
      expect([3, 4, 5].map((c) => row.getCell(c).value)).toEqual([3000, 500, 9000]);
      expect(row.getCell(3).numFmt).toBe('#,##0.00');
      const result = findRow(sheet, (r) => r.getCell(2).value === 'Resultat');
      expect(result.getCell(3).value).toBe(-9800);
    });

    it('writes headers in English for an English-speaking user', async () => {
      await api.patch('/api/v1/me', { language: 'en' });
      try {
        const file = await report('balance-sheet', `at=${d('06-30')}&format=xlsx`);
        expect(file.headers['content-disposition']).toContain(`balance-sheet-${d('06-30')}.xlsx`);
        const sheet = await readSheet(file.rawPayload);
        expect(sheet.getCell('A1').value).toBe('Balance sheet');
        expect(sheet.getRow(6).values).toEqual([
          undefined,
          'Account',
          'Name',
          d('06-30'),
          d('06-30', YEAR - 1),
        ]);
        const bank = findRow(sheet, (r) => r.getCell(1).value === '1920');
        expect(bank.getCell(2).value).toBe('Operating bank account');
      } finally {
        await api.patch('/api/v1/me', { language: 'nb' });
      }
    });

    it('writes the general ledger as a PDF', async () => {
      const file = await report('general-ledger', `${firstHalf}&format=pdf`);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="hovedbok-${d('01-01')}-${d('06-30')}.pdf"`,
      );
      expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(file.rawPayload.length).toBeGreaterThan(1024);
      expect(file.rawPayload.toString('latin1')).toContain('(Hovedbok \\(kontospesifikasjon\\))');
    });

    it.each(['trial-balance', 'voucher-journal', 'vat-specification'])(
      'writes %s as PDF too',
      async (name) => {
        const file = await report(name, `${firstHalf}&format=pdf`);
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toBe('application/pdf');
      },
    );
  });

  describe('refuses bad input and names the field', () => {
    it.each([
      ['trial-balance', `from=${d('02-01')}&to=${d('01-31')}`, 'from', /must not be after/],
      ['income-statement', `from=${d('02-01')}&to=${d('01-31')}`, 'from', /must not be after/],
      ['general-ledger', `${firstHalf}&account=9999`, 'account', /Account 9999 does not exist/],
      ['trial-balance', `${firstHalf}&format=docx`, 'format', /./],
      [
        'vat-specification',
        `${firstHalf}&departmentId=9999`,
        'departmentId',
        /Department 9999 does not exist/,
      ],
      ['balance-sheet', `at=${d('02-30')}`, 'at', /real date/],
      ['balance-sheet', `at=${d('02-01')}&from=${d('01-01')}`, 'from', /Unknown field/],
    ])('%s?%s → %s', async (name, query, field, message) => {
      const response = await report(name, query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.data.errors).toContainEqual(
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      );
    });
  });
});

async function readSheet(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; the zip reader underneath takes either.
  await book.xlsx.load(Uint8Array.from(payload).buffer);
  return book.worksheets[0]!;
}

function findRow(sheet: ExcelJS.Worksheet, test: (row: ExcelJS.Row) => boolean): ExcelJS.Row {
  for (let i = 1; i <= sheet.rowCount; i++) if (test(sheet.getRow(i))) return sheet.getRow(i);
  throw new Error('No such row.');
}
