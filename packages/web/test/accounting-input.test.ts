import { describe, expect, it } from 'vitest';
import { parseAmount, parseDateInput, todayIso } from '../src/accounting/input';

describe('parseAmount', () => {
  it('reads amounts written the Norwegian way', () => {
    expect(parseAmount('1234,50')).toBe(123450);
    expect(parseAmount('1 234,5')).toBe(123450);
    expect(parseAmount('1\u00a0234,56')).toBe(123456);
    expect(parseAmount('1.234,5')).toBe(123450);
    expect(parseAmount('75')).toBe(7500);
    expect(parseAmount('-75')).toBe(-7500);
  });

  it('takes a single dot with one or two decimals as the decimal mark', () => {
    expect(parseAmount('1234.50')).toBe(123450);
    expect(parseAmount('1.234')).toBe(123400);
  });

  it('refuses what is not an amount in øre', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12,345')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('1,2,3')).toBeNull();
  });
});

describe('parseDateInput', () => {
  const today = '2026-06-15';

  it('reads ddmm in the current year', () => {
    expect(parseDateInput('0503', today)).toBe('2026-03-05');
  });

  it('reads ddmmyy and ddmmyyyy', () => {
    expect(parseDateInput('050325', today)).toBe('2025-03-05');
    expect(parseDateInput('05032024', today)).toBe('2024-03-05');
  });

  it('reads dotted dates with or without a year', () => {
    expect(parseDateInput('05.03.2026', today)).toBe('2026-03-05');
    expect(parseDateInput('5.3', today)).toBe('2026-03-05');
    expect(parseDateInput('5.3.25', today)).toBe('2025-03-05');
    expect(parseDateInput('2026-03-05', today)).toBe('2026-03-05');
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateInput('3102', today)).toBeNull();
    expect(parseDateInput('2902', '2025-01-01')).toBeNull();
    expect(parseDateInput('2902', '2024-01-01')).toBe('2024-02-29');
    expect(parseDateInput('1313', today)).toBeNull();
    expect(parseDateInput('tomorrow', today)).toBeNull();
  });
});

describe('todayIso', () => {
  it('gives the date in Norway', () => {
    expect(todayIso(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
