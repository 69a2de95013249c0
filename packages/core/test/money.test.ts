import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  formatAmount,
  MoneyError,
  parseAmount,
  toDecimalString,
} from '../src/money';

describe('parseAmount', () => {
  it.each([
    ['0', 0],
    ['1 234,56', 123456],
    ['1234.56', 123456],
    ['1.234,5', 123450],
    ['1.234.567', 123456700],
    ['-75', -7500],
    ['-0,00', 0],
    ['0,1', 10],
    ['0.30', 30],
    [' 12\u00a0500,00 ', 1250000],
  ])('%j → %d øre', (text, ore) => {
    const parsed = parseAmount(text);
    expect(parsed).toBe(ore);
    expect(Object.is(parsed, -0)).toBe(false);
  });

  it.each(['', 'abc', '1,234', '1,2,3', '0,005', '1e5', '--1', '12,'])('refuses %j', (text) => {
    expect(() => parseAmount(text)).toThrow(MoneyError);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0,00', '0.00'],
    [1, '0,01', '0.01'],
    [-1, '-0,01', '-0.01'],
    [123456789, '1\u00a0234\u00a0567,89', '1234567.89'],
    [-100000, '-1\u00a0000,00', '-1000.00'],
  ])('%d øre → %s / %s', (ore, nb, machine) => {
    expect(formatAmount(ore)).toBe(nb);
    expect(toDecimalString(ore)).toBe(machine);
  });
});

describe('divideRounded rounds half away from zero, exactly', () => {
  it.each([
    [5n, 10n, 1], // 0.5 → 1
    [-5n, 10n, -1], // −0.5 → −1
    [4n, 10n, 0],
    [-4n, 10n, 0], // never −0
    [15n, 10n, 2],
    [25n, 10n, 3],
    [3n, 1n, 3],
    [1n, 3n, 0],
    [2n, 3n, 1],
    [9007199254740991n * 25n, 100n, 2251799813685248], // 2^53 − 1 × 25 % still exact
  ])('%d / %d → %d', (n, d, expected) => {
    const result = divideRounded(n, d);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });
});
