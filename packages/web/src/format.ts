// Amounts and dates are always shown the Norwegian way, whatever the interface language,
// so that figures read the same as on invoices and in the accounts.
const amountFormat = new Intl.NumberFormat('nb-NO', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Øre (hundredths of a krone) as "1 234,56". The grouping character is a no-break space
 * (U+00A0) and negatives use the minus sign U+2212, so an amount never wraps across lines.
 */
export function formatAmount(ore: number): string {
  return amountFormat.format(ore / 100);
}

const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Oslo',
});

/**
 * An ISO date as "03.12.2026". A plain date is taken as written; a timestamp is shown as
 * the date it was in Norway, since that is the date the books go by.
 */
export function formatDate(iso: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[3]}.${plain[2]}.${plain[1]}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

/** An organisation number grouped as "123 456 789"; anything else is returned unchanged. */
export function formatOrgNumber(value: string): string {
  const digits = value.replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? digits.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : value;
}

/** Month names in the interface language, index 0 = January, capitalised for lists. */
export function monthNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    month: 'long',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, i) => {
    const name = format.format(new Date(Date.UTC(2024, i, 15)));
    return name.charAt(0).toUpperCase() + name.slice(1);
  });
}

const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});

/** A timestamp as "03.12.2026, 14:05" in Norwegian time, as in an audit trail. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** "torsdag 5. mars 2026": a date in words, so that a slip in typing it is seen at once. */
export function formatLongDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}
