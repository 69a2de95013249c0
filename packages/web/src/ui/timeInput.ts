// Reading a time of day the way it is typed quickly on a Norwegian keyboard: 24-hour clock,
// with or without a separator.

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A typed time as HH:MM: "930", "0930", "9:30", "9.30", "09 30" or just the hour ("9", "14");
 * null when it is no time of day (24:00 and later, minutes past 59, anything else).
 */
export function parseTimeInput(text: string): string | null {
  const value = text.trim();
  const match =
    /^(\d{1,2})(?:[:.\s](\d{2}))?$/.exec(value) ?? /^(\d{1,2})(\d{2})$/.exec(value) ?? null;
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
