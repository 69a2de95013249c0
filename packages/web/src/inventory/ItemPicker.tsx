import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { useItems } from './api';
import type { Item } from './types';

interface ItemPickerProps {
  label: string;
  value: number | null;
  onChange: (item: Item | null) => void;
  error?: string | undefined;
  /** Only items kept in stock (stock items and structured items). */
  stocked?: boolean;
  w?: number;
  /** The item already chosen when the picker opens (a saved line), so its name shows at once. */
  known?: { id: number; number: string; name: string } | null;
}

/**
 * An item chosen by typing its number or name: the server searches, so a catalogue of any
 * size stays quick; arrow keys and Enter pick.
 */
export function ItemPicker(props: ItemPickerProps) {
  const { label, value, onChange, error, stocked, w = 320, known = null } = props;
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Pick<Item, 'id' | 'number' | 'name'> | null>(known);
  const items = useItems(company.id, search);
  const found = (items.data?.items ?? []).filter(
    (i) => !stocked || i.kind === 'stock' || i.kind === 'structured',
  );
  const options = chosen && !found.some((i) => i.id === chosen.id) ? [chosen, ...found] : found;
  return (
    <Select
      label={label}
      placeholder={t('inventory.items.searchPlaceholder')}
      searchable
      clearable
      data={options.map((i) => ({ value: String(i.id), label: `${i.number} ${i.name}` }))}
      value={value === null ? null : String(value)}
      onSearchChange={(text) => {
        // Typing narrows the list; the label of the chosen item is not a search.
        if (!chosen || text !== `${chosen.number} ${chosen.name}`)
          setSearch(text.split(' ')[0] ?? '');
      }}
      onChange={(id) => {
        if (id === null) {
          setChosen(null);
          onChange(null);
          return;
        }
        // The item already chosen may not be among those found; then nothing changes.
        const item = found.find((i) => String(i.id) === id);
        if (item) {
          setChosen(item);
          onChange(item);
        }
      }}
      filter={({ options: all }) => all}
      error={error}
      w={w}
      nothingFoundMessage={t('inventory.items.none')}
    />
  );
}
