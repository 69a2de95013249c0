import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useReorder, useStockList, useTurnover } from './api';
import { QuantityCell, WarehouseSelect } from './parts';
import { itemCardPath } from './paths';

/** Lagerliste: quantity and value per item and warehouse at any date. */
export function StockListPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [date, setDate] = useState(todayIso());
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const list = useStockList(company.id, date, warehouseId ?? undefined);
  const data = list.data;
  return (
    <Page title={t('inventory.pages.stockList')} intro={t('inventory.stockList.intro')} wide>
      <Group align="flex-start">
        <DateField
          label={t('inventory.stockList.date')}
          value={date}
          onChange={(value) => value && setDate(value)}
          w={200}
        />
        <WarehouseSelect
          label={t('inventory.movements.warehouse')}
          value={warehouseId}
          onChange={setWarehouseId}
          allowAll
        />
      </Group>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {data && data.rows.length === 0 ? (
        <Text c="dimmed">{t('inventory.stockList.empty')}</Text>
      ) : null}
      {data && data.rows.length > 0 ? (
        <ReportTable label={t('inventory.pages.stockList')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('inventory.items.number')}</Table.Th>
              <Table.Th>{t('inventory.items.name')}</Table.Th>
              {data.warehouses.map((w) => (
                <Table.Th key={w.id} ta="right">
                  {w.name}
                </Table.Th>
              ))}
              {data.warehouses.length > 1 ? (
                <Table.Th ta="right">{t('inventory.stockList.quantity')}</Table.Th>
              ) : null}
              <Table.Th w={60}>{t('inventory.items.unit')}</Table.Th>
              <Table.Th ta="right">{t('inventory.stockList.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.itemId}>
                <Table.Td>
                  <Anchor href={hrefFor(itemCardPath(r.itemId))}>{r.number}</Anchor>
                </Table.Td>
                <Table.Td>{r.name}</Table.Td>
                {r.quantities.map((q, i) => (
                  <QuantityCell key={data.warehouses[i]!.id} units={q} />
                ))}
                {data.warehouses.length > 1 ? <QuantityCell units={r.quantity} fw={500} /> : null}
                <Table.Td>{r.unit}</Table.Td>
                <AmountCell ore={r.value} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td colSpan={2}>{t('inventory.stockList.total')}</Table.Td>
              {data.warehouses.map((w, i) => (
                <AmountCell key={w.id} ore={data.totals.values[i]!} />
              ))}
              {data.warehouses.length > 1 ? <Table.Td /> : null}
              <Table.Td />
              <AmountCell ore={data.totals.value} />
            </Table.Tr>
          </Table.Tfoot>
        </ReportTable>
      ) : null}
    </Page>
  );
}

/** Bestillingsforslag: items below their reorder point, one list per preferred supplier. */
export function ReorderPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const report = useReorder(company.id);
  return (
    <Page title={t('inventory.pages.reorder')} intro={t('inventory.reorder.intro')} wide>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data && report.data.suppliers.length === 0 ? (
        <Text c="dimmed">{t('inventory.reorder.none')}</Text>
      ) : null}
      {report.data?.suppliers.map((s) => (
        <Stack key={s.partyId ?? 'none'} gap="xs">
          <Title order={2} size="h4">
            {s.partyId === null
              ? t('inventory.reorder.noSupplier')
              : `${s.supplierNumber ?? ''} ${s.name}`}
          </Title>
          <ReportTable label={s.name ?? t('inventory.reorder.noSupplier')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('inventory.items.number')}</Table.Th>
                <Table.Th>{t('inventory.items.name')}</Table.Th>
                <Table.Th>{t('inventory.items.supplierItemNumber')}</Table.Th>
                <Table.Th ta="right">{t('inventory.card.onHand')}</Table.Th>
                <Table.Th ta="right">{t('inventory.items.reorderPoint')}</Table.Th>
                <Table.Th ta="right">{t('inventory.reorder.order')}</Table.Th>
                <Table.Th ta="right">{t('inventory.items.supplierPrice')}</Table.Th>
                <Table.Th ta="right">{t('inventory.items.leadDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((i) => (
                <Table.Tr key={i.itemId}>
                  <Table.Td>
                    <Anchor href={hrefFor(itemCardPath(i.itemId))}>{i.number}</Anchor>
                  </Table.Td>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.supplierItemNumber}</Table.Td>
                  <QuantityCell units={i.onHand} />
                  <QuantityCell units={i.reorderPoint} />
                  <QuantityCell units={i.reorderQuantity} fw={600} />
                  <AmountCell ore={i.price} />
                  <Table.Td ta="right">{i.leadDays}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
        </Stack>
      ))}
    </Page>
  );
}

/** Vareomsetning: turnover and contribution margin by item, group, customer or month. */
export function TurnoverPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [by, setBy] = useState('item');
  const report = useTurnover(company.id, from, to, by);
  const percent = (p: number | null) =>
    p === null ? '' : `${(p / 100).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} %`;
  return (
    <Page title={t('inventory.pages.turnover')} wide>
      <Alert color="blue" variant="light">
        {t('inventory.turnover.basis')}
      </Alert>
      <Group align="flex-start">
        <DateField
          label={t('inventory.turnover.from')}
          value={from}
          onChange={(value) => value && setFrom(value)}
          w={200}
        />
        <DateField
          label={t('inventory.turnover.to')}
          value={to}
          onChange={(value) => value && setTo(value)}
          w={200}
        />
        <NativeSelect
          label={t('inventory.turnover.by')}
          data={(['item', 'group', 'customer', 'month'] as const).map((b) => ({
            value: b,
            label: t(`inventory.turnover.bys.${b}`),
          }))}
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
          w={180}
        />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data && report.data.rows.length === 0 ? (
        <Text c="dimmed">{t('inventory.turnover.none')}</Text>
      ) : null}
      {report.data && report.data.rows.length > 0 ? (
        <ReportTable label={t('inventory.pages.turnover')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t(`inventory.turnover.bys.${report.data.by}`)}</Table.Th>
              <Table.Th>{t('inventory.items.name')}</Table.Th>
              <Table.Th ta="right">{t('inventory.movements.quantity')}</Table.Th>
              <Table.Th ta="right">{t('inventory.turnover.sales')}</Table.Th>
              <Table.Th ta="right">{t('inventory.turnover.cost')}</Table.Th>
              <Table.Th ta="right">{t('inventory.turnover.margin')}</Table.Th>
              <Table.Th ta="right">{t('inventory.turnover.marginPercent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.data.rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.key}</Table.Td>
                <Table.Td>{r.label}</Table.Td>
                <QuantityCell units={r.quantity} />
                <AmountCell ore={r.sales} />
                <AmountCell ore={r.cost} />
                <AmountCell ore={r.margin} />
                <Table.Td ta="right">{percent(r.marginPercent)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td colSpan={3}>{t('inventory.stockList.total')}</Table.Td>
              <AmountCell ore={report.data.total.sales} />
              <AmountCell ore={report.data.total.cost} />
              <AmountCell ore={report.data.total.margin} />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </ReportTable>
      ) : null}
      <Button variant="default" w="fit-content" onClick={() => void report.refetch()}>
        {t('inventory.refresh')}
      </Button>
    </Page>
  );
}
