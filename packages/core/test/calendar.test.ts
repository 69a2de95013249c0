import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  fiscalYearOf,
  fiscalYearSpan,
  isIsoDate,
  periodOf,
} from '../src/accounting/calendar';

describe('fiscal years', () => {
  it('spans a calendar year with start month 1', () => {
    const span = fiscalYearSpan(2026, 1);
    expect([span.startDate, span.endDate]).toEqual(['2026-01-01', '2026-12-31']);
    expect(span.periods).toHaveLength(13);
    expect(span.periods[0]).toEqual({ period: 0, startDate: '2026-01-01', endDate: '2026-01-01' });
    expect(span.periods[2]).toEqual({ period: 2, startDate: '2026-02-01', endDate: '2026-02-28' });
  });

  it('crosses the new year with start month 7', () => {
    const span = fiscalYearSpan(2026, 7);
    expect([span.startDate, span.endDate]).toEqual(['2026-07-01', '2027-06-30']);
    expect(span.periods[7]).toEqual({ period: 7, startDate: '2027-01-01', endDate: '2027-01-31' });
    expect(span.periods[8]?.endDate).toBe('2027-02-28');
  });

  it('handles leap years', () => {
    expect(fiscalYearSpan(2028, 1).periods[2]?.endDate).toBe('2028-02-29');
  });

  it.each([
    ['2026-03-15', 1, 2026, 3],
    ['2026-03-15', 7, 2025, 9],
    ['2026-07-01', 7, 2026, 1],
    ['2026-06-30', 7, 2025, 12],
    ['2026-12-31', 12, 2026, 1],
  ])('%s with start month %d is fiscal year %d period %d', (date, start, year, period) => {
    expect(fiscalYearOf(date, start)).toBe(year);
    expect(periodOf(date, start)).toBe(period);
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-1', false],
  ])('%s is a date: %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('steps back over month and year ends', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
