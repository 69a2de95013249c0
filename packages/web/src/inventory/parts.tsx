import { NativeSelect, Table, type TableTdProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { useWarehouses } from './api';

const quantityFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 3 });

/** A quantity the Norwegian way, up to three decimals: "1 234,5". */
export function formatQuantity(units: number): string {
  return quantityFormat.format(units);
}

/** "12,5" or "12.5" as a number with at most three decimals; null when it is not one. */
export function parseQuantity(text: string): number | null {
  const compact = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (!/^-?\d+(\.\d{1,3})?$/.test(compact)) return null;
  return Number(compact);
}

/** The item's name in the screen's language when it has one, else its Norwegian name. */
export function localName(
  item: { name: string; translations: Partial<Record<string, { name: string }>> },
  language: string,
): string {
  return item.translations[language]?.name || item.name;
}

const figures = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function QuantityCell({ units, ...props }: { units: number } & TableTdProps) {
  return (
    <Table.Td ta="right" style={figures} {...props}>
      {formatQuantity(units)}
    </Table.Td>
  );
}

interface WarehouseSelectProps {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  allowAll?: boolean;
  error?: string | undefined;
}

/** The company's warehouses as a native select, which a keyboard user moves through fast. */
export function WarehouseSelect({ label, value, onChange, allowAll, error }: WarehouseSelectProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const warehouses = useWarehouses(company.id);
  const data = [
    ...(allowAll || value === null
      ? [{ value: '', label: allowAll ? t('inventory.allWarehouses') : '' }]
      : []),
    ...(warehouses.data?.warehouses ?? []).map((w) => ({
      value: String(w.id),
      label: `${w.code} ${w.name}`,
    })),
  ];
  return (
    <NativeSelect
      label={label}
      data={data}
      value={value === null ? '' : String(value)}
      onChange={(event) =>
        onChange(event.currentTarget.value ? Number(event.currentTarget.value) : null)
      }
      error={error}
      w={220}
    />
  );
}
