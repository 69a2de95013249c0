import type { Account } from '../types';

/** Accounts of the income statement a budget is kept for: classes 3–8, below 8800. */
export function isBudgetAccount(account: Pick<Account, 'number'>): boolean {
  const first = Number(account.number[0]);
  return first >= 3 && first <= 8 && Number(account.number.slice(0, 4)) < 8800;
}

/**
 * Income is credit, so negative in the ledger; on screen it is typed and shown positive, as
 * an accountant reads a sales budget. The same flip turns screen figures into API figures.
 */
export function screenSign(account: string): 1 | -1 {
  return account.startsWith('3') ? -1 : 1;
}

export function toScreen(account: string, periods: readonly number[]): number[] {
  return periods.map((amount) => (amount === 0 ? 0 : amount * screenSign(account)));
}

export const EMPTY_PERIODS: readonly number[] = Array.from({ length: 12 }, () => 0);
