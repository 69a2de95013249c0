import { Alert, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountCell, DebitCreditCells } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { formatDate } from '../format';
import type { PayrollPreview, PayrollRow } from './types';

/** The file's rows as they would be posted, each row's problems in red under it. */
export function PayrollPreviewTable({ preview }: { preview: PayrollPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert color={preview.valid ? 'green' : 'red'} variant="light">
        {preview.valid ? t('legal.payroll.valid') : t('legal.payroll.invalid')}
        {preview.date
          ? ` ${t('legal.payroll.voucherDate', { date: formatDate(preview.date) })}`
          : ''}
      </Alert>
      <ReportTable label={t('legal.payroll.preview')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('legal.payroll.line')}</Table.Th>
            <Table.Th>{t('legal.payroll.fields.date')}</Table.Th>
            <Table.Th>{t('legal.payroll.fields.account')}</Table.Th>
            <Table.Th>{t('legal.payroll.fields.department')}</Table.Th>
            <Table.Th>{t('legal.payroll.fields.project')}</Table.Th>
            <Table.Th>{t('legal.payroll.fields.text')}</Table.Th>
            <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
            <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <PreviewRow key={row.line} row={row} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={6}>{t('legal.payroll.sum')}</Table.Td>
            <AmountCell ore={preview.debit} />
            <AmountCell ore={preview.credit} />
          </Table.Tr>
        </Table.Tfoot>
      </ReportTable>
    </>
  );
}

function PreviewRow({ row }: { row: PayrollRow }) {
  const { t } = useTranslation();
  const failed = row.errors.length > 0;
  return (
    <>
      <Table.Tr bg={failed ? 'red.0' : undefined}>
        <Table.Td>{row.line}</Table.Td>
        <Table.Td>{row.date ? formatDate(row.date) : ''}</Table.Td>
        <Table.Td>{row.account}</Table.Td>
        <Table.Td>{row.department ?? ''}</Table.Td>
        <Table.Td>{row.project ?? ''}</Table.Td>
        <Table.Td>{row.text}</Table.Td>
        <DebitCreditCells ore={row.amount} />
      </Table.Tr>
      {failed ? (
        <Table.Tr bg="red.0">
          <Table.Td />
          <Table.Td colSpan={7}>
            <Text size="sm" c="red.8" fw={500} component="div" role="alert">
              {t('legal.payroll.errors')}:
              <List size="sm" c="red.8">
                {row.errors.map((error) => (
                  <List.Item key={error}>{error}</List.Item>
                ))}
              </List>
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
