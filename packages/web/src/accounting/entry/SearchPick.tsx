import { Combobox, TextInput, type TextInputProps, useCombobox } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useState } from 'react';

export interface SearchPickProps<T> {
  picked: T | null;
  onPick: (item: T | null) => void;
  /** Suggestions for a typed text, best first. */
  suggest: (text: string) => T[];
  /** The one item a text stands for without choosing from the list, or null. */
  resolve: (text: string) => T | null;
  keyOf: (item: T) => string;
  labelOf: (item: T) => string;
  renderOption?: (item: T) => ReactNode;
  /** Text kept by the caller (the account field keeps what was typed in the draft). */
  text?: string;
  onText?: (text: string) => void;
  inputProps: TextInputProps & Record<string, unknown>;
  dropdownWidth?: number;
  listLabel?: string;
}

/**
 * A field where a thing is found by typing part of it: the matches drop down with the first
 * one chosen, Enter or Tab takes it, and text that points at one thing only is taken without
 * the list. Emptying the field and leaving it clears the choice.
 */
export function SearchPick<T>(props: SearchPickProps<T>) {
  const { picked, onPick, suggest, resolve, keyOf, labelOf, renderOption, inputProps } = props;
  const combobox = useCombobox();
  const { selectFirstOption } = combobox;
  const pickedLabel = picked ? labelOf(picked) : '';
  const [ownText, setOwnText] = useState(pickedLabel);
  const [shownLabel, setShownLabel] = useState(pickedLabel);
  // A choice made elsewhere (a copied line, a reset form) shows up in the field.
  if (pickedLabel !== shownLabel) {
    setShownLabel(pickedLabel);
    setOwnText(pickedLabel);
  }
  const text = props.text ?? ownText;
  const searching = text !== pickedLabel;
  const options = useMemo(() => (searching ? suggest(text) : []), [searching, suggest, text]);

  useEffect(() => {
    if (options.length > 0) selectFirstOption();
  }, [options, selectFirstOption]);

  const setText = (value: string) => {
    setOwnText(value);
    props.onText?.(value);
  };
  const take = (item: T | null) => {
    onPick(item);
    setOwnText(item ? labelOf(item) : '');
    combobox.closeDropdown();
  };
  const highlighted = () =>
    combobox.dropdownOpened ? options[combobox.getSelectedOptionIndex()] : undefined;
  /** What leaving the field takes: the highlighted match, the one match, or nothing. */
  const settle = () => {
    if (!searching) return true;
    if (!text.trim()) {
      take(null);
      return true;
    }
    const item = highlighted() ?? resolve(text);
    if (item) take(item);
    return item !== null && item !== undefined;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Tab' && !event.shiftKey) settle();
    if (event.key !== 'Enter') return;
    // With a suggestion highlighted, the list submits it and the form moves on.
    if (highlighted()) return;
    if (settle()) return;
    // Nothing to take: stay, with the list open, rather than move on with the wrong thing.
    event.preventDefault();
    event.stopPropagation();
    combobox.openDropdown();
  };

  const onBlur = () => {
    combobox.closeDropdown();
    // Text that found nothing goes back to the choice, unless the caller keeps it to show.
    if (!settle() && props.text === undefined) setOwnText(pickedLabel);
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(key) => take(options.find((item) => keyOf(item) === key) ?? null)}
      position="bottom-start"
      width={props.dropdownWidth ?? 320}
    >
      <Combobox.Target>
        <TextInput
          {...inputProps}
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (event.currentTarget.value.trim()) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0}>
        <Combobox.Options aria-label={props.listLabel}>
          {options.map((item) => (
            <Combobox.Option value={keyOf(item)} key={keyOf(item)}>
              {renderOption ? renderOption(item) : labelOf(item)}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** Items whose code starts with the text, then those with it anywhere in code or name. */
export function matchNamed<T>(
  items: readonly T[],
  text: string,
  code: (item: T) => string,
  name: (item: T) => string,
  limit = 8,
): T[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const starts = items.filter((item) => code(item).toLowerCase().startsWith(query));
  const contains = items.filter(
    (item) => !starts.includes(item) && `${code(item)} ${name(item)}`.toLowerCase().includes(query),
  );
  return [...starts, ...contains].slice(0, limit);
}
