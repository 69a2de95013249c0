import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { REPORT_PATHS } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell } from '../Amount';
import { DateRangeForm } from '../DateRangeForm';
import { useFiscalYearToDate, useRangeParams } from '../ranges';
import type { DateRange, TrialBalanceRow } from '../types';
import { useTrialBalance } from './api';
import { DownloadLinks, ReportTable } from './ReportParts';

/** Saldobalanse: every account's opening, movement and closing balance for the dates chosen. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, setRange } = useRangeParams(useFiscalYearToDate());
  const rows = useTrialBalance(company.id, range);

  return (
    <Page title={t('reports.pages.trialBalance')} intro={t('reports.trialBalanceIntro')} wide>
      <Group justify="space-between" align="flex-end">
        <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
        <DownloadLinks report="trial-balance" params={{ ...range }} />
      </Group>
      {rows.isPending ? <Loading /> : null}
      {rows.isError ? <LoadFailed error={rows.error} /> : null}
      {rows.data ? <TrialBalanceTable rows={rows.data} range={range} /> : null}
    </Page>
  );
}

function TrialBalanceTable({ rows, range }: { rows: TrialBalanceRow[]; range: DateRange }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text>{t('reports.noPostings')}</Text>;
  const sum = (key: 'opening' | 'debit' | 'credit' | 'closing') =>
    rows.reduce((total, row) => total + row[key], 0);
  const closing = sum('closing');
  return (
    <ReportTable label={t('reports.pages.trialBalance')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('accounting.account')}</Table.Th>
          <Table.Th>{t('accounting.name')}</Table.Th>
          <Table.Th ta="right">{t('reports.opening')}</Table.Th>
          <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
          <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
          <Table.Th ta="right">{t('reports.closing')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.account}>
            <Table.Td>
              <Anchor
                size="sm"
                href={hrefFor(REPORT_PATHS.generalLedger, { ...range, account: row.account })}
                aria-label={t('reports.postingsOf', { account: `${row.account} ${row.name}` })}
              >
                {row.account}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <AmountCell ore={row.opening} />
            <AmountCell ore={row.debit} blankZero />
            <AmountCell ore={row.credit} blankZero />
            <AmountCell ore={row.closing} />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td colSpan={2}>{t('accounting.total')}</Table.Td>
          <AmountCell ore={sum('opening')} />
          <AmountCell ore={sum('debit')} />
          <AmountCell ore={sum('credit')} />
          {/* The closing balances of a sound ledger add up to nothing. */}
          <AmountCell ore={closing} c={closing === 0 ? undefined : 'red.7'} />
        </Table.Tr>
      </Table.Tfoot>
    </ReportTable>
  );
}
