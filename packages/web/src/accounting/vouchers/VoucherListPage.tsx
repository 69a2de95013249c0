import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate } from '../../format';
import { voucherPath } from '../../shell/areas';
import { hrefFor, navigate } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell } from '../Amount';
import { useVouchers } from '../api';
import { DateRangeForm } from '../DateRangeForm';
import { monthToDate, useRangeParams } from '../ranges';
import type { Voucher } from '../types';

const PAGE_SIZE = 50;

/** Bilag: the vouchers of a date range in number order, deleted ones included and marked. */
export function VoucherListPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, params, setRange } = useRangeParams(monthToDate());
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  // One more than a page is asked for, to know whether there is a next page.
  const vouchers = useVouchers(company.id, { ...range, limit: PAGE_SIZE + 1, offset });
  const items = vouchers.data?.slice(0, PAGE_SIZE) ?? [];
  const hasMore = (vouchers.data?.length ?? 0) > PAGE_SIZE;
  const goTo = (next: number) => setRange(range, { offset: next || undefined });

  return (
    <Page title={t('accounting.pages.vouchers')} intro={t('vouchers.intro')} wide>
      <DateRangeForm
        key={`${range.from}:${range.to}`}
        value={range}
        onChange={(next) => setRange(next, { offset: undefined })}
      />
      {vouchers.isError ? <LoadFailed error={vouchers.error} /> : null}
      {vouchers.isPending ? <Loading /> : null}
      {vouchers.isSuccess ? <VoucherTable vouchers={items} /> : null}
      {vouchers.isSuccess && (offset > 0 || hasMore) ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('vouchers.showing', { first: offset + 1, last: offset + items.length })}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              disabled={offset === 0}
              onClick={() => goTo(offset - PAGE_SIZE)}
            >
              {t('vouchers.previous')}
            </Button>
            <Button variant="default" disabled={!hasMore} onClick={() => goTo(offset + PAGE_SIZE)}>
              {t('vouchers.next')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </Page>
  );
}

function VoucherTable({ vouchers }: { vouchers: Voucher[] }) {
  const { t } = useTranslation();
  if (vouchers.length === 0) return <Text>{t('vouchers.none')}</Text>;
  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{t('accounting.voucher')}</Table.Th>
            <Table.Th w={120}>{t('accounting.date')}</Table.Th>
            <Table.Th>{t('accounting.text')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('accounting.amount')}
            </Table.Th>
            <Table.Th w={100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vouchers.map((voucher) => (
            <VoucherRow key={voucher.id} voucher={voucher} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function VoucherRow({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  const deleted = voucher.status === 'deleted';
  const total = voucher.postings.reduce((sum, p) => sum + Math.max(p.amount, 0), 0);
  const path = voucherPath(voucher.id);
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      c={deleted ? 'dimmed' : undefined}
      // The number is the link for keyboards and readers; the row is a larger target for a mouse.
      onClick={(event) => {
        if (!(event.target instanceof HTMLAnchorElement)) navigate(path);
      }}
    >
      <Table.Td>
        <Anchor
          size="sm"
          href={hrefFor(path)}
          c={deleted ? 'dimmed' : undefined}
          td={deleted ? 'line-through' : undefined}
        >
          {voucher.series} {voucher.number}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatDate(voucher.date)}</Table.Td>
      <Table.Td>{voucher.description}</Table.Td>
      <AmountCell ore={deleted ? null : total} />
      <Table.Td ta="right">
        {deleted ? (
          <Badge color="gray" variant="light">
            {t('accounting.deleted')}
          </Badge>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
