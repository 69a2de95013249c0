import { Button, Group } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../ui/DateField';
import { focusUnreadableField } from '../ui/typedField';
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
  const [from, setFrom] = useState<string | null>(value.from);
  const [to, setTo] = useState<string | null>(value.to);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    const start = single ? value.from : from;
    if (start && to) onChange({ from: start, to });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        {single ? null : (
          <DateField label={t('accounting.from')} w={200} value={from} onChange={setFrom} />
        )}
        <DateField
          label={single ? t('accounting.at') : t('accounting.to')}
          w={200}
          value={to}
          onChange={setTo}
        />
        <Button type="submit" mt={25} variant="light">
          {t('accounting.show')}
        </Button>
      </Group>
    </form>
  );
}
