import { useSyncExternalStore } from 'react';

// The app lives in the URL fragment (#/settings/company), so the server only ever has to serve
// index.html at its root and a reload lands on the same screen.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** "#/settings/company?x=1" → "/settings/company"; no fragment → "/". */
export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function usePath(): string {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return pathFromHash(hash);
}

export function hrefFor(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
