import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AccountKind,
  accountClassOf,
  type ChartAccount,
  DEFAULT_CHART,
  VAT_ACCOUNTS,
} from '../src/accounting/chart';
import { vatCodeFitsAccount } from '../src/accounting/posting';
import { VAT_CODES, vatCode } from '../src/accounting/vat';

const SAFT = path.resolve(import.meta.dirname, '../../../../shared/reference/saf-t');

/** Rows of a `;`-separated list as records keyed by the header line. */
function readList(file: string, encoding: 'utf-8' | 'windows-1252') {
  const text = new TextDecoder(encoding).decode(readFileSync(path.join(SAFT, file)));
  const [header = '', ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = header.split(';');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(';');
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
}

const groupingPairs = new Set(
  readList('naeringsspesifikasjon.csv', 'utf-8').map(
    (r) => `${r.GroupingCategory}/${r.GroupingCode}`,
  ),
);
const standardTaxCodes = new Set(readList('Standard_Tax_Codes.csv', 'utf-8').map((r) => r.Code));
/** Regnskap Norge's names, read only to prove that ours differ. */
const standardAccounts = new Map(
  readList('General_Ledger_Standard_Accounts_4_character_2020.csv', 'windows-1252').map((r) => [
    r.AccountID,
    r,
  ]),
);

/** What an account's number says about its kind and its næringsspesifikasjon category. */
function expectedFor(number: string): { kind: AccountKind; categories: string[] } {
  const group = Number(number.slice(0, 2));
  if (group < 14) return { kind: 'asset', categories: ['balanseverdiForAnleggsmiddel'] };
  if (group < 20) return { kind: 'asset', categories: ['balanseverdiForOmloepsmiddel'] };
  if (group < 21) return { kind: 'equity', categories: ['egenkapital'] };
  if (group < 23) return { kind: 'liability', categories: ['langsiktigGjeld'] };
  if (group < 30) return { kind: 'liability', categories: ['kortsiktigGjeld'] };
  if (group < 40) return { kind: 'income', categories: ['salgsinntekt', 'annenDriftsinntekt'] };
  if (group < 50) return { kind: 'expense', categories: ['varekostnad'] };
  if (group < 60) return { kind: 'expense', categories: ['loennskostnad'] };
  if (group < 80) return { kind: 'expense', categories: ['annenDriftskostnad'] };
  if (group < 81) return { kind: 'income', categories: ['finansinntekt'] };
  if (group < 83) return { kind: 'expense', categories: ['finanskostnad'] };
  if (group < 88) return { kind: 'expense', categories: ['skattekostnad'] };
  return { kind: 'equity', categories: ['resultatDisponeringForSAF-T'] };
}

/** The VAT lines each code makes in the posting engine: which accounts it needs. */
function directionsOf(code: string): ('output' | 'input')[] {
  const vat = vatCode(code);
  if (!vat || vat.direction === 'none') return [];
  if (vat.direction === 'reverse') return vat.deductible ? ['output', 'input'] : ['output'];
  return [vat.direction];
}

/** Codes deliberately left without VAT accounts (emission allowances and gold). */
const UNSUPPORTED = new Set(['91', '92']);

const byNumber = new Map(DEFAULT_CHART.map((a) => [a.number, a]));
const withVat = DEFAULT_CHART.filter(
  (a): a is ChartAccount & { vatCode: string } => a.vatCode !== null,
);

describe('account numbers', () => {
  it('are unique, four digits and sorted', () => {
    const numbers = DEFAULT_CHART.map((a) => a.number);
    for (const n of numbers) expect(n).toMatch(/^[1-8]\d{3}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('have the class of their first digit and a kind that fits it', () => {
    for (const a of DEFAULT_CHART) {
      expect(accountClassOf(a.number), a.number).toBe(Number(a.number[0]));
      expect(a.kind, a.number).toBe(expectedFor(a.number).kind);
    }
    expect(() => accountClassOf('9000')).toThrow(/class 1–8/);
    expect(() => accountClassOf('192')).toThrow(/four-digit/);
  });
});

describe('SAF-T mapping', () => {
  it('uses only grouping pairs from the næringsspesifikasjon list', () => {
    const unknown = DEFAULT_CHART.filter(
      (a) => !groupingPairs.has(`${a.groupingCategory}/${a.groupingCode}`),
    );
    expect(unknown.map((a) => `${a.number} ${a.groupingCategory}/${a.groupingCode}`)).toEqual([]);
  });

  it('maps each account to a category that matches its place in the chart', () => {
    for (const a of DEFAULT_CHART) {
      expect(expectedFor(a.number).categories, a.number).toContain(a.groupingCategory);
    }
  });

  it('rolls the VAT accounts into the VAT settlement code', () => {
    for (const a of DEFAULT_CHART.filter((x) => x.number.startsWith('27') && x.number < '2750')) {
      expect([a.groupingCategory, a.groupingCode], a.number).toEqual(['kortsiktigGjeld', '2740']);
    }
  });

  it('has exactly one customer and one supplier control account', () => {
    const control = DEFAULT_CHART.filter((a) => a.subledger !== null);
    expect(control.map((a) => [a.number, a.subledger])).toEqual([
      ['1500', 'customer'],
      ['2400', 'supplier'],
    ]);
  });
});

describe('default VAT codes', () => {
  it('are SAF-T standard tax codes the posting engine knows', () => {
    for (const a of withVat) {
      expect(standardTaxCodes.has(a.vatCode), `${a.number} code ${a.vatCode}`).toBe(true);
      expect(vatCode(a.vatCode), a.number).toBeDefined();
    }
  });

  it('fit the class of their account', () => {
    for (const a of withVat) {
      expect(vatCodeFitsAccount(a.number, a.vatCode), `${a.number} ${a.vatCode}`).toBe(true);
    }
  });

  it('have their VAT accounts set up when they produce VAT', () => {
    for (const a of withVat) {
      for (const direction of directionsOf(a.vatCode)) {
        expect(VAT_ACCOUNTS[a.vatCode]?.[direction], `${a.number} ${a.vatCode}`).toBeDefined();
      }
    }
  });
});

describe('VAT accounts', () => {
  it('exist for every code that produces VAT, in exactly the directions it needs', () => {
    const expected: Record<string, { output?: string; input?: string }> = {};
    for (const { code } of VAT_CODES) {
      if (UNSUPPORTED.has(code) || directionsOf(code).length === 0) continue;
      expect(standardTaxCodes.has(code), code).toBe(true);
      expected[code] = Object.fromEntries(
        directionsOf(code).map((d) => [d, VAT_ACCOUNTS[code]?.[d]]),
      );
    }
    expect(VAT_ACCOUNTS).toEqual(expected);
    for (const accounts of Object.values(VAT_ACCOUNTS)) {
      for (const n of Object.values(accounts)) expect(n).toMatch(/^27[0-3]\d$/);
    }
  });

  it('follow the documented scheme', () => {
    expect(VAT_ACCOUNTS).toMatchObject({
      '3': { output: '2700' },
      '31': { output: '2701' },
      '33': { output: '2703' },
      '1': { input: '2710' },
      '11': { input: '2711' },
      '13': { input: '2713' },
      '81': { output: '2705', input: '2715' },
      '86': { output: '2704', input: '2714' },
      '87': { output: '2724' },
    });
  });

  it('are chart accounts that say which code they serve and carry no VAT code themselves', () => {
    const serving = DEFAULT_CHART.filter((a) => a.vatAccount);
    for (const [code, accounts] of Object.entries(VAT_ACCOUNTS)) {
      for (const [direction, n] of Object.entries(accounts)) {
        expect(byNumber.get(n)?.vatAccount, n).toEqual({ code, direction });
      }
    }
    const listed = Object.values(VAT_ACCOUNTS).flatMap((v) => Object.values(v));
    expect(serving.map((a) => a.number).sort()).toEqual(listed.sort());
    for (const a of serving) expect(a.vatCode, a.number).toBeNull();
    expect(byNumber.get('2740')?.vatCode).toBeNull();
  });
});

describe('account names', () => {
  it('are given in both languages', () => {
    for (const a of DEFAULT_CHART) {
      expect(a.nameNb.trim(), a.number).not.toBe('');
      expect(a.nameEn.trim(), a.number).not.toBe('');
    }
  });

  it("are Nordbok's own, not Regnskap Norge's names for the same number", () => {
    const normalise = (s = '') => s.trim().toLowerCase();
    const copied = DEFAULT_CHART.filter((a) => {
      const theirs = standardAccounts.get(a.number);
      return (
        normalise(theirs?.DescriptionNOR) === normalise(a.nameNb) ||
        normalise(theirs?.DescriptionENG) === normalise(a.nameEn)
      );
    });
    expect(standardAccounts.get('1920')?.DescriptionNOR).toBe('Bankinnskudd');
    expect(copied.map((a) => a.number)).toEqual([]);
  });
});
