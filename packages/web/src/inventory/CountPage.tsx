import { Alert, Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { voucherPath } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCountList, usePostCount } from './api';
import { formatQuantity, parseQuantity, QuantityCell, WarehouseSelect } from './parts';

/**
 * Varetelling: the count sheet of a warehouse at a date. Only rows given a counted quantity
 * are posted; each difference becomes a movement, and their value one voucher.
 */
export function CountPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [date, setDate] = useState(todayIso());
  // The sheet stays at the last real date while the date field holds no date; nothing is posted.
  const [dateTyped, setDateTyped] = useState(true);
  const [reference, setReference] = useState('');
  const [counted, setCounted] = useState<Record<number, string>>({});
  const sheet = useCountList(company.id, warehouseId, date);
  const post = usePostCount(company.id);
  const rows = sheet.data?.rows ?? [];
  // Enter goes to the next row's field, the way one works down a printed sheet.
  const next = (event: KeyboardEvent<HTMLInputElement>, i: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    document.querySelector<HTMLInputElement>(`[data-count-row="${i + 1}"]`)?.focus();
  };
  const entered = rows.filter((r) => (counted[r.itemId] ?? '').trim() !== '');
  const invalid = entered.some((r) => parseQuantity(counted[r.itemId]!) === null);
  const submit = () => {
    if (warehouseId === null) return;
    post.mutate(
      {
        warehouseId,
        date,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        lines: entered.map((r) => ({
          itemId: r.itemId,
          counted: parseQuantity(counted[r.itemId]!) ?? 0,
        })),
      },
      { onSuccess: () => setCounted({}) },
    );
  };
  return (
    <Page title={t('inventory.pages.count')} intro={t('inventory.count.intro')} wide>
      <Group align="flex-start">
        <WarehouseSelect
          label={t('inventory.movements.warehouse')}
          value={warehouseId}
          onChange={setWarehouseId}
        />
        <DateField
          label={t('inventory.movements.date')}
          value={date}
          onChange={(value) => {
            setDateTyped(value !== null);
            if (value) setDate(value);
          }}
          w={200}
        />
        <TextInput
          label={t('inventory.movements.reference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          w={220}
        />
      </Group>
      {warehouseId === null ? <Text c="dimmed">{t('inventory.count.chooseWarehouse')}</Text> : null}
      {sheet.isLoading ? <Loading /> : null}
      {sheet.isError ? <LoadFailed error={sheet.error} /> : null}
      {rows.length > 0 ? (
        <ReportTable label={t('inventory.pages.count')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('inventory.items.number')}</Table.Th>
              <Table.Th>{t('inventory.items.name')}</Table.Th>
              <Table.Th w={60}>{t('inventory.items.unit')}</Table.Th>
              <Table.Th ta="right">{t('inventory.count.expected')}</Table.Th>
              <Table.Th w={150}>{t('inventory.count.counted')}</Table.Th>
              <Table.Th ta="right">{t('inventory.count.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const text = counted[r.itemId] ?? '';
              const value = text.trim() ? parseQuantity(text) : null;
              return (
                <Table.Tr key={r.itemId}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.unit}</Table.Td>
                  <QuantityCell units={r.expected} />
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('inventory.count.countedOf', { name: r.name })}
                      data-count-row={i}
                      value={text}
                      inputMode="decimal"
                      error={text.trim() && value === null}
                      onKeyDown={(event) => next(event, i)}
                      onChange={(event) => {
                        const v = event.currentTarget.value;
                        setCounted((old) => ({ ...old, [r.itemId]: v }));
                      }}
                    />
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    c={value !== null && value !== r.expected ? 'red' : undefined}
                  >
                    {value === null
                      ? ''
                      : formatQuantity(Math.round((value - r.expected) * 1000) / 1000)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      {warehouseId !== null ? (
        <Group>
          <Button
            onClick={submit}
            disabled={entered.length === 0 || invalid || !dateTyped}
            loading={post.isPending}
          >
            {t('inventory.count.post', { count: entered.length })}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={post.error} title={t('inventory.count.failed')} />
      {post.data ? (
        <Alert color="green" variant="light" role="status">
          {t('inventory.count.posted', { count: post.data.movements.length })}{' '}
          {post.data.voucherId ? (
            <Anchor href={hrefFor(voucherPath(post.data.voucherId))}>
              {t('inventory.movements.open')}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
    </Page>
  );
}
