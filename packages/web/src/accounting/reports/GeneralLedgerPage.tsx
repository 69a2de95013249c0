import { Anchor, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate } from '../../format';
import { REPORT_PATHS, voucherPath } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell, DebitCreditCells } from '../Amount';
import { accountLabel } from '../accounts';
import { useAccounts } from '../api';
import { DateRangeForm } from '../DateRangeForm';
import { useFiscalYearToDate, useRangeParams } from '../ranges';
import type { LedgerAccount } from '../types';
import { useGeneralLedger } from './api';
import { ReportTable } from './ReportParts';

/** Hovedbok: one account's postings with the running balance, each leading to its voucher. */
export function GeneralLedgerPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, params, setRange } = useRangeParams(useFiscalYearToDate());
  const account = params.get('account') || null;
  const ledger = useGeneralLedger(company.id, range, account);

  return (
    <Page title={t('reports.pages.generalLedger')} intro={t('reports.generalLedgerIntro')} wide>
      <Anchor size="sm" href={hrefFor(REPORT_PATHS.trialBalance, { ...range })}>
        {t('reports.backToTrialBalance')}
      </Anchor>
      <Group align="flex-start" gap="md">
        <AccountPicker
          value={account}
          onChange={(next) => setRange(range, { account: next ?? undefined })}
        />
        <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
      </Group>
      {account === null ? <Text c="dimmed">{t('reports.chooseAccount')}</Text> : null}
      {ledger.isLoading ? <Loading /> : null}
      {ledger.isError ? <LoadFailed error={ledger.error} /> : null}
      {ledger.data?.length === 0 ? <Text>{t('reports.noPostings')}</Text> : null}
      {ledger.data?.map((entry) => (
        <LedgerAccountTable key={entry.account} entry={entry} />
      ))}
    </Page>
  );
}

function AccountPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const data = (accounts.data ?? []).map((a) => ({
    value: a.number,
    label: accountLabel(a, i18n.language),
  }));
  return (
    <Select
      label={t('accounting.account')}
      w={340}
      data={data}
      value={value}
      searchable
      selectFirstOptionOnChange
      clearable
      placeholder={t('reports.allAccounts')}
      onChange={onChange}
    />
  );
}

function LedgerAccountTable({ entry }: { entry: LedgerAccount }) {
  const { t } = useTranslation();
  const title = `${entry.account} ${entry.name}`;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <ReportTable label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('accounting.date')}</Table.Th>
            <Table.Th w={90}>{t('accounting.voucher')}</Table.Th>
            <Table.Th>{t('accounting.text')}</Table.Th>
            <Table.Th w={100}>{t('accounting.vatCode')}</Table.Th>
            <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
            <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
            <Table.Th ta="right">{t('reports.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr c="dimmed">
            <Table.Td colSpan={6}>{t('reports.opening')}</Table.Td>
            <AmountCell ore={entry.opening} />
          </Table.Tr>
          {entry.postings.map((posting) => (
            <Table.Tr key={posting.postingId}>
              <Table.Td>{formatDate(posting.date)}</Table.Td>
              <Table.Td>
                <Anchor size="sm" href={hrefFor(voucherPath(posting.voucherId))}>
                  {posting.series} {posting.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{posting.description}</Table.Td>
              <Table.Td>{posting.vatCode ?? ''}</Table.Td>
              <DebitCreditCells ore={posting.amount} />
              <AmountCell ore={posting.balance} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={4}>{t('reports.totalAndClosing')}</Table.Td>
            <AmountCell ore={entry.debit} blankZero />
            <AmountCell ore={entry.credit} blankZero />
            <AmountCell ore={entry.closing} />
          </Table.Tr>
        </Table.Tfoot>
      </ReportTable>
    </Stack>
  );
}
