import { dayBefore } from '../accounting/calendar';
import { addMonths, dayNumber, requireDate } from './dates';

/**
 * Recurring documents (a monthly invoice, a yearly service order) and subscription
 * periods. Dates move by calendar months; a date on a day the target month does not have
 * falls on that month's last day, and later dates go back to the original day:
 * 2026-01-31 monthly gives 2026-02-28, then 2026-03-31.
 */
export const RECURRENCE_INTERVALS = [
  'monthly',
  'bimonthly',
  'quarterly',
  'halfyearly',
  'yearly',
] as const;
export type RecurrenceInterval = (typeof RECURRENCE_INTERVALS)[number];

const INTERVAL_MONTHS: Readonly<Record<RecurrenceInterval, number>> = {
  monthly: 1,
  bimonthly: 2,
  quarterly: 3,
  halfyearly: 6,
  yearly: 12,
};

export function isRecurrenceInterval(value: string): value is RecurrenceInterval {
  return (RECURRENCE_INTERVALS as readonly string[]).includes(value);
}

function monthsOf(interval: RecurrenceInterval): number {
  const months = INTERVAL_MONTHS[interval];
  if (months === undefined) {
    throw new RangeError(
      `"${interval}" is not an interval; use one of ${RECURRENCE_INTERVALS.join(', ')}.`,
    );
  }
  return months;
}

function anchorOf(date: string, anchorDay: number | undefined): number {
  if (anchorDay === undefined) return Number(date.slice(8, 10));
  if (!Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 31) {
    throw new RangeError(`A day of the month is 1 to 31, not ${anchorDay}.`);
  }
  return anchorDay;
}

/**
 * One interval after `date`, on the same day of the month or the month's last day when it
 * is shorter. Chained calls lose a 31st once they pass a shorter month
 * (01-31 → 02-28 → 03-28); pass the series' original day as `anchorDay` to keep it
 * (02-28 with day 31 → 03-31), or use `occurrences`.
 */
export function addInterval(
  date: string,
  interval: RecurrenceInterval,
  anchorDay?: number,
): string {
  requireDate(date, 'date');
  return addMonths(date, monthsOf(interval), anchorOf(date, anchorDay));
}

/**
 * The dates of a series from `start` up to and including `until`, each counted from the
 * start date so the day of the month never drifts: 2026-01-31 monthly → 01-31, 02-28,
 * 03-31, 04-30 …
 */
export function occurrences(start: string, interval: RecurrenceInterval, until: string): string[] {
  requireDate(start, 'start date');
  requireDate(until, 'last date');
  return series(start, monthsOf(interval), Number(start.slice(8, 10)), until);
}

/**
 * The dates a recurring document is due on, from its next date up to and including
 * `asOf`, and not after its end date when it has one. The day of the month follows
 * `anchorDay` (by default the day of `next`); the following date to store as the next one
 * is `addInterval(last, interval, anchorDay)`.
 */
export function dueOccurrences(
  next: string,
  interval: RecurrenceInterval,
  asOf: string,
  end: string | null,
  anchorDay?: number,
): string[] {
  requireDate(next, 'next date');
  requireDate(asOf, 'date');
  if (end !== null) requireDate(end, 'end date');
  const until = end !== null && end < asOf ? end : asOf;
  return series(next, monthsOf(interval), anchorOf(next, anchorDay), until);
}

function series(start: string, months: number, anchorDay: number, until: string): string[] {
  const dates: string[] = [];
  if (dayNumber(until) < dayNumber(start)) return dates;
  dates.push(start);
  for (let k = 1; ; k++) {
    const date = addMonths(start, k * months, anchorDay);
    if (date > until) return dates;
    dates.push(date);
  }
}

/** The periods a subscription item runs for (the item's subscription period). */
export const SUBSCRIPTION_PERIODS = ['month', 'quarter', 'year'] as const;
export type SubscriptionPeriod = (typeof SUBSCRIPTION_PERIODS)[number];

const PERIOD_MONTHS: Readonly<Record<SubscriptionPeriod, number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

export function isSubscriptionPeriod(value: string): value is SubscriptionPeriod {
  return (SUBSCRIPTION_PERIODS as readonly string[]).includes(value);
}

/**
 * The last day of a subscription period that starts on `start`: the day before the same
 * day one period later. 2026-01-01 month → 2026-01-31; 2026-03-15 quarter → 2026-06-14;
 * 2026-01-31 month → 2026-02-27 (the next period starts 2026-02-28). When renewing, pass
 * the first period's start day as `anchorDay` so the periods keep starting on that day, or
 * on the month's last day when it is shorter: 2026-02-28 month with day 31 → 2026-03-30.
 */
export function subscriptionPeriodEnd(
  start: string,
  period: SubscriptionPeriod,
  anchorDay?: number,
): string {
  requireDate(start, 'start date');
  const months = PERIOD_MONTHS[period];
  if (months === undefined) {
    throw new RangeError(
      `"${period}" is not a subscription period; use one of ${SUBSCRIPTION_PERIODS.join(', ')}.`,
    );
  }
  return dayBefore(addMonths(start, months, anchorOf(start, anchorDay)));
}
