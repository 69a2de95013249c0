import { describe, expect, it } from 'vitest';
import {
  type EntryLine,
  expandLines,
  PostingError,
  type VatAccounts,
  vatCodeFitsAccount,
} from '../src/accounting/posting';
import { rateOn, vatFromGross, vatFromNet } from '../src/accounting/vat';

const VAT: VatAccounts = {
  '1': { input: '2710' },
  '11': { input: '2711' },
  '13': { input: '2713' },
  '3': { output: '2700' },
  '31': { output: '2701' },
  '33': { output: '2703' },
  '86': { output: '2704', input: '2714' },
  '87': { output: '2704' },
};

/** Postings as compact rows: account, amount, VAT code, VAT kind. */
function journal(lines: EntryLine[], date = '2026-03-15') {
  return expandLines(date, lines, VAT).map((p) => [p.account, p.amount, p.vatCode, p.vatKind]);
}

describe('VAT arithmetic', () => {
  it.each([
    [1250000, 2500, 250000],
    [10000, 1500, 1304], // 100,00 incl. 15 % → 13,04
    [11200, 1200, 1200],
    [1, 2500, 0],
    [3, 2500, 1], // 0,6 øre → 1 øre
    [-1250000, 2500, -250000],
  ])('VAT in gross %d at %d bp is %d', (gross, rate, vat) => {
    expect(vatFromGross(gross, rate)).toBe(vat);
  });

  it.each([
    [1000000, 2500, 250000],
    [1234567, 2500, 308642], // 3086,4175 → 3086,42
    [2, 2500, 1], // 0,5 øre rounds away from zero
    [-2, 2500, -1],
  ])('VAT on net %d at %d bp is %d', (net, rate, vat) => {
    expect(vatFromNet(net, rate)).toBe(vat);
  });

  it('takes the rate valid on the date', () => {
    expect(rateOn('low', '2021-06-30')).toBe(600);
    expect(rateOn('low', '2021-10-01')).toBe(1200);
    expect(rateOn('regular', '2026-01-01')).toBe(2500);
    expect(() => rateOn('regular', '1999-12-31')).toThrow(/No regular VAT rate/);
  });
});

describe('expanding entry lines into postings', () => {
  it('splits a gross sale at 25 % into base and output VAT', () => {
    expect(
      journal([
        { account: '1500', amount: 1250000 },
        { account: '3000', amount: -1250000, vatCode: '3' },
      ]),
    ).toEqual([
      ['1500', 1250000, null, null],
      ['3000', -1000000, '3', 'base'],
      ['2700', -250000, '3', 'output'],
    ]);
  });

  it('adds input VAT on a net purchase at 15 %', () => {
    expect(
      journal([
        { account: '4300', amount: 100000, vatCode: '11', entry: 'net' },
        { account: '2400', amount: -115000 },
      ]),
    ).toEqual([
      ['4300', 100000, '11', 'base'],
      ['2711', 15000, '11', 'input'],
      ['2400', -115000, null, null],
    ]);
  });

  it('computes and deducts reverse-charge VAT on a service bought abroad (86)', () => {
    expect(
      journal([
        { account: '6700', amount: 1000000, vatCode: '86' },
        { account: '2400', amount: -1000000 },
      ]),
    ).toEqual([
      ['6700', 1000000, '86', 'base'],
      ['2704', -250000, '86', 'output'],
      ['2714', 250000, '86', 'input'],
      ['2400', -1000000, null, null],
    ]);
  });

  it('makes non-deductible reverse-charge VAT (87) a cost on the same account', () => {
    expect(
      journal([
        { account: '6700', amount: 1000000, vatCode: '87' },
        { account: '2400', amount: -1000000 },
      ]),
    ).toEqual([
      ['6700', 1000000, '87', 'base'],
      ['2704', -250000, '87', 'output'],
      ['6700', 250000, null, null],
      ['2400', -1000000, null, null],
    ]);
  });

  it('rounds VAT per line so that the voucher still balances', () => {
    const postings = expandLines(
      '2026-03-15',
      [
        { account: '1920', amount: 1000 },
        { account: '3000', amount: -333, vatCode: '3' },
        { account: '3000', amount: -667, vatCode: '3' },
      ],
      VAT,
    );
    expect(postings.reduce((s, p) => s + p.amount, 0)).toBe(0);
    expect(postings.filter((p) => p.vatKind === 'output').map((p) => p.amount)).toEqual([
      -67, -133,
    ]);
  });

  it.each([
    [[{ account: '1920', amount: 100 }], null, 'lines', /at least two lines/],
    [
      [
        { account: '1920', amount: 100 },
        { account: '3000', amount: -99 },
      ],
      null,
      'lines',
      /debit exceeds credit by 1 øre/,
    ],
    [
      [
        { account: '1920', amount: 0 },
        { account: '3000', amount: 0 },
      ],
      0,
      'amount',
      /not zero/,
    ],
    [
      [
        { account: '1920', amount: 10.5 },
        { account: '3000', amount: -10.5 },
      ],
      0,
      'amount',
      /whole number/,
    ],
    [
      [
        { account: '1920', amount: 100 },
        { account: '3000', amount: -100, vatCode: '99' },
      ],
      1,
      'vatCode',
      /Unknown VAT code 99/,
    ],
    [
      [
        { account: '1920', amount: 100 },
        { account: '3000', amount: -100, vatCode: '32' },
      ],
      1,
      'vatCode',
      /No output VAT account .* 32/,
    ],
  ])('refuses %j', (lines, line, field, message) => {
    try {
      expandLines('2026-03-15', lines as EntryLine[], VAT);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PostingError);
      expect(error).toMatchObject({ line, field, message: expect.stringMatching(message) });
    }
  });
});

describe('which VAT codes fit which accounts', () => {
  it.each([
    ['3000', '3', true],
    ['3000', '1', false],
    ['4300', '1', true],
    ['4300', '3', false],
    ['6700', '86', true],
    ['1200', '1', true],
    ['2400', '1', false],
    ['1500', '3', false],
    ['8050', '3', false],
    ['3100', '5', true],
  ])('%s with code %s → %s', (account, code, fits) => {
    expect(vatCodeFitsAccount(account, code)).toBe(fits);
  });
});
