import { describe, expect, it } from 'vitest';
import {
  addInterval,
  dueOccurrences,
  isRecurrenceInterval,
  isSubscriptionPeriod,
  occurrences,
  RECURRENCE_INTERVALS,
  type RecurrenceInterval,
  SUBSCRIPTION_PERIODS,
  type SubscriptionPeriod,
  subscriptionPeriodEnd,
} from '../src/index';

describe('addInterval', () => {
  it.each([
    ['2026-01-15', 'monthly', '2026-02-15'],
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2024-01-31', 'monthly', '2024-02-29'],
    ['2026-03-31', 'monthly', '2026-04-30'],
    ['2026-12-15', 'monthly', '2027-01-15'],
    ['2026-12-31', 'bimonthly', '2027-02-28'],
    ['2025-11-30', 'quarterly', '2026-02-28'],
    ['2026-08-31', 'halfyearly', '2027-02-28'],
    ['2024-02-29', 'yearly', '2025-02-28'],
    ['2026-02-28', 'monthly', '2026-03-28'],
  ] as const)('%s + %s → %s', (date, interval, next) => {
    expect(addInterval(date, interval)).toBe(next);
  });

  it('keeps the series day when it is given', () => {
    expect(addInterval('2026-02-28', 'monthly', 31)).toBe('2026-03-31');
    expect(addInterval('2026-03-31', 'monthly', 31)).toBe('2026-04-30');
    expect(addInterval('2025-02-28', 'yearly', 29)).toBe('2026-02-28');
    expect(addInterval('2027-02-28', 'yearly', 29)).toBe('2028-02-29');
  });

  it.each([
    ['an unknown interval', () => addInterval('2026-01-01', 'weekly' as RecurrenceInterval)],
    ['an impossible date', () => addInterval('2026-02-30', 'monthly')],
    ['day 0', () => addInterval('2026-01-01', 'monthly', 0)],
    ['day 32', () => addInterval('2026-01-01', 'monthly', 32)],
  ])('refuses %s', (_label, call) => {
    expect(call).toThrow(RangeError);
  });

  it('names exactly the five intervals', () => {
    expect(RECURRENCE_INTERVALS).toEqual([
      'monthly',
      'bimonthly',
      'quarterly',
      'halfyearly',
      'yearly',
    ]);
    expect(isRecurrenceInterval('quarterly')).toBe(true);
    expect(isRecurrenceInterval('weekly')).toBe(false);
  });
});

