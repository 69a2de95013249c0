import { Anchor, Badge, Button, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatAmount, formatDate } from '../../format';
import { canWrite, voucherPath } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { notifyError, notifySuccess } from '../../ui/notify';
import { errorText } from '../../ui/problems';
import { AmountCell } from '../Amount';
import { ReportTable } from '../reports/ReportParts';
import type { OpenItem, Settlement } from '../types';
import { useUnsettle } from './api';

interface OpenItemTableProps {
  title: string;
  items: OpenItem[];
  /** Every item of the party, to name the other side of a settlement. */
  all: OpenItem[];
  picked: number | null;
  /** Absent for a reader, who sees the items but cannot match them. */
  onPick?: ((postingId: number) => void) | undefined;
}

/** One side of the matching: invoices, or payments and credit notes, with what is left open. */
export function OpenItemTable({ title, items, all, picked, onPick }: OpenItemTableProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('subledger.noOpenItems')}</Text>
      ) : (
        <ReportTable label={title}>
          <Table.Thead>
            <Table.Tr>
              {onPick ? <Table.Th w={40} /> : null}
              <Table.Th w={90}>{t('accounting.voucher')}</Table.Th>
              <Table.Th w={110}>{t('accounting.date')}</Table.Th>
              <Table.Th w={110}>{t('subledger.dueDate')}</Table.Th>
              <Table.Th w={110}>{t('subledger.invoiceNumber')}</Table.Th>
              <Table.Th w={150}>{t('subledger.kid')}</Table.Th>
              <Table.Th>{t('accounting.text')}</Table.Th>
              <Table.Th ta="right">{t('accounting.amount')}</Table.Th>
              <Table.Th ta="right">{t('subledger.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <ItemRow
                key={item.postingId}
                item={item}
                all={all}
                picked={picked === item.postingId}
                onPick={onPick}
              />
            ))}
          </Table.Tbody>
        </ReportTable>
      )}
    </Stack>
  );
}

interface ItemRowProps {
  item: OpenItem;
  all: OpenItem[];
  picked: boolean;
  onPick?: ((postingId: number) => void) | undefined;
}

function ItemRow({ item, all, picked, onPick }: ItemRowProps) {
  const { t } = useTranslation();
  const voucher = `${item.series} ${item.number}`;
  const closed = item.open === 0;
  return (
    <Table.Tr bg={picked ? 'blue.0' : undefined}>
      {onPick ? (
        <Table.Td>
          <Radio
            aria-label={t('subledger.choose', { voucher })}
            checked={picked}
            disabled={closed}
            onChange={() => onPick(item.postingId)}
          />
        </Table.Td>
      ) : null}
      <Table.Td>
        <Anchor size="sm" href={hrefFor(voucherPath(item.voucherId))}>
          {voucher}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatDate(item.date)}</Table.Td>
      <Table.Td>{item.dueDate ? formatDate(item.dueDate) : ''}</Table.Td>
      <Table.Td>{item.invoiceNumber ?? ''}</Table.Td>
      <Table.Td>{item.kid ?? ''}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs">
            <span>{item.description}</span>
            {closed ? (
              <Badge color="gray" variant="light">
                {t('subledger.closed')}
              </Badge>
            ) : null}
          </Group>
          {item.settlements.map((settlement) => (
            <SettlementLine key={settlement.id} settlement={settlement} all={all} />
          ))}
        </Stack>
      </Table.Td>
      <AmountCell ore={item.amount} />
      <AmountCell ore={item.open} fw={700} />
    </Table.Tr>
  );
}

/** A match already made, with the button that undoes it. */
function SettlementLine({ settlement, all }: { settlement: Settlement; all: OpenItem[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const unsettle = useUnsettle(company.id);
  const other = all.find((item) => item.postingId === settlement.postingId);
  const text = t('subledger.settlementOf', {
    amount: formatAmount(Math.abs(settlement.amount)),
    other: other
      ? `${other.series} ${other.number}`
      : t('subledger.posting', { id: settlement.postingId }),
    how: t(`subledger.matchedBy.${settlement.matchedBy}`),
  });
  const undo = () =>
    unsettle.mutate(settlement.id, {
      onSuccess: () => notifySuccess(t('subledger.unsettled')),
      onError: (error) => notifyError(t('subledger.settleFailed'), errorText(error, t)),
    });
  return (
    <Group gap="xs">
      <Text size="xs" c="dimmed">
        {text}
      </Text>
      {canWrite(company, 'accounting') ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={undo}
          loading={unsettle.isPending}
        >
          {t('subledger.unsettle')}
        </Button>
      ) : null}
    </Group>
  );
}
