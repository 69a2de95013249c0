// Lines in a foreign currency: the amount is typed in the currency and the NOK amount follows
// from the rate, by the same rule as the server (voucher-rules.ts), so the balance shown is the
// balance saved.

/** "11,4532" or "11.4532" as the server wants it ("11.4532"); null when it is no rate. */
export function parseRate(text: string): string | null {
  const rate = text.trim().replace(',', '.');
  return /^\d{1,6}(\.\d{1,6})?$/.test(rate) && Number(rate) > 0 ? rate : null;
}

/** Three letters, upper-cased; null otherwise. NOK itself is left for the server to refuse. */
export function parseCurrencyCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** Minor units of the currency times the rate, in øre rounded half away from zero. */
export function nokAmount(minor: number, rate: string): number {
  const [whole = '0', fraction = ''] = rate.split('.');
  // In BigInt: an amount in cents times a rate with six decimals soon passes 2^53.
  const product = BigInt(minor) * BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const magnitude = (2n * (product < 0n ? -product : product) + scale) / (2n * scale);
  const result = Number(product < 0n ? -magnitude : magnitude);
  return result === 0 ? 0 : result;
}
