import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { RecurrenceInterval } from '@nordbok/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { companyPath, ledgerKey } from '../accounting/api';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { salesKey } from './api';
import { documentPath } from './kinds';
import { SALES_PATHS } from './paths';
import type { NewLine } from './types';

/** The recurring documents API's shapes (modules/sales, recurring.service.ts). */
export type RecurringKind = 'invoice' | 'order';

export interface RecurringInput {
  partyId: number;
  kind: RecurringKind;
  description: string;
  interval: RecurrenceInterval;
  nextDate: string;
  endDate: string | null;
  active: boolean;
  lines: NewLine[];
}

export interface Recurring extends RecurringInput {
  id: number;
  partyName: string;
  finished: boolean;
  net: number;
  vat: number;
  gross: number;
  documentCount: number;
  lastDocumentDate: string | null;
  createdAt: string;
}

interface ProposalItem {
  recurringId: number;
  partyId: number;
  partyName: string;
  kind: RecurringKind;
  description: string;
  interval: RecurrenceInterval;
  date: string;
  net: number;
  vat: number;
  gross: number;
}

interface Proposal {
  date: string;
  items: ProposalItem[];
  net: number;
  vat: number;
  gross: number;
}

export interface CreatedDocument {
  id: number;
  kind: RecurringKind;
  number: number;
  date: string;
  partyId: number;
  gross: number;
}

export const recurringPath = (id: number) => `${SALES_PATHS.recurring}/${id}`;
export const newRecurringPath = `${SALES_PATHS.recurring}/new`;

const recurringKey = (companyId: number) => [...salesKey(companyId), 'recurring'] as const;

export function useRecurringList(companyId: number) {
  return useQuery({
    queryKey: [...recurringKey(companyId), 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: Recurring[] }>(companyPath(companyId, '/recurring'), signal),
  });
}

export function useRecurring(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...recurringKey(companyId), 'one', id],
    queryFn: ({ signal }) => api.get<Recurring>(companyPath(companyId, `/recurring/${id}`), signal),
    enabled: id !== null,
  });
}

/** A change that makes documents posts vouchers, so the ledger's answers go stale with it. */
export function useRecurringMutation<I, O>(companyId: number, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      return client.invalidateQueries({ queryKey: salesKey(companyId) });
    },
  });
}

/** Faste oppdrag: the recurring documents, and the proposal of what is due with its run. */
export function RecurringPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'sales');
  const list = useRecurringList(company.id);
  return (
    <Page
      title={t('sales.pages.recurring')}
      intro={t('salesRecurring.intro')}
      wide
      actions={
        writer ? (
          <Button component="a" href={hrefFor(newRecurringPath)}>
            {t('salesRecurring.newRecurring')}
          </Button>
        ) : null
      }
    >
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {list.data ? <RecurringTable items={list.data.items} /> : null}
      {writer ? <ProposalSection /> : null}
    </Page>
  );
}

