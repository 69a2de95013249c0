import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { companyPath } from '../accounting/api';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatQuantity, parseQuantity, QuantityCell } from '../inventory/parts';
import { canWrite } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { salesKey } from './api';
import { documentPath } from './kinds';
import type { Document } from './types';

interface ProposalItem {
  itemId: number;
  number: string;
  name: string;
  unit: string;
  onHand: number;
  openSales: number;
  onOrder: number;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
  suggested: number;
  supplierItemNumber: string;
  price: number;
  leadDays: number;
}

interface PurchaseProposal {
  date: string;
  suppliers: {
    partyId: number | null;
    name: string | null;
    supplierNumber: number | null;
    items: ProposalItem[];
  }[];
}

interface ProposalOrderLine {
  itemId: number;
  supplierId: number;
  quantity: number;
}

function usePurchaseProposal(companyId: number, date: string) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'purchase-proposal', date],
    queryFn: ({ signal }) =>
      api.get<PurchaseProposal>(companyPath(companyId, `/purchase-proposal?date=${date}`), signal),
  });
}

function useOrderFromProposal(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; lines: ProposalOrderLine[] }) =>
      api.post<{ orders: Document[] }>(companyPath(companyId, '/purchase-proposal'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: salesKey(companyId) }),
  });
}

/**
 * Innkjøpsforslag: the stock items that run short, per preferred supplier, each with a
 * suggested quantity that can be changed; the chosen lines become one purchase order per
 * supplier.
 */
