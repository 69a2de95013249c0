import { Alert, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { parseAmount } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useApplyPriceRule, useGroups, usePreviewPriceRule } from './api';
import type { PriceRule } from './types';

/**
 * Prisjustering: change many prices at once by percent or amount, rounded to a price ending;
 * the preview shows every new price, and applying changes all or (if any would go negative)
 * none.
 */
export function PriceAdjustmentPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const groups = useGroups(company.id);
  const preview = usePreviewPriceRule(company.id);
  const apply = useApplyPriceRule(company.id);
  const [field, setField] = useState<PriceRule['field']>('sales');
  const [groupId, setGroupId] = useState('');
  const [kind, setKind] = useState<PriceRule['kind']>('percent');
  const [value, setValue] = useState('');
  const [rounding, setRounding] = useState<NonNullable<PriceRule['rounding']>>('none');
  const [localError, setLocalError] = useState('');
  const rule = (): PriceRule | null => {
    const number =
      kind === 'percent'
        ? Number(value.replace(',', '.').replace('\u2212', '-'))
        : parseAmount(value);
    if (number === null || !Number.isFinite(number) || value.trim() === '') return null;
    return { field, groupId: groupId ? Number(groupId) : null, kind, value: number, rounding };
  };
  const changed = () => {
    preview.reset();
    apply.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const r = rule();
    setLocalError(r ? '' : t('inventory.adjust.badValue'));
    if (r) preview.mutate(r);
  };
  const rows = preview.data?.rows.filter((r) => r.newPrice !== r.oldPrice) ?? [];
  return (
    <Page title={t('inventory.pages.priceAdjustment')} intro={t('inventory.adjust.intro')} wide>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <NativeSelect
            label={t('inventory.adjust.field')}
            data={[
              { value: 'sales', label: t('inventory.items.salesPrice') },
              { value: 'cost', label: t('inventory.items.costPrice') },
            ]}
            value={field}
            onChange={(e) => {
              setField(e.currentTarget.value as PriceRule['field']);
              changed();
            }}
          />
          <NativeSelect
            label={t('inventory.items.group')}
            data={[
              { value: '', label: t('inventory.items.allGroups') },
              ...(groups.data?.groups ?? []).map((g) => ({
                value: String(g.id),
                label: `${g.code} ${g.name}`,
              })),
            ]}
            value={groupId}
            onChange={(e) => {
              setGroupId(e.currentTarget.value);
              changed();
            }}
            w={220}
          />
          <NativeSelect
            label={t('inventory.adjust.kind')}
            data={[
              { value: 'percent', label: t('inventory.adjust.percent') },
              { value: 'amount', label: t('inventory.adjust.amount') },
            ]}
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as PriceRule['kind']);
              changed();
            }}
          />
          <TextInput
            label={t('inventory.adjust.value')}
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              changed();
            }}
            error={localError || undefined}
            w={120}
          />
          <NativeSelect
            label={t('inventory.adjust.rounding')}
            data={(['none', '90', '9', '00'] as const).map((r) => ({
              value: r,
              label: t(`inventory.adjust.roundings.${r}`),
            }))}
            value={rounding}
            onChange={(e) => {
              setRounding(e.currentTarget.value as NonNullable<PriceRule['rounding']>);
              changed();
            }}
            w={200}
          />
          <Button type="submit" variant="light" loading={preview.isPending}>
            {t('inventory.adjust.preview')}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={preview.error} />
      {preview.data && preview.data.negative > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {t('inventory.adjust.negative', { count: preview.data.negative })}
        </Alert>
      ) : null}
      {preview.data ? (
        <>
          <Text>{t('inventory.adjust.summary', { count: rows.length })}</Text>
          {rows.length > 0 ? (
            <ReportTable label={t('inventory.adjust.preview')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('inventory.items.number')}</Table.Th>
                  <Table.Th>{t('inventory.items.name')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.oldPrice')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.newPrice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.itemId} c={r.newPrice < 0 ? 'red' : undefined}>
                    <Table.Td>{r.number}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <AmountCell ore={r.oldPrice} />
                    <AmountCell ore={r.newPrice} fw={600} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ReportTable>
          ) : null}
          <Button
            w="fit-content"
            disabled={preview.data.negative > 0 || rows.length === 0 || apply.isSuccess}
            loading={apply.isPending}
            onClick={() => {
              const r = rule();
              if (r) apply.mutate(r);
            }}
          >
            {t('inventory.adjust.apply', { count: rows.length })}
          </Button>
        </>
      ) : null}
      <ProblemAlert error={apply.error} />
      {apply.isSuccess ? (
        <Alert color="green" variant="light" role="status">
          {t('inventory.adjust.applied', { count: rows.length })}
        </Alert>
      ) : null}
    </Page>
  );
}
