import { describe, expect, it } from 'vitest';
import { accountLabel, matchAccounts, resolveAccount } from '../src/accounting/accounts';
import type { Account } from '../src/accounting/types';

const account = (number: string, nameNb: string, blocked = false): Account => ({
  number,
  nameNb,
  nameEn: nameNb,
  kind: 'asset',
  vatCode: null,
  groupingCategory: '',
  groupingCode: '',
  subledger: null,
  blocked,
});

const chart = [
  account('1900', 'Kontantkasse'),
  account('1920', 'Driftskonto i bank'),
  account('1930', 'Sparekonto i bank'),
  account('1950', 'Skattetrekkskonto', true),
  account('7770', 'Gebyrer til bank og kortinnløser'),
];

describe('matchAccounts', () => {
  it('puts number matches before name matches', () => {
    expect(matchAccounts(chart, '19').map((a) => a.number)).toEqual(['1900', '1920', '1930']);
    expect(matchAccounts(chart, 'bank').map((a) => a.number)).toEqual(['1920', '1930', '7770']);
  });

  it('leaves blocked accounts out of the suggestions', () => {
    expect(matchAccounts(chart, '195')).toEqual([]);
  });
});

describe('resolveAccount', () => {
  it('takes a typed or picked account number at its word', () => {
    expect(resolveAccount(chart, '1920')?.number).toBe('1920');
    expect(resolveAccount(chart, accountLabel(chart[2]!, 'nb'))?.number).toBe('1930');
    expect(resolveAccount(chart, '1999')).toBeNull();
  });

  it('takes a name only when it matches a single account', () => {
    expect(resolveAccount(chart, 'kasse')?.number).toBe('1900');
    expect(resolveAccount(chart, 'bank')).toBeNull();
  });
});
