// The entry form finds its fields through data attributes, in the order they are on screen,
// so moving on with Enter follows the same path as Tab without a list kept by hand.

export function fieldAttributes(path: string, line?: number): Record<string, string | number> {
  return {
    'data-entry-field': '',
    'data-field': path,
    ...(line === undefined ? {} : { 'data-line': line }),
  };
}

export function fieldPathOf(element: Element | null): string | null {
  return element instanceof HTMLElement ? (element.dataset.field ?? null) : null;
}

function entryFields(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-entry-field]')].filter(
    (element) => !element.hasAttribute('disabled'),
  );
}

function focusElement(element: HTMLElement) {
  element.focus();
  // A field reached from the keyboard is there to be typed over, as in a spreadsheet; the
  // selection runs backwards so a long text shows from its start.
  if (element instanceof HTMLInputElement) {
    element.setSelectionRange(0, element.value.length, 'backward');
  }
}

export function focusField(container: HTMLElement, path: string): boolean {
  const element = container.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  if (!element) return false;
  focusElement(element);
  return true;
}

/** Moves to the field after `from`, passing over `skip` more; false when there is none. */
export function focusNextField(container: HTMLElement, from: HTMLElement, skip = 0): boolean {
  const fields = entryFields(container);
  const next = fields[fields.indexOf(from) + 1 + skip];
  if (!next) return false;
  focusElement(next);
  return true;
}

/** The first field, in screen order, of those named. */
export function firstFieldOf(container: HTMLElement, paths: readonly string[]): string | null {
  const wanted = new Set(paths);
  for (const element of entryFields(container)) {
    const path = fieldPathOf(element);
    if (path && wanted.has(path)) return path;
  }
  return null;
}
