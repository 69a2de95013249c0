import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { useContactSearch } from '../contacts/api';
import type { Side } from './types';

interface PartyPickerProps
  extends Omit<SelectProps, 'value' | 'onChange' | 'data' | 'label' | 'error'> {
  side: Side;
  label: string;
  value: number | null;
  /** The name of the party already chosen (a saved document), shown before any search. */
  knownName?: string;
  onChange: (party: { id: number; name: string } | null) => void;
  error?: string | undefined;
}

/**
 * A customer (on sales) or supplier (on purchases) found by typing part of the name, number or
 * organisation number; the contact register is searched on the server, so it can be large.
 * Arrow keys and Enter pick.
 */
export const PartyPicker = forwardRef<HTMLInputElement, PartyPickerProps>(function PartyPicker(
  { side, label, value, knownName = '', onChange, error, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(
    value === null ? null : { id: value, name: knownName },
  );
  const contacts = useContactSearch(company.id, q, side === 'sales' ? 'customer' : 'supplier');
  const found = (contacts.data?.items ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    number: side === 'sales' ? c.customerNumber : c.supplierNumber,
  }));
  const options =
    chosen && !found.some((c) => c.id === chosen.id)
      ? [{ ...chosen, number: null }, ...found]
      : found;
  return (
    <Select
      ref={ref}
      label={label}
      placeholder={
        side === 'sales' ? t('sales.editor.findCustomer') : t('sales.editor.findSupplier')
      }
      searchable
      clearable
      data={options.map((c) => ({
        value: String(c.id),
        label: c.number ? `${c.name} (${c.number})` : c.name,
      }))}
      value={value === null ? null : String(value)}
      onSearchChange={(text) => {
        const shown = options.find((c) => c.id === chosen?.id);
        // The chosen party's own label is not a search.
        if (!shown || !text.startsWith(shown.name)) setSearch(text);
      }}
      onChange={(id) => {
        const party = options.find((c) => String(c.id) === id) ?? null;
        setChosen(party ? { id: party.id, name: party.name } : null);
        onChange(party ? { id: party.id, name: party.name } : null);
      }}
      error={error}
      nothingFoundMessage={t('sales.editor.noParty')}
      {...rest}
    />
  );
});
