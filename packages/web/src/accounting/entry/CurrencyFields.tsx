import { ActionIcon, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../format';
import { parseAmount } from '../input';
import { type CurrencyDraft, type LineDraft, type LineField, lineAmount, linePath } from './draft';
import { fieldAttributes } from './fields';

interface CurrencyFieldsProps {
  currency: CurrencyDraft;
  line: LineDraft;
  index: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<LineDraft>) => void;
  onClose: () => void;
}

/** A line in a foreign currency: its code, the amount in it and the rate to NOK. */
export function CurrencyFields(props: CurrencyFieldsProps) {
  const { currency, line, index, errors, onChange, onClose } = props;
  const { t } = useTranslation();
  const set = (patch: Partial<CurrencyDraft>) => onChange({ currency: { ...currency, ...patch } });
  const field = (name: LineField, label: string) => ({
    ...fieldAttributes(linePath(index, name), index),
    label,
    'aria-label': t('entry.cell', { field: label, line: index + 1 }),
    error: errors[linePath(index, name)],
    size: 'xs' as const,
    autoComplete: 'off',
  });
  const amountUnreadable = currency.amount.trim() !== '' && parseAmount(currency.amount) === null;
  const nok = lineAmount(line);

  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="wrap"
      role="group"
      aria-label={t('entry.currency.open', { line: index + 1 })}
    >
      <TextInput
        {...field('currencyCode', t('entry.currency.code'))}
        w={80}
        maxLength={3}
        value={currency.code}
        // Upper case as typed, as the code is always written.
        onChange={(event) => set({ code: event.currentTarget.value.toUpperCase() })}
      />
      <TextInput
        {...field('currencyAmount', t('entry.currency.amount'))}
        w={140}
        inputMode="decimal"
        value={currency.amount}
        error={
          errors[linePath(index, 'currencyAmount')] ??
          (amountUnreadable ? t('entry.invalid.amount') : undefined)
        }
        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
        onChange={(event) => set({ amount: event.currentTarget.value })}
        onBlur={() => {
          const amount = parseAmount(currency.amount);
          if (amount !== null) set({ amount: formatAmount(amount) });
        }}
      />
      <TextInput
        {...field('currencyRate', t('entry.currency.rate'))}
        w={110}
        inputMode="decimal"
        value={currency.rate}
        onChange={(event) => set({ rate: event.currentTarget.value })}
      />
      <Text size="sm" mt={28} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {nok ? t('entry.currency.nok', { amount: formatAmount(Math.abs(nok)) }) : null}
      </Text>
      <ActionIcon
        variant="subtle"
        color="gray"
        mt={24}
        // From the keyboard the line's amount is simply typed again; the mouse has this.
        tabIndex={-1}
        aria-label={t('entry.currency.close', { line: index + 1 })}
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </ActionIcon>
    </Group>
  );
}
