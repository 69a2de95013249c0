import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { parseAmount, todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatDate } from '../format';
import { voucherPath } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useMovements, usePostEntry } from './api';
import { ItemPicker } from './ItemPicker';
import { parseQuantity, QuantityCell, WarehouseSelect } from './parts';
import { itemCardPath } from './paths';
import type { EntryKind, Movement, NewEntry } from './types';

const KINDS: EntryKind[] = ['receipt', 'issue', 'transfer', 'adjustment', 'production'];

interface Line {
  itemId: number | null;
  warehouseId: number | null;
  toWarehouseId: number | null;
  quantity: string;
  unitCost: string;
}

const emptyLine = (warehouseId: number | null = null): Line => ({
  itemId: null,
  warehouseId,
  toWarehouseId: null,
  quantity: '',
  unitCost: '',
});

/** Lagerbevegelser: enter a receipt, issue, transfer, adjustment or production; see the latest. */
export function MovementsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const movements = useMovements(company.id, 50);
  return (
    <Page title={t('inventory.pages.movements')} intro={t('inventory.movements.intro')} wide>
      <EntryForm />
      <Title order={2} size="h4">
        {t('inventory.movements.latest')}
      </Title>
      {movements.isPending ? <Loading /> : null}
      {movements.isError ? <LoadFailed error={movements.error} /> : null}
      {movements.data ? <MovementTable movements={movements.data.movements} /> : null}
    </Page>
  );
}

function EntryForm() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const post = usePostEntry(company.id);
  const [kind, setKind] = useState<EntryKind>('receipt');
  const [date, setDate] = useState<string | null>(todayIso());
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  // Lines are remounted after posting, so their item pickers start empty again.
  const [round, setRound] = useState(0);
  const errors = fieldErrorsOf(post.error);
  const change = (i: number, patch: Partial<Line>) =>
    setLines((old) => old.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const costed = kind === 'receipt' || kind === 'adjustment';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget as HTMLFormElement)) return;
    const entry: NewEntry = {
      kind,
      // Left empty, the server names the missing date under the field.
      date: date ?? '',
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      lines: lines
        .filter((l) => l.itemId !== null)
        .map((l) => ({
          itemId: l.itemId!,
          warehouseId: l.warehouseId ?? 0,
          ...(kind === 'transfer' && l.toWarehouseId ? { toWarehouseId: l.toWarehouseId } : {}),
          quantity: parseQuantity(l.quantity) ?? Number.NaN,
          ...(costed && l.unitCost.trim() ? { unitCost: parseAmount(l.unitCost) ?? -1 } : {}),
        })),
    };
    post.mutate(entry, {
      onSuccess: (result) => {
        notifySuccess(t('inventory.movements.posted', { count: result.movements.length }));
        setLines([emptyLine(lines[0]?.warehouseId ?? null)]);
        setReference('');
        setRound((r) => r + 1);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start">
          <NativeSelect
            label={t('inventory.movements.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`inventory.movementKinds.${k}`) }))}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as EntryKind);
              post.reset();
            }}
            w={200}
          />
          <DateField
            label={t('inventory.movements.date')}
            value={date}
            onChange={setDate}
            error={errors.date}
            w={200}
          />
          <TextInput
            label={t('inventory.movements.reference')}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            w={240}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`inventory.movements.hints.${kind}`)}
        </Text>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entry lines have no identity until posted.
          <Group key={`${round}-${i}`} align="flex-start">
            <ItemPicker
              label={t('inventory.movements.item')}
              value={line.itemId}
              stocked
              onChange={(item) => change(i, { itemId: item?.id ?? null })}
              error={errors[`lines.${i}.itemId`]}
            />
            <WarehouseSelect
              label={
                kind === 'transfer'
                  ? t('inventory.movements.from')
                  : t('inventory.movements.warehouse')
              }
              value={line.warehouseId}
              onChange={(warehouseId) => change(i, { warehouseId })}
              error={errors[`lines.${i}.warehouseId`]}
            />
            {kind === 'transfer' ? (
              <WarehouseSelect
                label={t('inventory.movements.to')}
                value={line.toWarehouseId}
                onChange={(toWarehouseId) => change(i, { toWarehouseId })}
                error={errors[`lines.${i}.toWarehouseId`]}
              />
            ) : null}
            <TextInput
              label={t('inventory.movements.quantity')}
              value={line.quantity}
              onChange={(event) => change(i, { quantity: event.currentTarget.value })}
              error={errors[`lines.${i}.quantity`] ? ' ' : undefined}
              inputMode="decimal"
              w={120}
            />
            {costed ? (
              <TextInput
                label={t('inventory.movements.unitCost')}
                placeholder={t('inventory.movements.unitCostDefault')}
                value={line.unitCost}
                onChange={(event) => change(i, { unitCost: event.currentTarget.value })}
                w={160}
              />
            ) : null}
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            onClick={() =>
              setLines((old) => [...old, emptyLine(old[old.length - 1]?.warehouseId ?? null)])
            }
          >
            {t('inventory.movements.addLine')}
          </Button>
          <Button type="submit" loading={post.isPending}>
            {t('inventory.movements.post')}
          </Button>
        </Group>
        <ProblemAlert error={post.error} title={t('inventory.movements.failed')} />
        {post.data?.voucherId ? (
          <Alert color="green" variant="light" role="status">
            {t('inventory.movements.voucherPosted')}{' '}
            <Anchor href={hrefFor(voucherPath(post.data.voucherId))}>
              {t('inventory.movements.open')}
            </Anchor>
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

export function MovementTable({ movements }: { movements: Movement[] }) {
  const { t } = useTranslation();
  if (movements.length === 0) return <Text c="dimmed">{t('inventory.card.noMovements')}</Text>;
  return (
    <ReportTable label={t('inventory.movements.latest')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('inventory.movements.date')}</Table.Th>
          <Table.Th w={140}>{t('inventory.movements.kind')}</Table.Th>
          <Table.Th>{t('inventory.movements.item')}</Table.Th>
          <Table.Th w={90}>{t('inventory.movements.warehouse')}</Table.Th>
          <Table.Th ta="right">{t('inventory.movements.quantity')}</Table.Th>
          <Table.Th ta="right">{t('inventory.movements.value')}</Table.Th>
          <Table.Th>{t('inventory.movements.reference')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {movements.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{formatDate(m.date)}</Table.Td>
            <Table.Td>{t(`inventory.movementKinds.${m.kind}`)}</Table.Td>
            <Table.Td>
              <Anchor href={hrefFor(itemCardPath(m.itemId))}>
                {m.itemNumber} {m.itemName}
              </Anchor>
            </Table.Td>
            <Table.Td>{m.warehouseCode}</Table.Td>
            <QuantityCell units={m.quantity} />
            <AmountCell ore={m.value} />
            <Table.Td>{m.reference}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}
