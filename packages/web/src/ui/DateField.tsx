import { TextInput, type TextInputProps } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateInput, todayIso } from '../accounting/input';
import { formatDate, formatLongDate } from '../format';
import { useTypedField } from './typedField';

export interface DateFieldProps
  extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> {
  /** The date as YYYY-MM-DD, or null for none. */
  value: string | null;
  /** Called as the user types: the date as YYYY-MM-DD, or null when empty or no real date. */
  onChange: (value: string | null) => void;
}

/**
 * A date typed the short Norwegian ways used on vouchers (ddmm, ddmmyy, dd.mm.yyyy), shown as
 * dd.mm.yyyy with the date in words below, so that a slip is seen at once. The browser's own
 * date input is not used: it follows the browser's locale (mm/dd/yyyy) and is slow to type in.
 */
export function DateField({ value, onChange, error, onBlur, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const parse = useCallback((text: string) => parseDateInput(text, todayIso()), []);
  const field = useTypedField(value, onChange, parse, formatDate);
  return (
    <TextInput
      autoComplete="off"
      placeholder={t('fields.datePlaceholder')}
      title={t('entry.dateHint')}
      {...rest}
      value={field.text}
      description={field.parsed ? formatLongDate(field.parsed, i18n.language) : undefined}
      // Below the field, as on the voucher, so the field lines up with those beside it.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error ?? (field.unreadable ? t('entry.invalid.date') : undefined)}
      data-unreadable={field.unreadable || undefined}
      onChange={(event) => field.change(event.currentTarget.value)}
      onBlur={(event) => {
        field.tidy();
        onBlur?.(event);
      }}
    />
  );
}
