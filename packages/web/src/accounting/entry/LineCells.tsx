import { Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../format';
import { parseAmount } from '../input';
import type { Dimension } from '../types';
import { type AmountEntry, formatRate, vatCodeInfo, vatCodeName, vatLinesOf } from '../vat';
import { matchNamed, SearchPick } from './SearchPick';

interface CellProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  error?: string | undefined;
  fieldProps: Record<string, string | number>;
}

/** Debit or credit: typed as "1234,50" or "1 234,5" and shown grouped once left. */
export function AmountInput({ value, onChange, label, error, fieldProps }: CellProps) {
  const { t } = useTranslation();
  const tidy = () => {
    const amount = value.trim() ? parseAmount(value) : null;
    if (amount !== null && formatAmount(amount) !== value) onChange(formatAmount(amount));
  };
  const unreadable = value.trim() !== '' && parseAmount(value) === null;
  return (
    <TextInput
      {...fieldProps}
      aria-label={label}
      value={value}
      inputMode="decimal"
      autoComplete="off"
      error={error ?? (unreadable ? t('entry.invalid.amount') : undefined)}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={tidy}
    />
  );
}

interface VatCellProps extends CellProps {
  /** The line's amount, how it is entered and the voucher date: for the VAT the code gives. */
  amount: number | null;
  entry: AmountEntry;
  date: string;
}

/** The VAT code, with the rate and VAT amount it produces on this line underneath. */
export function VatCell(props: VatCellProps) {
  const { value, onChange, label, error, fieldProps, amount, entry, date } = props;
  const { t, i18n } = useTranslation();
  const code = value.trim();
  const info = code ? vatCodeInfo(code) : undefined;
  const vat = amount && info ? vatLinesOf(amount, code, date, entry)[0] : undefined;
  const unknown = code !== '' && !info;
  return (
    <Stack gap={2}>
      <TextInput
        {...fieldProps}
        aria-label={label}
        value={value}
        maxLength={3}
        inputMode="numeric"
        autoComplete="off"
        title={info ? vatCodeName(info, i18n.language) : undefined}
        error={error ?? (unknown ? t('entry.invalid.vatCode') : undefined)}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {vat ? (
        <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>
          {formatRate(vat.rate)} = {formatAmount(Math.abs(vat.amount))}
        </Text>
      ) : null}
    </Stack>
  );
}

interface DimensionSelectProps {
  items: readonly Dimension[];
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  error?: string | undefined;
  fieldProps: Record<string, string | number>;
}

const dimensionLabel = (item: Dimension) => `${item.code} ${item.name}`;

/** A department or project, found by typing part of its code or name. */
export function DimensionSelect(props: DimensionSelectProps) {
  const { items, value, onChange, label, error, fieldProps } = props;
  const open = useMemo(
    () => items.filter((item) => !item.blocked || String(item.id) === value),
    [items, value],
  );
  const suggest = useCallback(
    (text: string) =>
      matchNamed(
        open,
        text,
        (item) => item.code,
        (item) => item.name,
      ),
    [open],
  );
  const resolve = (text: string) => {
    const exact = open.find((item) => item.code.toLowerCase() === text.trim().toLowerCase());
    const matches = suggest(text);
    return exact ?? (matches.length === 1 ? (matches[0] ?? null) : null);
  };
  return (
    <SearchPick
      picked={items.find((item) => String(item.id) === value) ?? null}
      onPick={(item) => onChange(item ? String(item.id) : null)}
      suggest={suggest}
      resolve={resolve}
      keyOf={(item) => String(item.id)}
      labelOf={dimensionLabel}
      dropdownWidth={260}
      inputProps={{ ...fieldProps, 'aria-label': label, error }}
    />
  );
}
