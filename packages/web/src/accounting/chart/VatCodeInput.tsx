import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vatCodeInfo, vatCodeName } from '../vat';

interface VatCodeInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** An account's default VAT code, its name read back underneath. */
export function VatCodeInput({ value, onChange, error }: VatCodeInputProps) {
  const { t, i18n } = useTranslation();
  const info = value.trim() ? vatCodeInfo(value) : undefined;
  const description = info ? vatCodeName(info, i18n.language) : t('chart.noVatCode');
  return (
    <TextInput
      label={t('chart.vatCode')}
      maxLength={3}
      inputMode="numeric"
      value={value}
      description={value.trim() && !info ? undefined : description}
      error={error ?? (value.trim() && !info ? t('entry.invalid.vatCode') : undefined)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
