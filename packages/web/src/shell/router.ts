import { useMemo, useSyncExternalStore } from 'react';

// The app lives in the URL fragment (#/settings/company), so the server only ever has to serve
// index.html at its root and a reload lands on the same screen.

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
  };
}

function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** "#/settings/company?x=1" → "/settings/company"; no fragment → "/". */
export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** "#/reports/trial-balance?from=2026-01-01" → from=2026-01-01, as search parameters. */
export function searchFromHash(hash: string): URLSearchParams {
  const start = hash.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : hash.slice(start + 1));
}

export function usePath(): string {
  return pathFromHash(useHash());
}

/** The parameters after the path, so a report's dates survive a reload and can be linked. */
export function useSearchParams(): URLSearchParams {
  const hash = useHash();
  return useMemo(() => searchFromHash(hash), [hash]);
}

export type SearchParams = Record<string, string | number | undefined>;

export function hrefFor(path: string, params: SearchParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/**
 * Goes to a screen. The new address is read at once rather than on the browser's later
 * 'hashchange' event, so a control that lives in the address (a checkbox, a filter) shows
 * its new state in the same moment it is clicked instead of flicking back for a frame.
 */
export function navigate(path: string, params: SearchParams = {}): void {
  window.location.hash = hrefFor(path, params).slice(1);
  for (const listener of listeners) listener();
}
