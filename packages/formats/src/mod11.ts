/**
 * Norwegian MOD11 check digits, as used in organisation numbers (weights 3 2 7 6 5 4 3 2)
 * and bank account numbers (weights 5 4 3 2 7 6 5 4 3 2).
 *
 * Worked example, org number 923609016: 9·3 + 2·2 + 3·7 + 6·6 + 0·5 + 9·4 + 0·3 + 1·2 = 126,
 * 126 mod 11 = 5, 11 − 5 = 6, which is the last digit.
 */
function mod11CheckDigit(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return null; // no valid number ends this way
  return rest;
}

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes the spaces and dots people type in numbers: "923 609 016", "1503.25.12345". */
export function compactNumber(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/** A 9-digit organisation number (Enhetsregisteret) with a valid MOD11 check digit. */
export function isValidOrgNumber(value: string): boolean {
  const digits = compactNumber(value);
  if (!/^\d{9}$/.test(digits)) return false;
  return mod11CheckDigit(digits, ORG_WEIGHTS) === Number(digits[8]);
}

/** An 11-digit Norwegian bank account number with a valid MOD11 check digit. */
export function isValidBankAccount(value: string): boolean {
  const digits = compactNumber(value);
  if (!/^\d{11}$/.test(digits)) return false;
  return mod11CheckDigit(digits, ACCOUNT_WEIGHTS) === Number(digits[10]);
}

/** "923609016" → "923 609 016". */
export function formatOrgNumber(value: string): string {
  const d = compactNumber(value);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

/** "15032512345" → "1503.25.12345". */
export function formatBankAccount(value: string): string {
  const d = compactNumber(value);
  return `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6)}`;
}
