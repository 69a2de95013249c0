import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseTimeInput } from './timeInput';
import { useTypedField } from './typedField';

export interface TimeFieldProps
  extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> {
  /** The time as HH:MM on the 24-hour clock, or null for none. */
  value: string | null;
  /** Called as the user types: the time as HH:MM, or null when empty or no time of day. */
  onChange: (value: string | null) => void;
}

const asIs = (time: string) => time;

/**
 * A time of day on the 24-hour clock, typed as 930, 0930, 9:30 or 9.30 and shown as 09:30.
 * The browser's own time input follows the browser's locale and may ask for AM/PM.
 */
export function TimeField({ value, onChange, error, onBlur, ...rest }: TimeFieldProps) {
  const { t } = useTranslation();
  const field = useTypedField(value, onChange, parseTimeInput, asIs);
  return (
    <TextInput
      autoComplete="off"
      inputMode="numeric"
      placeholder={t('fields.timePlaceholder')}
      title={t('fields.timeHint')}
      {...rest}
      value={field.text}
      error={error ?? (field.unreadable ? t('fields.invalidTime') : undefined)}
      data-unreadable={field.unreadable || undefined}
      onChange={(event) => field.change(event.currentTarget.value)}
      onBlur={(event) => {
        field.tidy();
        onBlur?.(event);
      }}
    />
  );
}
