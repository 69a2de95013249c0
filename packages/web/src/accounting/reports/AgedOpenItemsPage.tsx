import { Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell } from '../Amount';
import { DateRangeForm } from '../DateRangeForm';
import { useFiscalYearToDate, useRangeParams } from '../ranges';
import { KindPicker, kindFrom } from '../subledger/LedgerPickers';
import type { AgeBuckets, AgedOpenItems } from '../types';
import { useAgedOpenItems } from './api';
import { ReportTable } from './ReportParts';

const BUCKETS = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'over90'] as const;

/**
 * Aldersfordelte åpne poster at one date. The balance list (saldoliste) is the same report's
 * total column, so it is a view of this screen rather than a screen of its own.
 */
export function AgedOpenItemsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, params, setRange } = useRangeParams(useFiscalYearToDate());
  const kind = kindFrom(params);
  const balances = params.get('view') === 'balances';
  const report = useAgedOpenItems(company.id, kind, range.to);

  return (
    <Page title={t('reports.pages.agedOpenItems')} intro={t('subledger.agedIntro')} wide>
      <Group align="flex-end" gap="md">
        <KindPicker value={kind} onChange={(next) => setRange(range, { kind: next })} />
        <SegmentedControl
          aria-label={t('subledger.view.balances')}
          value={balances ? 'balances' : 'aged'}
          onChange={(next) => setRange(range, { view: next === 'balances' ? next : undefined })}
          data={[
            { value: 'aged', label: t('subledger.view.aged') },
            { value: 'balances', label: t('subledger.view.balances') },
          ]}
        />
        <DateRangeForm key={range.to} value={range} onChange={setRange} single />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data ? <AgedTable report={report.data} balances={balances} /> : null}
    </Page>
  );
}

function AgedTable({ report, balances }: { report: AgedOpenItems; balances: boolean }) {
  const { t } = useTranslation();
  if (report.items.length === 0) return <Text>{t('subledger.noneOpen')}</Text>;
  const columns = balances ? [] : BUCKETS;
  const figures = (row: AgeBuckets) => (
    <>
      {columns.map((key) => (
        <AmountCell key={key} ore={row[key]} blankZero />
      ))}
      <AmountCell ore={row.total} fw={600} />
    </>
  );
  const label = balances ? t('subledger.view.balances') : t('reports.pages.agedOpenItems');
  return (
    <ReportTable label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('subledger.number')}</Table.Th>
          <Table.Th>{t('accounting.name')}</Table.Th>
          {columns.map((key) => (
            <Table.Th key={key} ta="right">
              {t(`subledger.${key}`)}
            </Table.Th>
          ))}
          <Table.Th ta="right">
            {balances ? t('subledger.balanceTotal') : t('accounting.total')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.items.map((row) => (
          <Table.Tr key={row.partyId}>
            <Table.Td>{row.number ?? ''}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            {figures(row)}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td colSpan={2}>{t('accounting.total')}</Table.Td>
          {figures(report.total)}
        </Table.Tr>
      </Table.Tfoot>
    </ReportTable>
  );
}
