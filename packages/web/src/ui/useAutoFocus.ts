import { useEffect, useRef } from 'react';

/**
 * Focuses the element once it is shown, so a form can be filled in straight from the keyboard.
 * (A hook rather than the autoFocus attribute, which React applies only on first mount.)
 */
export function useAutoFocus<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
