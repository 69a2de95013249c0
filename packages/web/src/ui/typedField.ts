import { useEffect, useRef, useState } from 'react';

/**
 * The text a user types into a field that stands for a parsed value (a date, a time). The
 * field keeps what was typed, reports the parsed value (null when empty or unreadable) and
 * shows a new value from outside, such as a reset form or another record, in the tidy form.
 */
export function useTypedField(
  value: string | null,
  onChange: (value: string | null) => void,
  parse: (text: string) => string | null,
  show: (value: string) => string,
) {
  const [text, setText] = useState(value ? show(value) : '');
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value ? show(value) : '');
    }
  }, [value, show]);
  const parsed = text.trim() ? parse(text) : null;
  return {
    text,
    parsed,
    /** Text is typed that is no value: the form must not take the field as empty. */
    unreadable: text.trim() !== '' && parsed === null,
    change(next: string) {
      setText(next);
      const nextValue = next.trim() ? parse(next) : null;
      reported.current = nextValue;
      onChange(nextValue);
    },
    /** On leaving the field, what was typed short is shown in full. */
    tidy() {
      if (parsed) setText(show(parsed));
    },
  };
}

/**
 * Stops a form's submit when a date or time field holds text that is no date or time, and puts
 * the cursor there; otherwise a mistyped optional date would be sent as no date at all.
 */
export function focusUnreadableField(form: HTMLFormElement): boolean {
  const field = form.querySelector<HTMLInputElement>('input[data-unreadable]');
  field?.focus();
  return field !== null;
}
