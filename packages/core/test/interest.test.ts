import { describe, expect, it } from 'vitest';
import {
  type LateInterestRate,
  lateInterest,
  MAX_FEE_REMINDERS,
  mayRemind,
  reminderFee,
} from '../src/index';

const RATES: LateInterestRate[] = [{ validFrom: '2025-01-01', basisPoints: 1250 }];

describe('lateInterest', () => {
  it('runs from the day after the due date to the end date inclusive, actual/365', () => {
    // 10 000,00 at 12,5 % for 2025-03-02 … 2025-03-31 (30 days) = 102,7397 → 102,74.
    const result = lateInterest(1_000_000, '2025-03-01', '2025-03-31', RATES);
    expect(result).toEqual({
      interest: 10_274,
      periods: [
        { from: '2025-03-02', to: '2025-03-31', days: 30, basisPoints: 1250, interest: 10_274 },
      ],
    });
  });

  it('counts one day when the end date is the day after the due date', () => {
    // 365 000,00 at 12,5 % for one day = 125,00 exactly.
    expect(lateInterest(36_500_000, '2025-05-01', '2025-05-02', RATES).interest).toBe(12_500);
  });

  it.each([
    ['on the due date', '2025-03-01'],
    ['before the due date', '2025-02-15'],
  ])('is zero with no periods %s', (_label, to) => {
    expect(lateInterest(1_000_000, '2025-03-01', to, RATES)).toEqual({ interest: 0, periods: [] });
  });

  it('splits the days at a change of rate and uses the rate in force each day', () => {
    const rates = [
      { validFrom: '2025-07-01', basisPoints: 1325 },
      { validFrom: '2025-01-01', basisPoints: 1250 },
    ];
    const result = lateInterest(1_234_567, '2025-06-20', '2025-07-10', rates);
    expect(result.periods).toEqual([
      { from: '2025-06-21', to: '2025-06-30', days: 10, basisPoints: 1250, interest: 4228 },
      { from: '2025-07-01', to: '2025-07-10', days: 10, basisPoints: 1325, interest: 4482 },
    ]);
    expect(result.interest).toBe(4228 + 4482);
  });

  it('does not split where a new row repeats the same rate', () => {
    const rates = [
      { validFrom: '2025-01-01', basisPoints: 1250 },
      { validFrom: '2025-07-01', basisPoints: 1250 },
      { validFrom: '2026-01-01', basisPoints: 1300 },
    ];
    const result = lateInterest(5_000_000, '2025-06-15', '2026-01-31', rates);
    expect(result.periods).toEqual([
      { from: '2025-06-16', to: '2025-12-31', days: 199, basisPoints: 1250, interest: 340_753 },
      { from: '2026-01-01', to: '2026-01-31', days: 31, basisPoints: 1300, interest: 55_205 },
    ]);
    expect(result.interest).toBe(395_958);
  });

  it('ignores rates that start after the end date', () => {
    const rates = [...RATES, { validFrom: '2025-07-01', basisPoints: 1400 }];
    const result = lateInterest(1_000_000, '2025-03-01', '2025-03-31', rates);
    expect(result.periods).toHaveLength(1);
    expect(result.interest).toBe(10_274);
  });

  it('starts with a change on the first interest day', () => {
    const rates = [...RATES, { validFrom: '2025-07-01', basisPoints: 1400 }];
    const result = lateInterest(1_000_000, '2025-06-30', '2025-07-05', rates);
    expect(result.periods).toEqual([
      { from: '2025-07-01', to: '2025-07-05', days: 5, basisPoints: 1400, interest: 1918 },
    ]);
  });

  it('rounds each period half away from zero', () => {
    // 10 % for 73 days is exactly 1/50 of the amount: 25 øre → 0,5 → 1; 75 → 1,5 → 2.
    const rates = [{ validFrom: '2024-01-01', basisPoints: 1000 }];
    expect(lateInterest(25, '2025-01-01', '2025-03-15', rates).interest).toBe(1);
    expect(lateInterest(75, '2025-01-01', '2025-03-15', rates).interest).toBe(2);
    expect(lateInterest(24, '2025-01-01', '2025-03-15', rates).interest).toBe(0);
    expect(lateInterest(-25, '2025-01-01', '2025-03-15', rates).interest).toBe(-1);
  });

  it('rounds per period, so the total is the sum of the rounded periods', () => {
    // 1 000,00 for 30 days at 10 % (821,9 øre) and 43 days at 10,01 % (1179,3 øre).
    const rates = [
      { validFrom: '2024-01-01', basisPoints: 1000 },
      { validFrom: '2025-02-01', basisPoints: 1001 },
    ];
    const result = lateInterest(100_000, '2025-01-01', '2025-03-15', rates);
    expect(result.periods.map((p) => p.days)).toEqual([30, 43]);
    expect(result.periods.map((p) => p.interest)).toEqual([822, 1179]);
    expect(result.interest).toBe(2001);
  });

  it('counts every day as 1/365 of the yearly rate, also in a leap year', () => {
    // 366 days at 10 % on 10 000,00 = 1002,74, a little more than a year's 10 %.
    const rates = [{ validFrom: '2020-01-01', basisPoints: 1000 }];
    const result = lateInterest(1_000_000, '2023-12-31', '2024-12-31', rates);
    expect(result.periods[0]?.days).toBe(366);
    expect(result.interest).toBe(100_274);
  });

  it('gives zero on a zero amount or a zero rate', () => {
    expect(lateInterest(0, '2025-03-01', '2025-03-31', RATES).interest).toBe(0);
    const zero = lateInterest(1_000_000, '2025-03-01', '2025-03-31', [
      { validFrom: '2025-01-01', basisPoints: 0 },
    ]);
    expect(zero.interest).toBe(0);
    expect(zero.periods).toHaveLength(1);
  });

  it('refuses a period with no rate in force', () => {
    expect(() => lateInterest(1_000_000, '2024-12-20', '2025-01-10', RATES)).toThrow(
      /No late-payment interest rate is in force on 2024-12-21/,
    );
    expect(() => lateInterest(1_000_000, '2025-03-01', '2025-03-31', [])).toThrow(RangeError);
  });

  it.each([
    ['a fractional amount', () => lateInterest(100.5, '2025-03-01', '2025-03-31', RATES)],
    ['an impossible due date', () => lateInterest(100, '2025-02-30', '2025-03-31', RATES)],
    ['a badly written end date', () => lateInterest(100, '2025-03-01', '31.03.2025', RATES)],
    [
      'a fractional rate',
      () =>
        lateInterest(100, '2025-03-01', '2025-03-31', [
          { validFrom: '2025-01-01', basisPoints: 12.5 },
        ]),
    ],
    [
      'a negative rate',
      () =>
        lateInterest(100, '2025-03-01', '2025-03-31', [
          { validFrom: '2025-01-01', basisPoints: -1 },
        ]),
    ],
    [
      'two different rates from one day',
      () =>
        lateInterest(100, '2025-03-01', '2025-03-31', [
          { validFrom: '2025-01-01', basisPoints: 1250 },
          { validFrom: '2025-01-01', basisPoints: 1300 },
        ]),
    ],
  ])('refuses %s', (_label, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('reminderFee', () => {
  it.each([
    [70_000, 3_500],
    [0, 0],
    [70_010, 3_501], // 35,005 rounds up
    [70_009, 3_500],
    [94_000, 4_700],
  ])('1/20 of an inkassosats of %d øre is %d øre', (sats, fee) => {
    expect(reminderFee(sats)).toBe(fee);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d', (sats) => {
    expect(() => reminderFee(sats)).toThrow(RangeError);
  });
});

describe('mayRemind', () => {
  const due = '2026-01-10';

  it('allows the first reminder at the earliest 14 days after the due date', () => {
    const early = mayRemind({
      dueDate: due,
      today: '2026-01-23',
      level: 1,
      lastReminderDate: null,
    });
    expect(early.allowed).toBe(false);
    expect(early.reason).toContain('2026-01-24');
    expect(
      mayRemind({ dueDate: due, today: '2026-01-24', level: 1, lastReminderDate: null }),
    ).toEqual({
      allowed: true,
    });
    expect(
      mayRemind({ dueDate: due, today: '2026-03-01', level: 1, lastReminderDate: null }).allowed,
    ).toBe(true);
  });

  it('refuses a reminder before or on the due date', () => {
    expect(
      mayRemind({ dueDate: due, today: '2026-01-05', level: 1, lastReminderDate: null }).allowed,
    ).toBe(false);
    expect(mayRemind({ dueDate: due, today: due, level: 1, lastReminderDate: null }).allowed).toBe(
      false,
    );
  });

  it('allows the second reminder 14 days after the first', () => {
    const input = { dueDate: due, level: 2, lastReminderDate: '2026-01-24' };
    const early = mayRemind({ ...input, today: '2026-02-06' });
    expect(early.allowed).toBe(false);
    expect(early.reason).toContain('2026-02-07');
    expect(mayRemind({ ...input, today: '2026-02-07' })).toEqual({ allowed: true });
  });

  it('refuses a second reminder when no first one was sent', () => {
    const result = mayRemind({
      dueDate: due,
      today: '2026-06-01',
      level: 2,
      lastReminderDate: null,
    });
    expect(result.allowed).toBe(false);
    expect(result.reason).toMatch(/first reminder/);
  });

  it('refuses a third reminder: collection is next', () => {
    expect(MAX_FEE_REMINDERS).toBe(2);
    const result = mayRemind({
      dueDate: due,
      today: '2026-06-01',
      level: 3,
      lastReminderDate: '2026-02-07',
    });
    expect(result.allowed).toBe(false);
    expect(result.reason).toMatch(/collection/);
  });

  it('waits longer when the company asks for more days', () => {
    const input = { dueDate: due, level: 1, lastReminderDate: null, minDays: 20 };
    expect(mayRemind({ ...input, today: '2026-01-29' }).allowed).toBe(false);
    expect(mayRemind({ ...input, today: '2026-01-30' }).allowed).toBe(true);
  });

  it.each([
    ['fewer than 14 days', { minDays: 10 }],
    ['level 0', { level: 0 }],
    ['a fractional level', { level: 1.5 }],
    ['a bad date', { today: '2026-13-01' }],
    ['a bad last reminder date', { lastReminderDate: 'yesterday' }],
  ])('refuses %s', (_label, change) => {
    expect(() =>
      mayRemind({ dueDate: due, today: '2026-03-01', level: 1, lastReminderDate: null, ...change }),
    ).toThrow(RangeError);
  });
});
