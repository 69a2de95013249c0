import type { Dispatch, KeyboardEvent, RefObject } from 'react';
import {
  type DraftAction,
  isBlank,
  type LineField,
  lineFields,
  linePath,
  type VoucherDraft,
} from './draft';
import { fieldPathOf, focusNextField } from './fields';

interface EntryKeyboard {
  container: RefObject<HTMLElement | null>;
  draft: VoucherDraft;
  dispatch: Dispatch<DraftAction>;
  dimensions: { departments: boolean; projects: boolean };
  save: () => void;
  /** Focuses a field once the next render has put it on screen. */
  focusLater: (path: string) => void;
  onFinished: () => void;
}

/**
 * The keys of the entry screen: Enter moves on like Tab; leaving a line's last field starts
 * the next line; Ctrl+D copies the line above; Ctrl+Delete removes a line; Ctrl+M opens the
 * currency fields of a line; Ctrl+Enter saves.
 */
export function useEntryKeyboard(options: EntryKeyboard) {
  const { container, draft, dispatch, dimensions, save, focusLater, onFinished } = options;

  const lineOf = (target: HTMLElement) => {
    const value = target.closest<HTMLElement>('[data-line]')?.dataset.line;
    return value === undefined ? null : Number(value);
  };

  const shortcut = (event: KeyboardEvent<HTMLElement>, line: number | null) => {
    const key = event.key.toLowerCase();
    if (key === 'enter') {
      event.preventDefault();
      save();
    } else if (key === 'd' && line !== null) {
      event.preventDefault();
      const previous = draft.lines[line - 1];
      if (!previous) return;
      dispatch({ type: 'copyPrevious', index: line });
      focusLater(linePath(line, previous.credit.trim() ? 'credit' : 'debit'));
    } else if (key === 'm' && line !== null) {
      event.preventDefault();
      dispatch({ type: 'openCurrency', index: line });
      focusLater(linePath(line, 'currencyCode'));
    } else if (key === 'delete' && line !== null) {
      event.preventDefault();
      dispatch({ type: 'removeLine', index: line });
      focusLater(linePath(Math.max(0, Math.min(line, draft.lines.length - 2)), 'account'));
    }
  };

  /** Leaving the last field of a line: on to the next line, started if need be. */
  const leaveLine = (event: KeyboardEvent<HTMLElement>, line: number) => {
    const isLast = line === draft.lines.length - 1;
    if (!isLast) {
      event.preventDefault();
      focusLater(linePath(line + 1, 'account'));
      return;
    }
    event.preventDefault();
    const current = draft.lines[line];
    if (!current || isBlank(current)) return onFinished();
    dispatch({ type: 'addLine' });
    focusLater(linePath(line + 1, 'account'));
  };

  return (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const line = lineOf(target);
    if (event.ctrlKey || event.metaKey) return shortcut(event, line);
    const path = fieldPathOf(target);
    const enter = event.key === 'Enter';
    const forwardTab = event.key === 'Tab' && !event.shiftKey;
    if (!path || event.altKey || !(enter || forwardTab)) return;
    const current = line === null ? undefined : draft.lines[line];
    if (line !== null && current) {
      const fields = lineFields(current, dimensions);
      const field = path.split('.')[2] as LineField;
      if (field === fields[fields.length - 1]) return leaveLine(event, line);
    }
    if (!enter || !container.current) return;
    event.preventDefault();
    focusNextField(container.current, target, Number(target.dataset.skipNext ?? 0));
  };
}