export function PurchaseProposalPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'purchasing');
  const [date, setDate] = useState<string | null>(todayIso());
  const [shownDate, setShownDate] = useState(todayIso());
  // Everything orderable is chosen at the start, at the suggested quantity.
  const [unchosen, setUnchosen] = useState<Set<number>>(new Set());
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const proposal = usePurchaseProposal(company.id, shownDate);
  const order = useOrderFromProposal(company.id);
  const errors = fieldErrorsOf(order.error);

  const suppliers = proposal.data?.suppliers ?? [];
  const orderable = suppliers.flatMap((s) =>
    s.partyId === null ? [] : s.items.map((item) => ({ item, supplierId: s.partyId! })),
  );
  const textOf = (item: ProposalItem) => quantities[item.itemId] ?? formatQuantity(item.suggested);
  const chosen = orderable.filter(({ item }) => !unchosen.has(item.itemId));
  const quantityOf = (item: ProposalItem) => {
    const q = parseQuantity(textOf(item));
    return q !== null && q > 0 ? q : null;
  };
  const invalid = chosen.some(({ item }) => quantityOf(item) === null);

  const toggle = (itemIds: number[], on: boolean) =>
    setUnchosen((old) => {
      const next = new Set(old);
      for (const id of itemIds) {
        if (on) next.delete(id);
        else next.add(id);
      }
      return next;
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!date || invalid || chosen.length === 0) return;
    const lines = chosen.map(({ item, supplierId }) => ({
      itemId: item.itemId,
      supplierId,
      quantity: quantityOf(item)!,
    }));
    order.mutate(
      { date, lines },
      {
        onSuccess: (result) => {
          notifySuccess(t('salesProposals.purchase.created', { count: result.orders.length }));
          setQuantities({});
          setUnchosen(new Set());
        },
      },
    );
  };

  // The line the server complains about, by its place in the request.
  const lineError = (itemId: number) => {
    const index = chosen.findIndex(({ item }) => item.itemId === itemId);
    if (index < 0) return undefined;
    return (
      errors[`lines.${index}.quantity`] ??
      errors[`lines.${index}.itemId`] ??
      errors[`lines.${index}.supplierId`]
    );
  };

  return (
    <Page
      title={t('sales.purchasingPages.purchaseProposal')}
      intro={t('salesProposals.purchase.intro')}
      wide
    >
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md" mb="md">
          <DateField
            label={t('salesProposals.purchase.date')}
            w={200}
            value={date}
            onChange={(value) => {
              setDate(value);
              if (value) setShownDate(value);
            }}
            error={errors.date}
          />
        </Group>
        {proposal.isPending ? <Loading /> : null}
        {proposal.isError ? <LoadFailed error={proposal.error} /> : null}
        {proposal.data && suppliers.length === 0 ? (
          <Text c="dimmed">{t('salesProposals.purchase.none')}</Text>
        ) : null}
        {suppliers.map((s) => {
          const name = s.name ?? t('salesProposals.purchase.noSupplier');
          const ids = s.items.map((i) => i.itemId);
          const all = s.partyId !== null && ids.every((id) => !unchosen.has(id));
          const some = ids.some((id) => !unchosen.has(id));
          return (
            <ReportTable key={s.partyId ?? 'none'} label={name}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th colSpan={11}>
                    <Group gap="sm">
                      {s.partyId !== null ? (
                        <Checkbox
                          aria-label={t('salesProposals.purchase.chooseAll', { name })}
                          checked={all}
                          indeterminate={!all && some}
                          disabled={!writer}
                          onChange={(event) => toggle(ids, event.currentTarget.checked)}
                        />
                      ) : null}
                      <Text fw={600}>{name}</Text>
                      {s.partyId === null ? (
                        <Text size="sm" c="dimmed">
                          {t('salesProposals.purchase.noSupplierHelp')}
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th w={100}>{t('salesProposals.purchase.item')}</Table.Th>
                  <Table.Th>{t('salesProposals.purchase.name')}</Table.Th>
                  <Table.Th w={120}>{t('salesProposals.purchase.supplierItem')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.onHand')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.openSales')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.onOrder')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.available')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.reorderPoint')}</Table.Th>
                  <Table.Th ta="right">{t('salesProposals.purchase.price')}</Table.Th>
                  <Table.Th w={130}>{t('salesProposals.purchase.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.items.map((item) => {
                  const on = s.partyId !== null && !unchosen.has(item.itemId);
                  const text = textOf(item);
                  const bad = on && quantityOf(item) === null;
                  return (
                    <Table.Tr key={item.itemId}>
                      <Table.Td>
                        {s.partyId !== null ? (
                          <Checkbox
                            aria-label={t('salesProposals.purchase.choose', { name: item.name })}
                            checked={on}
                            disabled={!writer}
                            onChange={(event) => toggle([item.itemId], event.currentTarget.checked)}
                          />
                        ) : null}
                      </Table.Td>
                      <Table.Td>{item.number}</Table.Td>
                      <Table.Td>{item.name}</Table.Td>
                      <Table.Td>{item.supplierItemNumber}</Table.Td>
                      <QuantityCell units={item.onHand} />
                      <QuantityCell units={item.openSales} />
                      <QuantityCell units={item.onOrder} />
                      <QuantityCell units={item.available} />
                      <QuantityCell units={item.reorderPoint} />
                      <AmountCell ore={item.price} />
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('salesProposals.purchase.quantityOf', { name: item.name })}
                          inputMode="decimal"
                          value={text}
                          disabled={!on || !writer}
                          error={
                            bad
                              ? t('salesProposals.purchase.invalidQuantity')
                              : lineError(item.itemId)
                          }
                          onChange={(event) => {
                            const v = event.currentTarget.value;
                            setQuantities((old) => ({ ...old, [item.itemId]: v }));
                          }}
                          rightSection={
                            <Text size="xs" c="dimmed">
                              {item.unit}
                            </Text>
                          }
                          rightSectionWidth={40}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ReportTable>
          );
        })}
        <ProblemAlert
          error={order.error}
          title={t('salesProposals.purchase.failed')}
          placedFields={['date']}
        />
        {writer && orderable.length > 0 ? (
          <Group mt="md">
            <Button
              type="submit"
              disabled={chosen.length === 0 || invalid || !date}
              loading={order.isPending}
            >
              {t('salesProposals.purchase.submit', { count: chosen.length })}
            </Button>
          </Group>
        ) : null}
      </form>
      {order.data ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={t('salesProposals.purchase.result')}
        >
          <List size="sm">
            {order.data.orders.map((o) => (
              <List.Item key={o.id}>
                <Anchor href={hrefFor(documentPath(o.kind, o.id))}>
                  {t('salesProposals.purchase.resultRow', { number: o.number, name: o.partyName })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Page>
  );
}
