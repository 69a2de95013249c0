import { useSignedIn } from '../auth/session';
import { navigate, type SearchParams, usePath, useSearchParams } from '../shell/router';
import { useFiscalYears } from './api';
import { todayIso } from './input';
import type { DateRange, FiscalYear } from './types';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** From the first day of the fiscal year that holds today, up to today. */
export function fiscalYearToDate(years: readonly FiscalYear[], today = todayIso()): DateRange {
  const year = years.find((y) => y.startDate <= today && y.endDate >= today);
  return { from: year?.startDate ?? `${today.slice(0, 4)}-01-01`, to: today };
}

export function monthToDate(today = todayIso()): DateRange {
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The default range of the reports: this fiscal year so far. */
export function useFiscalYearToDate(): DateRange {
  const { company } = useSignedIn();
  return fiscalYearToDate(useFiscalYears(company.id).data ?? []);
}

/**
 * The dates a screen shows, kept in the address (…?from=…&to=…) so that a reload, a link or
 * the back button returns to the same figures.
 */
export function useRangeParams(fallback: DateRange) {
  const params = useSearchParams();
  const path = usePath();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range: DateRange = {
    from: ISO.test(from) ? from : fallback.from,
    to: ISO.test(to) ? to : fallback.to,
  };
  const setRange = (next: DateRange, extra: SearchParams = {}) =>
    navigate(path, { ...Object.fromEntries(params), ...extra, ...next });
  return { range, params, setRange };
}
