import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { parseDateInput, todayIso } from './input';
import type { DateRange } from './types';

interface DateRangeFormProps {
  value: DateRange;
  onChange: (range: DateRange) => void;
  /** A report at one date (the balance sheet) asks for that date only. */
  single?: boolean;
}

/** From and to dates, typed the same short ways as on a voucher (ddmm, ddmmyy, dd.mm.yyyy). */
export function DateRangeForm({ value, onChange, single = false }: DateRangeFormProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(formatDate(value.from));
  const [to, setTo] = useState(formatDate(value.to));
  const today = todayIso();
  const parsedFrom = single ? value.from : parseDateInput(from, today);
  const parsedTo = parseDateInput(to, today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsedFrom && parsedTo) onChange({ from: parsedFrom, to: parsedTo });
  };
  const invalid = (text: string, parsed: string | null) =>
    text.trim() && !parsed ? t('entry.invalid.date') : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        {single ? null : (
          <TextInput
            label={t('accounting.from')}
            w={150}
            value={from}
            error={invalid(from, parsedFrom)}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
        )}
        <TextInput
          label={single ? t('accounting.at') : t('accounting.to')}
          w={150}
          value={to}
          error={invalid(to, parsedTo)}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
        <Button type="submit" mt={25} variant="light">
          {t('accounting.show')}
        </Button>
      </Group>
    </form>
  );
}
