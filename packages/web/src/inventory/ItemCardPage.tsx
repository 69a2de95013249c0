import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate, formatDateTime } from '../format';
import { documentPath } from '../sales/kinds';
import { StatusBadge } from '../sales/status';
import { canWrite, voucherPath } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useItemCard, useWarehouses } from './api';
import { formatQuantity, QuantityCell } from './parts';
import { editItemPath, itemCardPath } from './paths';
import type { ItemCard } from './types';

/** Varekort: the item, what is on hand where, and its whole history. */
export function ItemCardPage({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const card = useItemCard(company.id, itemId);
  const title = card.data
    ? `${card.data.item.number} ${card.data.item.name}`
    : t('inventory.card.title');
  return (
    <Page
      title={title}
      wide
      actions={
        canWrite(company, 'inventory') && card.data ? (
          <Button component="a" href={hrefFor(editItemPath(itemId))} variant="light">
            {t('inventory.items.edit')}
          </Button>
        ) : null
      }
    >
      {card.isPending ? <Loading /> : null}
      {card.isError ? <LoadFailed error={card.error} /> : null}
      {card.data ? <CardBody card={card.data} /> : null}
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

function CardBody({ card }: { card: ItemCard }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const warehouses = useWarehouses(company.id);
  const { item, onHand } = card;
  const stocked = item.kind === 'stock' || item.kind === 'structured';
  const warehouseName = (id: number) =>
    warehouses.data?.warehouses.find((w) => w.id === id)?.name ?? '';
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }}>
          <Fact label={t('inventory.items.kind')}>{t(`inventory.kinds.${item.kind}`)}</Fact>
          <Fact label={t('inventory.items.unit')}>{item.unit}</Fact>
          <Fact label={t('inventory.items.salesPrice')}>{formatAmount(item.salesPrice)}</Fact>
          <Fact label={t('inventory.items.costPrice')}>{formatAmount(item.costPrice)}</Fact>
          <Fact label={t('inventory.items.salesAccount')}>
            {item.salesAccount ?? '–'} / {item.salesVatCode ?? '–'}
          </Fact>
          <Fact label={t('inventory.items.purchaseAccount')}>
            {item.purchaseAccount ?? '–'} / {item.purchaseVatCode ?? '–'}
          </Fact>
          {stocked ? (
            <>
              <Fact label={t('inventory.card.onHand')}>
                {formatQuantity(onHand.quantity)} {item.unit}
              </Fact>
              <Fact label={t('inventory.card.value')}>{formatAmount(onHand.value)}</Fact>
              {onHand.warehouses.map((w) => (
                <Fact key={w.warehouseId} label={warehouseName(w.warehouseId)}>
                  {formatQuantity(w.quantity)} {item.unit}
                </Fact>
              ))}
              <Fact label={t('inventory.items.reorderPoint')}>
                {item.reorderPoint === null ? '–' : formatQuantity(item.reorderPoint)}
              </Fact>
            </>
          ) : null}
          {item.subscriptionPeriod ? (
            <Fact label={t('inventory.items.subscriptionPeriod')}>
              {t(`inventory.periods.${item.subscriptionPeriod as 'month'}`)},{' '}
              {t(`inventory.renewals.${(item.subscriptionRenewal ?? 'automatic') as 'manual'}`)}
            </Fact>
          ) : null}
        </SimpleGrid>
        {item.description ? <Text mt="sm">{item.description}</Text> : null}
      </Paper>
      {stocked && onHand.quantity <= 0 && item.alternatives.length > 0 ? (
        <Alert color="yellow" variant="light" title={t('inventory.card.outOfStock')}>
          {t('inventory.card.tryAlternatives')}{' '}
          {item.alternatives.map((a) => (
            <Anchor key={a.itemId} href={hrefFor(itemCardPath(a.itemId))} mr="sm">
              {a.number} {a.name}
            </Anchor>
          ))}
        </Alert>
      ) : null}
      {item.components.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('inventory.items.components')}
          </Title>
          <Text>
            {item.components
              .map((c) => `${formatQuantity(c.quantity)} × ${c.number} ${c.name}`)
              .join(' · ')}
          </Text>
        </Stack>
      ) : null}
      {item.suppliers.length > 0 ? (
        <Group gap="xs">
          <Text fw={500}>{t('inventory.items.suppliers')}:</Text>
          {item.suppliers.map((s) => (
            <Badge key={s.partyId} variant={s.preferred ? 'filled' : 'light'}>
              {s.name} {s.supplierItemNumber} {formatAmount(s.price)} ({s.leadDays} d)
            </Badge>
          ))}
        </Group>
      ) : null}
      <Tabs defaultValue="movements" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="movements">{t('inventory.card.movements')}</Tabs.Tab>
          <Tabs.Tab value="prices">{t('inventory.card.priceHistory')}</Tabs.Tab>
          <Tabs.Tab value="documents">{t('inventory.card.documents')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="movements" pt="sm">
          {card.movements.length === 0 ? (
            <Text c="dimmed">{t('inventory.card.noMovements')}</Text>
          ) : (
            <ReportTable label={t('inventory.card.movements')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('inventory.movements.date')}</Table.Th>
                  <Table.Th w={140}>{t('inventory.movements.kind')}</Table.Th>
                  <Table.Th w={110}>{t('inventory.movements.warehouse')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.movements.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.movements.unitCost')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.movements.value')}</Table.Th>
                  <Table.Th>{t('inventory.movements.reference')}</Table.Th>
                  <Table.Th w={90}>{t('inventory.movements.voucher')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.movements.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDate(m.date)}</Table.Td>
                    <Table.Td>{t(`inventory.movementKinds.${m.kind}`)}</Table.Td>
                    <Table.Td>{m.warehouseCode}</Table.Td>
                    <QuantityCell units={m.quantity} />
                    <AmountCell ore={m.unitCost} />
                    <AmountCell ore={m.value} />
                    <Table.Td>{m.reference}</Table.Td>
                    <Table.Td>
                      {m.voucherId ? (
                        <Anchor href={hrefFor(voucherPath(m.voucherId))}>
                          {t('inventory.movements.voucher')}
                        </Anchor>
                      ) : (
                        ''
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ReportTable>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="prices" pt="sm">
          {card.priceHistory.length === 0 ? (
            <Text c="dimmed">{t('inventory.card.noPriceChanges')}</Text>
          ) : (
            <ReportTable label={t('inventory.card.priceHistory')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('inventory.card.changedAt')}</Table.Th>
                  <Table.Th>{t('inventory.card.priceField')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.oldPrice')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.newPrice')}</Table.Th>
                  <Table.Th>{t('inventory.card.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.priceHistory.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: history rows are shown in order only.
                  <Table.Tr key={i}>
                    <Table.Td>{formatDateTime(p.at)}</Table.Td>
                    <Table.Td>{t(`inventory.card.fields.${p.field}`)}</Table.Td>
                    <AmountCell ore={p.oldPrice} />
                    <AmountCell ore={p.newPrice} />
                    <Table.Td>
                      {t(`inventory.card.reasons.${p.reason as 'created'}`, {
                        defaultValue: p.reason,
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ReportTable>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="sm">
          {card.documentLines.length === 0 ? (
            <Text c="dimmed">{t('inventory.card.noDocumentLines')}</Text>
          ) : (
            <ReportTable label={t('inventory.card.documents')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('inventory.card.documentDate')}</Table.Th>
                  <Table.Th>{t('inventory.card.document')}</Table.Th>
                  <Table.Th>{t('inventory.card.party')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.movements.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.unitPrice')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.card.net')}</Table.Th>
                  <Table.Th>{t('inventory.card.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.documentLines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a document may hold the item on several lines.
                  <Table.Tr key={`${l.documentId}-${i}`}>
                    <Table.Td>{formatDate(l.date)}</Table.Td>
                    <Table.Td>
                      <Anchor href={hrefFor(documentPath(l.kind, l.documentId))}>
                        {t(`sales.kinds.${l.kind}`)} {l.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{l.partyName}</Table.Td>
                    <QuantityCell units={l.quantity} />
                    <AmountCell ore={l.unitPrice} />
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatAmount(l.net)}
                      {l.currency ? ` ${l.currency}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={l.status} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ReportTable>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
