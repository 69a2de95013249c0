import type { Account } from './types';

export function accountName(account: Account, language: string): string {
  return language === 'en' ? account.nameEn : account.nameNb;
}

/** "1920 Driftskonto i bank", as the account field shows a picked account. */
export function accountLabel(account: Account, language: string): string {
  return `${account.number} ${accountName(account, language)}`;
}

/**
 * The open accounts a search text points at: numbers starting with it first, then names
 * containing it (in either language), each group in number order.
 */
export function matchAccounts(accounts: readonly Account[], text: string, limit = 8): Account[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const open = accounts.filter((a) => !a.blocked);
  const byNumber = open.filter((a) => a.number.startsWith(query));
  const byName = open.filter(
    (a) =>
      !a.number.startsWith(query) &&
      (a.nameNb.toLowerCase().includes(query) || a.nameEn.toLowerCase().includes(query)),
  );
  return [...byNumber, ...byName].slice(0, limit);
}

/**
 * The one account a text stands for without choosing from a list: its leading account number
 * (as in "1920" or a picked "1920 Driftskonto i bank"), or the only account that matches.
 */
export function resolveAccount(accounts: readonly Account[], text: string): Account | null {
  const number = /^(\d{4,6})(\s|$)/.exec(text.trim())?.[1];
  if (number) return accounts.find((a) => a.number === number) ?? null;
  const matches = matchAccounts(accounts, text, 2);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
