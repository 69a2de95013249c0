import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell } from '../Amount';
import { DateRangeForm } from '../DateRangeForm';
import { useFiscalYearToDate, useRangeParams } from '../ranges';
import type { VatSpecification } from '../types';
import { vatCodeInfo, vatCodeName } from '../vat';
import { useBalanceSheet, useIncomeStatement, useVatSpecification } from './api';
import { DownloadLinks, ReportTable } from './ReportParts';
import { StatementTable } from './StatementTable';

/** Resultatregnskap for the dates chosen, with last year and budget when there are any. */
export function IncomeStatementPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, setRange } = useRangeParams(useFiscalYearToDate());
  const report = useIncomeStatement(company.id, range);
  const title = t('reports.pages.incomeStatement');
  return (
    <Page title={title} intro={t('reports.incomeStatementIntro')} wide>
      <Group justify="space-between" align="flex-end">
        <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
        <DownloadLinks report="income-statement" params={{ ...range }} />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data ? (
        <StatementTable
          label={title}
          sections={report.data.sections}
          subtotals={report.data.subtotals}
          totals={[
            {
              label: t('reports.result'),
              amount: report.data.result,
              lastYear: report.data.lastYearResult,
              budget: report.data.budgetResult,
            },
          ]}
        />
      ) : null}
    </Page>
  );
}

/** Balanse at one date. */
export function BalanceSheetPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, setRange } = useRangeParams(useFiscalYearToDate());
  const report = useBalanceSheet(company.id, range.to);
  const title = t('reports.pages.balanceSheet');
  return (
    <Page title={title} intro={t('reports.balanceSheetIntro')} wide>
      <Group justify="space-between" align="flex-end">
        <DateRangeForm key={range.to} value={range} onChange={setRange} single />
        <DownloadLinks report="balance-sheet" params={{ at: range.to }} />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data ? (
        <StatementTable
          label={title}
          sections={report.data.sections}
          totals={[
            {
              label: t('reports.totalAssets'),
              amount: report.data.totalAssets,
              lastYear: report.data.lastYearTotalAssets,
            },
            {
              label: t('reports.totalEquityAndLiabilities'),
              amount: report.data.totalEquityAndLiabilities,
              lastYear: report.data.lastYearTotalEquityAndLiabilities,
            },
          ]}
        />
      ) : null}
    </Page>
  );
}

/** MVA-spesifikasjon: basis and VAT per VAT code, as in the VAT return. */
export function VatSpecificationPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, setRange } = useRangeParams(useFiscalYearToDate());
  const report = useVatSpecification(company.id, range);
  return (
    <Page title={t('reports.pages.vatSpecification')} intro={t('reports.vatIntro')} wide>
      <Group justify="space-between" align="flex-end">
        <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
        <DownloadLinks report="vat-specification" params={{ ...range }} />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data ? <VatTable report={report.data} /> : null}
    </Page>
  );
}

function VatTable({ report }: { report: VatSpecification }) {
  const { t, i18n } = useTranslation();
  if (report.items.length === 0) return <Text>{t('reports.noPostings')}</Text>;
  return (
    <ReportTable label={t('reports.pages.vatSpecification')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('accounting.vatCode')}</Table.Th>
          <Table.Th>{t('accounting.name')}</Table.Th>
          <Table.Th ta="right">{t('reports.basis')}</Table.Th>
          <Table.Th ta="right">{t('reports.outputVat')}</Table.Th>
          <Table.Th ta="right">{t('reports.inputVat')}</Table.Th>
          <Table.Th ta="right">{t('reports.vat')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.items.map((item) => {
          const info = vatCodeInfo(item.vatCode);
          const fallback = i18n.language === 'en' ? item.nameEn : item.nameNb;
          return (
            <Table.Tr key={`${item.vatCode}:${item.direction}`}>
              <Table.Td>{item.vatCode}</Table.Td>
              <Table.Td>{fallback || (info ? vatCodeName(info, i18n.language) : '')}</Table.Td>
              <AmountCell ore={item.basis} />
              <AmountCell ore={item.outputVat} blankZero />
              <AmountCell ore={item.inputVat} blankZero />
              <AmountCell ore={item.vat} />
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td colSpan={5}>{t('reports.totalVat')}</Table.Td>
          <AmountCell ore={report.totalVat} />
        </Table.Tr>
      </Table.Tfoot>
    </ReportTable>
  );
}
