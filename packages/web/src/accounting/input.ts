// Reading what an accountant types: amounts the Norwegian way and dates in the short forms
// used when punching vouchers from paper.

/**
 * "1234,50", "1 234,5", "1234.50" or "-75" as øre; null for anything that is not exactly an
 * amount in øre. A comma is the decimal mark when present; otherwise a single dot with one or
 * two digits after it is, and other dots group thousands.
 */
export function parseAmount(text: string): number | null {
  const compact = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace('\u2212', '-');
  const normalised = compact.includes(',')
    ? compact.replace(/\./g, '').replace(',', '.')
    : /^-?\d+\.\d{1,2}$/.test(compact)
      ? compact
      : compact.replace(/\./g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(normalised);
  if (!match) return null;
  const [, minus, kroner = '0', ore = ''] = match;
  const value = Number(kroner) * 100 + Number(ore.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return minus && value !== 0 ? -value : value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in Norway as YYYY-MM-DD, the date the books go by. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A typed date as YYYY-MM-DD: "0503" (5 March this year), "050326", "05032026", "5.3",
 * "5.3.26", "05.03.2026" or an ISO date; null when it is no real date. `today` gives the year
 * when none is typed.
 */
export function parseDateInput(text: string, today: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const digits = /^(\d{2})(\d{2})(\d{2}|\d{4})?$/.exec(value);
  const dotted = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$/.exec(value);
  const parts = digits ?? dotted;
  if (!parts) return null;
  const [, day = '', month = '', year] = parts;
  const fullYear = year === undefined ? Number(today.slice(0, 4)) : Number(year);
  return isoIfReal(year?.length === 2 ? 2000 + fullYear : fullYear, Number(month), Number(day));
}
