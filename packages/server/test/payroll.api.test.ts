import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

const FILE = [
  'Dato;Konto;Avdeling;Prosjekt;Beløp;Tekst',
  `25.03.${YEAR};5000;KAFE;;"42 000,00";Fastlønn mars`,
  `25.03.${YEAR};5000;;;8 000,00;Timelønn`,
  `25.03.${YEAR};2600;;;-15 000,00;Forskuddstrekk`,
  `25.03.${YEAR};1920;;;-35 000,00;Utbetalt netto`,
].join('\r\n');

const NB = {
  date: 'Dato',
  account: 'Konto',
  amount: 'Beløp',
  department: 'Avdeling',
  text: 'Tekst',
};

describeEachStore('payroll import', (store) => {
  let api: ApiClient;
  let base: string;

  beforeAll(async () => {
    ({ api, base } = await adminWithCompany(store(), 'Lønn AS'));
    await api.post(`${base}/departments`, { code: 'KAFE', name: 'Kafé' });
  });

  it('previews every row with its checks, then posts the file as one payroll voucher', async () => {
    const preview = await api.post(`${base}/payroll-imports/preview`, { csv: FILE });
    expect(preview.statusCode).toBe(200);
    expect(preview.data).toMatchObject({
      debit: 5_000_000,
      credit: 5_000_000,
      date: `${YEAR}-03-25`,
      valid: true,
    });
    expect(preview.data.rows[0]).toMatchObject({
      line: 2,
      account: '5000',
      amount: 4_200_000,
      department: 'KAFE',
      errors: [],
    });

    const posted = await api.post(`${base}/payroll-imports`, {
      csv: FILE,
      description: 'Lønn mars',
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.data).toMatchObject({
      series: 'L',
      date: `${YEAR}-03-25`,
      description: 'Lønn mars',
    });
    expect(posted.data.postings).toHaveLength(4);
    expect(posted.data.postings[0].departmentId).toBe(preview.data.rows[0].departmentId);
  });

  it('remembers the column mapping used last', async () => {
    const english = [
      'Date,Acct,Dept,Sum,Text',
      `${YEAR}-04-25,5000,KAFE,1000.00,Wages`,
      `${YEAR}-04-25,1920,,-1000.00,Paid`,
    ].join('\n');
    const mapping = {
      date: 'Date',
      account: 'Acct',
      amount: 'Sum',
      department: 'Dept',
      text: 'Text',
    };
    const posted = await api.post(`${base}/payroll-imports`, { csv: english, mapping });
    expect(posted.statusCode).toBe(201);
    expect((await api.get(`${base}/payroll-imports/mapping`)).data).toEqual(mapping);
  });

  describe('bad files', () => {
    it('lists each bad row in the preview and posts nothing', async () => {
      const bad = `${FILE}\r\n31.02.${YEAR};9999;XX;;abc;Feil`;
      const preview = (await api.post(`${base}/payroll-imports/preview`, { csv: bad, mapping: NB }))
        .data;
      const last = preview.rows.at(-1);
      expect(last.errors).toEqual([
        `"31.02.${YEAR}" is not a date (YYYY-MM-DD or DD.MM.YYYY).`,
        '"abc" is not an amount.',
        'Account 9999 does not exist.',
        'Department XX does not exist.',
      ]);
      expect(preview.valid).toBe(false);
      const before = (await api.get(`${base}/vouchers?from=${YEAR}-01-01&to=${YEAR}-12-31`)).data
        .items.length;
      const refused = await api.post(`${base}/payroll-imports`, { csv: bad, mapping: NB });
      expect(refused.statusCode).toBe(400);
      expect(refused.data.errors[0].field).toBe('csv');
      expect(
        (await api.get(`${base}/vouchers?from=${YEAR}-01-01&to=${YEAR}-12-31`)).data.items.length,
      ).toBe(before);
    });

    it('refuses a file that does not balance or lacks a mapped column', async () => {
      const unbalanced = FILE.replace('-35 000,00', '-34 000,00');
      const refused = await api.post(`${base}/payroll-imports`, {
        csv: unbalanced,
        mapping: { date: 'Dato', account: 'Konto', amount: 'Beløp' },
      });
      expect(refused.data.errors[0].message).toMatch(
        /does not balance: debit 5000000 øre, credit 4900000 øre/,
      );
      const missing = await api.post(`${base}/payroll-imports/preview`, {
        csv: FILE,
        mapping: { date: 'Dato', account: 'Konto', amount: 'Sum' },
      });
      expect(missing.data.errors[0]).toMatchObject({
        field: 'csv',
        message: 'The file has no column "Sum".',
      });
    });
  });
});
