import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { useParties } from '../api';
import type { Party, Subledger } from '../types';

/** The ledger a screen is about, read from the address: customers unless it says suppliers. */
export function kindFrom(params: URLSearchParams): Subledger {
  return params.get('kind') === 'supplier' ? 'supplier' : 'customer';
}

export function partyNumber(party: Party, kind: Subledger): number | null {
  return kind === 'customer' ? party.customerNumber : party.supplierNumber;
}

/** Customers or suppliers, as two buttons side by side. */
export function KindPicker({
  value,
  onChange,
}: {
  value: Subledger;
  onChange: (kind: Subledger) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="ledger-kind">
        {t('subledger.ledger')}
      </Text>
      <SegmentedControl
        aria-labelledby="ledger-kind"
        value={value}
        onChange={(next) => onChange(next === 'supplier' ? 'supplier' : 'customer')}
        data={[
          { value: 'customer', label: t('subledger.kind.customer') },
          { value: 'supplier', label: t('subledger.kind.supplier') },
        ]}
      />
    </Stack>
  );
}

interface PartySelectProps {
  kind: Subledger;
  value: number | null;
  onChange: (partyId: number | null) => void;
  /** Offers "all" as the empty choice, for reports that can show every party. */
  clearable?: boolean;
}

/** One customer or supplier, found by number or name. */
export function PartySelect({ kind, value, onChange, clearable = false }: PartySelectProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const parties = useParties(company.id, kind);
  const data = (parties.data ?? []).map((party) => {
    const number = partyNumber(party, kind);
    return { value: String(party.id), label: number ? `${number} ${party.name}` : party.name };
  });
  return (
    <Select
      label={t(`subledger.party.${kind}`)}
      w={320}
      data={data}
      value={value === null ? null : String(value)}
      searchable
      clearable={clearable}
      placeholder={clearable ? t('subledger.allParties') : undefined}
      nothingFoundMessage={t('subledger.noParties')}
      onChange={(next) => onChange(next ? Number(next) : null)}
    />
  );
}