function RecurringTable({ items }: { items: Recurring[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('salesRecurring.none')}</Text>;
  return (
    <ReportTable label={t('salesRecurring.list')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('salesRecurring.customer')}</Table.Th>
          <Table.Th>{t('salesRecurring.description')}</Table.Th>
          <Table.Th w={90}>{t('salesRecurring.kind')}</Table.Th>
          <Table.Th w={150}>{t('salesRecurring.interval')}</Table.Th>
          <Table.Th w={110}>{t('salesRecurring.nextDate')}</Table.Th>
          <Table.Th w={110}>{t('salesRecurring.endDate')}</Table.Th>
          <Table.Th w={70} ta="right">
            {t('salesRecurring.documents')}
          </Table.Th>
          <Table.Th w={140} ta="right">
            {t('salesRecurring.amount')}
          </Table.Th>
          <Table.Th w={100} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id} data-testid={`recurring-${r.id}`}>
            <Table.Td>{r.partyName}</Table.Td>
            <Table.Td>
              <Anchor
                href={hrefFor(recurringPath(r.id))}
                aria-label={t('salesRecurring.edit', { name: r.description })}
              >
                {r.description}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`salesRecurring.kinds.${r.kind}`)}</Table.Td>
            <Table.Td>{t(`salesRecurring.intervals.${r.interval}`)}</Table.Td>
            <Table.Td>{r.finished ? '' : formatDate(r.nextDate)}</Table.Td>
            <Table.Td>{r.endDate ? formatDate(r.endDate) : ''}</Table.Td>
            <Table.Td ta="right">{r.documentCount}</Table.Td>
            <AmountCell ore={r.gross} />
            <Table.Td>
              {r.finished ? (
                <Badge color="gray" variant="light" size="sm">
                  {t('salesRecurring.finished')}
                </Badge>
              ) : !r.active ? (
                <Badge color="yellow" variant="light" size="sm">
                  {t('salesRecurring.paused')}
                </Badge>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

/** The documents a run on the date would make, and the button that makes them. */
function ProposalSection() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [date, setDate] = useState<string | null>(todayIso());
  const [made, setMade] = useState<CreatedDocument[] | null>(null);
  const proposal = useQuery({
    queryKey: [...recurringKey(company.id), 'proposal', date],
    queryFn: ({ signal }) =>
      api.get<Proposal>(companyPath(company.id, `/recurring-proposal?date=${date}`), signal),
    enabled: date !== null,
    placeholderData: keepPreviousData,
  });
  const run = useRecurringMutation(company.id, (input: { date: string; ids: number[] }) =>
    api.post<{ created: CreatedDocument[] }>(companyPath(company.id, '/recurring-run'), input),
  );
  const errors = fieldErrorsOf(run.error);
  const items = proposal.data?.items ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget) || !date) return;
    const ids = [...new Set(items.map((i) => i.recurringId))];
    run.mutate(
      { date, ids },
      {
        onSuccess: (result) => {
          setMade(result.created);
          notifySuccess(
            result.created.length > 0
              ? t('salesRecurring.ran', { count: result.created.length })
              : t('salesRecurring.ranNothing'),
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('salesRecurring.proposal')}
        </Title>
        <DateField
          label={t('salesRecurring.proposalDate')}
          w={200}
          value={date}
          onChange={(value) => {
            setDate(value);
            run.reset();
          }}
          error={errors.date}
        />
        {proposal.isError ? <LoadFailed error={proposal.error} /> : null}
        {proposal.data && items.length === 0 ? (
          <Text c="dimmed">
            {t('salesRecurring.proposalNone', { date: formatDate(proposal.data.date) })}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <ReportTable label={t('salesRecurring.proposal')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('sales.list.date')}</Table.Th>
                <Table.Th>{t('salesRecurring.customer')}</Table.Th>
                <Table.Th>{t('salesRecurring.description')}</Table.Th>
                <Table.Th w={90}>{t('salesRecurring.kind')}</Table.Th>
                <Table.Th w={130} ta="right">
                  {t('sales.list.net')}
                </Table.Th>
                <Table.Th w={140} ta="right">
                  {t('salesRecurring.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={`${i.recurringId}-${i.date}`}>
                  <Table.Td>{formatDate(i.date)}</Table.Td>
                  <Table.Td>{i.partyName}</Table.Td>
                  <Table.Td>{i.description}</Table.Td>
                  <Table.Td>{t(`salesRecurring.kinds.${i.kind}`)}</Table.Td>
                  <AmountCell ore={i.net} />
                  <AmountCell ore={i.gross} />
                </Table.Tr>
              ))}
              <Table.Tr fw={600}>
                <Table.Td colSpan={4}>{t('salesRecurring.proposalTotal')}</Table.Td>
                <AmountCell ore={proposal.data?.net ?? 0} />
                <AmountCell ore={proposal.data?.gross ?? 0} />
              </Table.Tr>
            </Table.Tbody>
          </ReportTable>
        ) : null}
        <ProblemAlert
          error={run.error}
          title={t('salesRecurring.runFailed')}
          placedFields={['date']}
        />
        <Group>
          <Button type="submit" disabled={items.length === 0} loading={run.isPending}>
            {t('salesRecurring.run', { count: items.length })}
          </Button>
        </Group>
        {made && made.length > 0 ? (
          <Stack gap={4}>
            <Text fw={600}>{t('salesRecurring.made')}</Text>
            <List size="sm">
              {made.map((d) => (
                <List.Item key={d.id}>
                  <Anchor href={hrefFor(documentPath(d.kind, d.id))}>
                    {t('salesRecurring.madeRow', {
                      kind: t(`salesRecurring.kinds.${d.kind}`),
                      number: d.number,
                      date: formatDate(d.date),
                    })}
                  </Anchor>{' '}
                  {formatAmount(d.gross)}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}