describe('occurrences', () => {
  it('follows the original day after a short month (no drift)', () => {
    expect(occurrences('2026-01-31', 'monthly', '2026-06-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('differs from chaining addInterval, which loses the 31st', () => {
    const chained = ['2026-01-31'];
    for (let i = 0; i < 2; i++) chained.push(addInterval(chained.at(-1)!, 'monthly'));
    expect(chained).toEqual(['2026-01-31', '2026-02-28', '2026-03-28']);
    expect(occurrences('2026-01-31', 'monthly', '2026-03-31')[2]).toBe('2026-03-31');
  });

  it('comes back to 29 February in leap years', () => {
    expect(occurrences('2024-02-29', 'yearly', '2028-03-01')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it.each([
    ['bimonthly', ['2026-10-31', '2026-12-31', '2027-02-28', '2027-04-30']],
    ['quarterly', ['2026-10-31', '2027-01-31', '2027-04-30']],
    ['halfyearly', ['2026-10-31', '2027-04-30']],
    ['yearly', ['2026-10-31']],
  ] as const)('runs %s across a year end', (interval, dates) => {
    expect(occurrences('2026-10-31', interval, '2027-05-15')).toEqual(dates);
  });

  it('includes the last date and the start itself', () => {
    expect(occurrences('2026-01-15', 'monthly', '2026-03-15')).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
    ]);
    expect(occurrences('2026-01-15', 'monthly', '2026-01-15')).toEqual(['2026-01-15']);
  });

  it('is empty when the last date is before the start', () => {
    expect(occurrences('2026-01-15', 'monthly', '2026-01-14')).toEqual([]);
  });
});

describe('dueOccurrences', () => {
  it('lists the dates up to and including the day', () => {
    expect(dueOccurrences('2026-01-31', 'monthly', '2026-03-31', null)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
    expect(dueOccurrences('2026-01-31', 'monthly', '2026-03-30', null)).toEqual([
      '2026-01-31',
      '2026-02-28',
    ]);
  });

  it('stops at the end date', () => {
    expect(dueOccurrences('2026-01-31', 'monthly', '2026-12-31', '2026-02-28')).toEqual([
      '2026-01-31',
      '2026-02-28',
    ]);
    expect(dueOccurrences('2026-01-15', 'quarterly', '2026-12-31', '2026-07-14')).toEqual([
      '2026-01-15',
      '2026-04-15',
    ]);
  });

  it('is empty when the next date is still to come or past the end', () => {
    expect(dueOccurrences('2026-05-01', 'monthly', '2026-04-30', null)).toEqual([]);
    expect(dueOccurrences('2026-05-01', 'monthly', '2026-06-30', '2026-04-30')).toEqual([]);
  });

  it('lists only the next date when that is the day', () => {
    expect(dueOccurrences('2026-05-01', 'yearly', '2026-05-01', null)).toEqual(['2026-05-01']);
  });

  it('keeps the series day across runs when it is given', () => {
    // A run on 2026-01-31 stored 2026-02-28 as the next date of a series on the 31st.
    const due = dueOccurrences('2026-02-28', 'monthly', '2026-04-30', null, 31);
    expect(due).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(addInterval(due.at(-1)!, 'monthly', 31)).toBe('2026-05-31');
  });

  it('refuses a badly written end date', () => {
    expect(() => dueOccurrences('2026-01-01', 'monthly', '2026-03-01', '2026-3-1')).toThrow(
      RangeError,
    );
  });
});

describe('subscriptionPeriodEnd', () => {
  it.each([
    ['2026-01-01', 'month', '2026-01-31'],
    ['2026-02-01', 'month', '2026-02-28'],
    ['2024-02-01', 'month', '2024-02-29'],
    ['2026-01-15', 'month', '2026-02-14'],
    ['2026-01-31', 'month', '2026-02-27'],
    ['2026-12-01', 'month', '2026-12-31'],
    ['2026-01-01', 'quarter', '2026-03-31'],
    ['2026-03-15', 'quarter', '2026-06-14'],
    ['2026-11-30', 'quarter', '2027-02-27'],
    ['2026-01-01', 'year', '2026-12-31'],
    ['2026-07-01', 'year', '2027-06-30'],
    ['2024-02-29', 'year', '2025-02-27'],
  ] as const)('%s for a %s ends %s', (start, period, end) => {
    expect(subscriptionPeriodEnd(start, period)).toBe(end);
  });

  it('ends the day before the next period starts, period after period', () => {
    const start = '2026-01-31';
    const end1 = subscriptionPeriodEnd(start, 'month', 31);
    expect(end1).toBe('2026-02-27');
    expect(subscriptionPeriodEnd('2026-02-28', 'month', 31)).toBe('2026-03-30');
    expect(subscriptionPeriodEnd('2026-03-31', 'month', 31)).toBe('2026-04-29');
  });

  it('supports exactly the periods an item can have', () => {
    expect(SUBSCRIPTION_PERIODS).toEqual(['month', 'quarter', 'year']);
    expect(isSubscriptionPeriod('year')).toBe(true);
    expect(isSubscriptionPeriod('week')).toBe(false);
    expect(() => subscriptionPeriodEnd('2026-01-01', 'week' as SubscriptionPeriod)).toThrow(
      /not a subscription period/,
    );
    expect(() => subscriptionPeriodEnd('2026-02-29', 'month')).toThrow(RangeError);
  });
});
