import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate } from '../../format';
import { voucherPath } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AmountCell, DebitCreditCells } from '../Amount';
import { DateRangeForm } from '../DateRangeForm';
import { useFiscalYearToDate, useRangeParams } from '../ranges';
import { KindPicker, kindFrom, PartySelect } from '../subledger/LedgerPickers';
import type { PartyLedger } from '../types';
import { useSubledgerReport } from './api';
import { ReportTable } from './ReportParts';

/** Kunde-/leverandørspesifikasjon: each party's postings with the running balance. */
export function CustomerLedgerPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { range, params, setRange } = useRangeParams(useFiscalYearToDate());
  const kind = kindFrom(params);
  const partyId = Number(params.get('partyId')) || null;
  const report = useSubledgerReport(company.id, kind, range, partyId);

  return (
    <Page title={t('reports.pages.customerLedger')} intro={t('subledger.specificationIntro')} wide>
      <Group align="flex-end" gap="md">
        <KindPicker
          value={kind}
          onChange={(next) => setRange(range, { kind: next, partyId: undefined })}
        />
        <PartySelect
          kind={kind}
          value={partyId}
          clearable
          onChange={(next) => setRange(range, { partyId: next ?? undefined })}
        />
        <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {report.data?.length === 0 ? <Text>{t('reports.noPostings')}</Text> : null}
      {report.data?.map((party) => (
        <PartyLedgerTable key={party.partyId} party={party} />
      ))}
    </Page>
  );
}

function PartyLedgerTable({ party }: { party: PartyLedger }) {
  const { t } = useTranslation();
  const title = party.number === null ? party.name : `${party.number} ${party.name}`;
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
            <Table.Th w={110}>{t('subledger.invoiceNumber')}</Table.Th>
            <Table.Th w={110}>{t('subledger.dueDate')}</Table.Th>
            <Table.Th>{t('accounting.text')}</Table.Th>
            <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
            <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
            <Table.Th ta="right">{t('subledger.open')}</Table.Th>
            <Table.Th ta="right">{t('reports.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr c="dimmed">
            <Table.Td colSpan={8}>{t('reports.opening')}</Table.Td>
            <AmountCell ore={party.opening} />
          </Table.Tr>
          {party.postings.map((posting) => (
            <Table.Tr key={posting.postingId}>
              <Table.Td>{formatDate(posting.date)}</Table.Td>
              <Table.Td>
                <Anchor size="sm" href={hrefFor(voucherPath(posting.voucherId))}>
                  {posting.series} {posting.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{posting.invoiceNumber ?? ''}</Table.Td>
              <Table.Td>{posting.dueDate ? formatDate(posting.dueDate) : ''}</Table.Td>
              <Table.Td>{posting.description}</Table.Td>
              <DebitCreditCells ore={posting.amount} />
              <AmountCell ore={posting.open} blankZero />
              <AmountCell ore={posting.balance} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={5}>{t('reports.totalAndClosing')}</Table.Td>
            <AmountCell ore={party.debit} blankZero />
            <AmountCell ore={party.credit} blankZero />
            <Table.Td />
            <AmountCell ore={party.closing} />
          </Table.Tr>
        </Table.Tfoot>
      </ReportTable>
    </Stack>
  );
}
