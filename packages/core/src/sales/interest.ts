import { divideRounded, type Ore } from '../money';
import { addDays, dateOfDay, dayNumber, requireDate } from './dates';

/**
 * Late-payment interest (forsinkelsesrente) and reminders (purring).
 *
 * The interest rate is set for each half-year (from 1 January and 1 July) and kept in a
 * dated table that administrators maintain; a claim that is late across a change of rate
 * earns each rate for the days it was in force.
 */

/** A row of the rate table: the yearly rate in basis points (1250 = 12,5 %) from a date. */
export interface LateInterestRate {
  validFrom: string;
  basisPoints: number;
}

/** Days of a late claim that earned one rate, and the interest for them. */
export interface InterestPeriod {
  from: string;
  to: string;
  days: number;
  basisPoints: number;
  interest: Ore;
}

/**
 * Days are counted actual/365: each late day earns 1/365 of the yearly rate, also in leap
 * years. This is a choice, because the convention the law expects is unconfirmed.
 */
const DAYS_PER_YEAR = 365n;

/**
 * Interest on `amount` that fell due on `dueDate`, for each day from the day after the due
 * date up to and including `to`. The days are split where the rate in force changes; each
 * part is rounded to øre, half away from zero, and the interest is the sum of the parts.
 * Example: 10 000,00 at 12,5 % for 30 days = 102,74.
 */
export function lateInterest(
  amount: Ore,
  dueDate: string,
  to: string,
  rates: readonly LateInterestRate[],
): { interest: Ore; periods: InterestPeriod[] } {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`The amount must be a whole number of øre, not ${amount}.`);
  }
  requireDate(dueDate, 'due date');
  requireDate(to, 'date interest is computed to');
  const table = rateTable(rates);
  const first = dayNumber(dueDate) + 1;
  const last = dayNumber(to);
  if (last < first) return { interest: 0, periods: [] };

  let index = -1;
  for (let i = 0; i < table.length; i++) if (table[i]!.day <= first) index = i;
  if (index < 0) {
    throw new RangeError(
      `No late-payment interest rate is in force on ${dateOfDay(first)}; add the rate that applies from that date.`,
    );
  }

  const periods: InterestPeriod[] = [];
  let start = first;
  while (start <= last) {
    const { basisPoints } = table[index]!;
    // The next row whose rate differs; rows that repeat the rate do not split the period.
    let next = index + 1;
    while (next < table.length && table[next]!.basisPoints === basisPoints) next++;
    const end = next < table.length ? Math.min(last, table[next]!.day - 1) : last;
    const days = end - start + 1;
    periods.push({
      from: dateOfDay(start),
      to: dateOfDay(end),
      days,
      basisPoints,
      interest: divideRounded(
        BigInt(amount) * BigInt(basisPoints) * BigInt(days),
        10_000n * DAYS_PER_YEAR,
      ),
    });
    start = end + 1;
    index = next;
  }
  return { interest: periods.reduce((s, p) => s + p.interest, 0), periods };
}

function rateTable(rates: readonly LateInterestRate[]): { day: number; basisPoints: number }[] {
  const table = rates.map((rate) => {
    requireDate(rate.validFrom, 'first day of an interest rate');
    if (!Number.isInteger(rate.basisPoints) || rate.basisPoints < 0) {
      throw new RangeError(
        `The interest rate from ${rate.validFrom} must be a whole number ` +
          `of basis points (1250 = 12,5 %), not ${rate.basisPoints}.`,
      );
    }
    return { day: dayNumber(rate.validFrom), basisPoints: rate.basisPoints };
  });
  table.sort((a, b) => a.day - b.day);
  for (let i = 1; i < table.length; i++) {
    if (
      table[i]!.day === table[i - 1]!.day &&
      table[i]!.basisPoints !== table[i - 1]!.basisPoints
    ) {
      throw new RangeError(
        `Two different interest rates start on ${dateOfDay(table[i]!.day)}; keep only the right one.`,
      );
    }
  }
  return table;
}

/**
 * The most a reminder may charge: 1/20 of the inkassosats (inkassoforskriften § 1-2),
 * rounded to øre. An inkassosats of 700,00 gives 35,00.
 */
export function reminderFee(inkassosats: Ore): Ore {
  if (!Number.isSafeInteger(inkassosats) || inkassosats < 0) {
    throw new RangeError(
      `The inkassosats must be a whole, positive number of øre, not ${inkassosats}.`,
    );
  }
  return divideRounded(BigInt(inkassosats), 20n);
}

/** Reminders with a fee per claim; after the second, collection is the next step. */
export const MAX_FEE_REMINDERS = 2;

/** The law's shortest wait, in days, after the due date and between reminders. */
export const MIN_REMINDER_DAYS = 14;

/**
 * Whether the reminder of `level` (1 for the first, 2 for the second) may be sent on
 * `today`. The first may be sent at the earliest `minDays` days after the due date, the
 * second at the earliest `minDays` days after the first (the deadline the first gave);
 * a third with a fee is refused, since the claim then goes to collection.
 */
export function mayRemind(input: {
  dueDate: string;
  today: string;
  level: number;
  lastReminderDate: string | null;
  minDays?: number;
}): { allowed: boolean; reason?: string } {
  const { level, lastReminderDate } = input;
  const minDays = input.minDays ?? MIN_REMINDER_DAYS;
  const dueDate = requireDate(input.dueDate, 'due date');
  const today = requireDate(input.today, "day's date");
  if (lastReminderDate !== null) requireDate(lastReminderDate, 'date of the last reminder');
  if (!Number.isInteger(level) || level < 1) {
    throw new RangeError(
      `A reminder level is 1 for the first reminder, 2 for the second, not ${level}.`,
    );
  }
  if (!Number.isInteger(minDays) || minDays < MIN_REMINDER_DAYS) {
    throw new RangeError(
      `Reminders may be sent at the earliest ${MIN_REMINDER_DAYS} days apart; ${minDays} days is too short.`,
    );
  }
  if (level > MAX_FEE_REMINDERS) {
    return {
      allowed: false,
      reason:
        `${MAX_FEE_REMINDERS} reminders have already been sent for this claim; ` +
        `the next step is debt collection (inkasso), not another reminder.`,
    };
  }
  const afterDue = addDays(dueDate, minDays);
  if (level === 1) {
    if (today < afterDue) {
      return {
        allowed: false,
        reason: `The first reminder can be sent from ${afterDue}, ${minDays} days after the due date ${dueDate}.`,
      };
    }
    return { allowed: true };
  }
  if (lastReminderDate === null) {
    return {
      allowed: false,
      reason: 'The first reminder has not been sent yet; send it before a second one.',
    };
  }
  const earliest = dateOfDay(Math.max(dayNumber(lastReminderDate), dayNumber(dueDate)) + minDays);
  if (today < earliest) {
    return {
      allowed: false,
      reason:
        `The second reminder can be sent from ${earliest}, ${minDays} ` +
        `days after the first reminder of ${lastReminderDate}.`,
    };
  }
  return { allowed: true };
}
