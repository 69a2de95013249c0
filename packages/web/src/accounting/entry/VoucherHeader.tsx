import { Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../format';
import { parseDateInput } from '../input';
import type { DraftAction, VoucherDraft } from './draft';
import { fieldAttributes } from './fields';

/** The series a voucher can be entered in; IB (opening balance) is left to the import. */
export const ENTRY_SERIES = ['A', 'B', 'S', 'K', 'L'] as const;

interface VoucherHeaderProps {
  draft: VoucherDraft;
  dispatch: Dispatch<DraftAction>;
  errors: Record<string, string>;
  today: string;
  /** In a correction the series is the voucher's own and cannot change. */
  fixedSeries: boolean;
}

export function VoucherHeader(props: VoucherHeaderProps) {
  const { draft, dispatch, errors, today, fixedSeries } = props;
  const { t, i18n } = useTranslation();
  const date = draft.date.trim() ? parseDateInput(draft.date, today) : null;
  const set = (patch: Partial<VoucherDraft>) => dispatch({ type: 'header', patch });
  const series = ENTRY_SERIES.includes(draft.series as (typeof ENTRY_SERIES)[number])
    ? [...ENTRY_SERIES]
    : [draft.series, ...ENTRY_SERIES];

  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      {/* The switches first, so Tab from the description still goes straight on to the lines. */}
      <Switch
        label={t('entry.opening')}
        mt={30}
        disabled={fixedSeries}
        checked={draft.opening}
        onChange={(event) => set({ opening: event.currentTarget.checked })}
      />
      <Switch
        label={t('entry.net')}
        mt={30}
        checked={draft.net}
        onChange={(event) => set({ net: event.currentTarget.checked })}
      />
      <NativeSelect
        {...fieldAttributes('series')}
        label={t('entry.series')}
        w={200}
        disabled={fixedSeries || draft.opening}
        data={series.map((code) => ({ value: code, label: seriesLabel(code, t) }))}
        value={draft.series}
        error={errors.series}
        onChange={(event) => set({ series: event.currentTarget.value })}
      />
      <TextInput
        {...fieldAttributes('date')}
        label={t('accounting.date')}
        w={220}
        autoComplete="off"
        value={draft.date}
        description={date ? formatLongDate(date, i18n.language) : t('entry.dateHint')}
        // Below the field, so the date lines up with the fields beside it.
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={errors.date ?? (draft.date.trim() && !date ? t('entry.invalid.date') : undefined)}
        onChange={(event) => set({ date: event.currentTarget.value })}
      />
      <TextInput
        {...fieldAttributes('description')}
        label={t('entry.voucherDescription')}
        miw={240}
        style={{ flex: 1 }}
        autoComplete="off"
        value={draft.description}
        error={errors.description}
        onChange={(event) => set({ description: event.currentTarget.value })}
      />
    </Group>
  );
}

function seriesLabel(code: string, t: TFunction) {
  const known = ENTRY_SERIES.find((s) => s === code);
  if (!known) return code;
  return `${code} – ${t(`series.${known}`)}`;
}
