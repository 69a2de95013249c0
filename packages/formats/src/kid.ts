/**
 * KID (kundeidentifikasjon), the payment reference on Norwegian invoices: 2–25 digits whose
 * last digit is a MOD10 (Luhn) or MOD11 check digit. With MOD11 a remainder of 10 is
 * written as "-", so such a KID ends in a dash.
 *
 * MOD10 example, 1234567897: from the right, the digits before the check digit are
 * weighted 2, 1, 2, 1 …; products over 9 add their digits; 7·2=14→5, 9·1, 5·2=10→1 … sum
 * to 43, and (10 − 43 mod 10) mod 10 = 7.
 */
export type KidMethod = 'mod10' | 'mod11';

export function mod10CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = i % 2 === 0 ? 2 : 1;
    const product = Number(digits[digits.length - 1 - i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return String((10 - (sum % 10)) % 10);
}

export function mod11CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (i % 6) + 2;
    sum += Number(digits[digits.length - 1 - i]) * weight;
  }
  const rest = 11 - (sum % 11);
  if (rest === 11) return '0';
  if (rest === 10) return '-';
  return String(rest);
}

/** A KID with a valid check digit by either method (the sender chooses the method). */
export function isValidKid(kid: string): boolean {
  if (!/^\d{1,24}[\d-]$/.test(kid)) return false;
  const body = kid.slice(0, -1);
  const check = kid.slice(-1);
  return mod10CheckDigit(body) === check || mod11CheckDigit(body) === check;
}

/** Appends the check digit: makeKid('123456789', 'mod10') → '1234567897'. */
export function makeKid(body: string, method: KidMethod): string {
  if (!/^\d{1,24}$/.test(body)) throw new Error(`A KID body is 1 to 24 digits, not "${body}".`);
  return body + (method === 'mod10' ? mod10CheckDigit(body) : mod11CheckDigit(body));
}
