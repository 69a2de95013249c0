import { describe, expect, it } from 'vitest';
import {
  formatBankAccount,
  formatOrgNumber,
  isValidBankAccount,
  isValidOrgNumber,
} from '../src/index';

describe('organisation numbers', () => {
  it.each([
    ['923609016', true],
    ['923 609 016', true],
    ['999999999', true],
    ['987654325', true],
    ['913238254', false], // used in Skatteetaten's examples, but its check digit is wrong
    ['923609017', false],
    ['92360901', false],
    ['9236090160', false],
    ['92360901a', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidOrgNumber(value)).toBe(valid);
  });

  it('formats in groups of three', () => {
    expect(formatOrgNumber('923609016')).toBe('923 609 016');
  });
});

describe('bank account numbers', () => {
  it.each([
    ['86011117947', true],
    ['8601.11.17947', true],
    ['15032512345', true],
    ['97100500004', true],
    ['86011117948', false],
    ['8601111794', false],
    ['860111179470', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidBankAccount(value)).toBe(valid);
  });

  it('refuses every number whose weighted sum would need check digit 10', () => {
    // 1000000009: 1·5 + 9·2 = 23, 23 mod 11 = 1, 11 − 1 = 10: no digit can complete it.
    const valid = [...'0123456789'].filter((d) => isValidBankAccount(`1000000009${d}`));
    expect(valid).toEqual([]);
  });

  it('formats as 4.2.5', () => {
    expect(formatBankAccount('86011117947')).toBe('8601.11.17947');
  });
});
