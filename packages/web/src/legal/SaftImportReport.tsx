import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { formatAmount, formatDate } from '../format';
import type { SaftImportReport } from './saftImport';

/** What an import did: counts, what the file contradicts in itself, and what was not mapped. */
export function SaftImportReportView({ report }: { report: SaftImportReport }) {
  const { t } = useTranslation();
  const c = report.counts;
  return (
    <Stack gap="md">
      <Alert
        color={report.contradictions.length ? 'yellow' : 'green'}
        variant="light"
        title={t(
          report.createdCompany ? 'legal.saftImport.createdTitle' : 'legal.saftImport.filledTitle',
          {
            name: report.companyName,
          },
        )}
      >
        <Text size="sm">
          {t('legal.saftImport.fileLine', {
            file: report.file.name,
            version: report.file.version,
            from: formatDate(report.file.from),
            to: formatDate(report.file.to),
          })}
        </Text>
        {report.importedBefore ? (
          <Text size="sm">{t('legal.saftImport.importedBefore')}</Text>
        ) : null}
      </Alert>
      <List size="sm" spacing={2} aria-label={t('legal.saftImport.countsTitle')}>
        <List.Item>
          {t('legal.saftImport.vouchers', { count: c.vouchersImported, lines: c.lines })}
        </List.Item>
        {c.vouchersAlreadyThere ? (
          <List.Item>
            {t('legal.saftImport.alreadyThere', { count: c.vouchersAlreadyThere })}
          </List.Item>
        ) : null}
        <List.Item>
          {t('legal.saftImport.created', {
            accounts: c.accountsCreated,
            customers: c.customersCreated,
            suppliers: c.suppliersCreated,
            departments: c.departmentsCreated,
            projects: c.projectsCreated,
            series: c.seriesCreated,
          })}
        </List.Item>
        {report.series.length ? (
          <List.Item>
            {t('legal.saftImport.series', {
              list: report.series.map((s) => `${s.journal} → ${s.series}`).join(', '),
            })}
          </List.Item>
        ) : null}
      </List>
      {report.suspense ? (
        <Alert color="orange" variant="light" title={t('legal.saftImport.suspenseTitle')}>
          {t('legal.saftImport.suspense', {
            account: report.suspense.account,
            amount: formatAmount(report.suspense.amount),
          })}
        </Alert>
      ) : null}
      <Title order={3} size="h4">
        {t('legal.saftImport.contradictionsTitle')}
      </Title>
      {report.contradictions.length === 0 ? (
        <Text size="sm">{t('legal.saftImport.noContradictions')}</Text>
      ) : (
        <ReportTable label={t('legal.saftImport.contradictionsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legal.saftImport.kind')}</Table.Th>
              <Table.Th>{t('legal.saftImport.subject')}</Table.Th>
              <Table.Th ta="right">{t('legal.saftImport.stated')}</Table.Th>
              <Table.Th ta="right">{t('legal.saftImport.computed')}</Table.Th>
              <Table.Th ta="right">{t('legal.saftImport.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.contradictions.map((x) => (
              <Table.Tr key={`${x.kind}/${x.subject}`} title={x.message}>
                <Table.Td>
                  {t(`legal.saftImport.kinds.${x.kind}`, { defaultValue: x.kind })}
                </Table.Td>
                <Table.Td>{x.subject}</Table.Td>
                <AmountCell ore={x.stated} />
                <AmountCell ore={x.computed} />
                <AmountCell ore={x.difference} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      )}
      <Title order={3} size="h4">
        {t('legal.saftImport.unmappedTitle')}
      </Title>
      {report.unmapped.length === 0 ? (
        <Text size="sm">{t('legal.saftImport.allMapped')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {report.unmapped.map((u) => (
            <List.Item key={`${u.kind}/${u.id}`}>
              <Text span fw={600} size="sm">
                {t(`legal.saftImport.unmappedKinds.${u.kind}`, { defaultValue: u.kind })} {u.id}:
              </Text>{' '}
              {u.message}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
