import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatOrgNumber,
  monthNames,
} from '../src/format';

const NBSP = '\u00a0';

describe('formatAmount', () => {
  it('shows øre as kroner with two decimals and grouped thousands', () => {
    expect(formatAmount(123456)).toBe(`1${NBSP}234,56`);
    expect(formatAmount(0)).toBe('0,00');
    expect(formatAmount(5)).toBe('0,05');
    expect(formatAmount(100_000_000)).toBe(`1${NBSP}000${NBSP}000,00`);
  });

  it('marks negative amounts with a minus sign', () => {
    expect(formatAmount(-250)).toBe('\u22122,50');
  });
});

describe('formatDate', () => {
  it('shows a plain ISO date as dd.mm.yyyy', () => {
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
  });

  it('shows a timestamp as the date in Norway', () => {
    expect(formatDate('2026-12-03T23:30:00Z')).toBe('04.12.2026');
    expect(formatDate('2026-06-30T12:00:00Z')).toBe('30.06.2026');
  });

  it('leaves what is not a date alone', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatOrgNumber', () => {
  it('groups nine digits in threes', () => {
    expect(formatOrgNumber('923609016')).toBe('923 609 016');
    expect(formatOrgNumber('12345')).toBe('12345');
  });
});

describe('monthNames', () => {
  it('names the months in the interface language', () => {
    expect(monthNames('nb')[0]).toBe('Januar');
    expect(monthNames('en')[11]).toBe('December');
    expect(monthNames('nb')).toHaveLength(12);
  });
});

describe('formatDateTime', () => {
  it('shows a timestamp as date and time in Norway', () => {
    expect(formatDateTime('2026-12-03T13:05:00Z')).toBe('03.12.2026, 14:05');
    expect(formatDateTime('2026-06-30T12:00:00Z')).toBe('30.06.2026, 14:00');
  });
});

describe('formatLongDate', () => {
  it('writes the date out in the interface language', () => {
    expect(formatLongDate('2026-03-05', 'nb')).toBe('torsdag 5. mars 2026');
    expect(formatLongDate('2026-03-05', 'en')).toBe('Thursday, 5 March 2026');
  });
});
