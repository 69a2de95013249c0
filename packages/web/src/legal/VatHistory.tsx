import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { formatDateTime } from '../format';
import { voucherPath } from '../shell/areas';
import type { VatReturn } from './types';

/**
 * The closings of the term: the original return and each correction, with who closed it,
 * the (supplementary) settlement voucher and the total then. Shown once there is one.
 */
export function VatHistory({ vat }: { vat: VatReturn }) {
  const { t } = useTranslation();
  if (vat.history.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4">
        {t('legal.vat.history')}
      </Title>
      <ReportTable label={t('legal.vat.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('legal.vat.historyVersion')}</Table.Th>
            <Table.Th>{t('legal.vat.historyClosedAt')}</Table.Th>
            <Table.Th>{t('legal.vat.historyBy')}</Table.Th>
            <Table.Th>{t('legal.vat.historyVoucher')}</Table.Th>
            <Table.Th ta="right">{t('legal.vat.historyTotal')}</Table.Th>
            <Table.Th>{t('legal.vat.historyRemark')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vat.history.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                {v.version === 1
                  ? t('legal.vat.versionOriginal', { version: v.version })
                  : t('legal.vat.versionCorrection', { version: v.version })}
              </Table.Td>
              <Table.Td>{formatDateTime(v.closedAt)}</Table.Td>
              <Table.Td>{v.closedBy?.name ?? ''}</Table.Td>
              <Table.Td>
                {v.voucher ? (
                  <Anchor size="sm" href={`#${voucherPath(v.voucher.id)}`}>
                    {`${v.voucher.series} ${v.voucher.number}`}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('legal.vat.none')}
                  </Text>
                )}
              </Table.Td>
              <AmountCell ore={v.total} />
              <Table.Td>{v.remark ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
    </>
  );
}
