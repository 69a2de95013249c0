import { Anchor, Badge, Button, Checkbox, Group, List, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { companyPath, ledgerKey } from '../accounting/api';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
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

interface ReminderInvoice {
  documentId: number;
  number: number;
  date: string;
  dueDate: string;
  currency: string | null;
  gross: number;
  open: number;
  remindersSent: number;
  lastReminderDate: string | null;
  level: number;
  daysOverdue: number;
  interest: number | null;
  interestDays: number;
  interestProblem: string | null;
}

interface ReminderCustomer {
  partyId: number;
  partyName: string;
  fee: number;
  open: number;
  interest: number;
  invoices: ReminderInvoice[];
  collection: ReminderInvoice[];
}

interface ReminderProposal {
  date: string;
  fee: number;
  maxFee: number;
  interestBasisPoints: number | null;
  customers: ReminderCustomer[];
}

interface CreatedDocument {
  documentId: number;
  kind: 'reminder' | 'interest_note';
  number: number;
  partyId: number;
  partyName: string;
  gross: number;
  invoiceNumbers: number[];
}

function useReminderProposal(companyId: number, date: string | null) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'reminder-proposal', date],
    queryFn: ({ signal }) =>
      api.get<ReminderProposal>(
        companyPath(companyId, `/reminder-proposal?date=${encodeURIComponent(date ?? '')}`),
        signal,
      ),
    enabled: date !== null,
    placeholderData: keepPreviousData,
  });
}

/** Reminders post their fees and interest, so the ledger's answers go stale with them. */
function useCreateReminders(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; partyIds: number[]; interest: boolean }) =>
      api.post<{ items: CreatedDocument[] }>(companyPath(companyId, '/reminders'), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      return client.invalidateQueries({ queryKey: salesKey(companyId) });
    },
  });
}

const amountIn = (ore: number, currency: string | null) =>
  currency ? `${formatAmount(ore)} ${currency}` : formatAmount(ore);

/**
 * Purring: the overdue invoices that may be reminded on a date, per customer with the fee
 * and the interest so far; the chosen customers get one reminder each (and an interest note).
 */
export function RemindersPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [date, setDate] = useState<string | null>(todayIso());
  const [skipped, setSkipped] = useState<number[]>([]);
  const [withInterest, setWithInterest] = useState(false);
  const [created, setCreated] = useState<CreatedDocument[]>([]);
  const proposal = useReminderProposal(company.id, date);
  const create = useCreateReminders(company.id);
  const errors = fieldErrorsOf(create.error ?? proposal.error);
  const customers = proposal.data?.customers ?? [];
  const remindable = customers.filter((c) => c.invoices.length > 0);
  const chosen = remindable.filter((c) => !skipped.includes(c.partyId));

  const toggle = (partyId: number, on: boolean) =>
    setSkipped((old) => (on ? old.filter((x) => x !== partyId) : [...old, partyId]));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget) || !date) return;
    create.mutate(
      { date, partyIds: chosen.map((c) => c.partyId), interest: withInterest },
      {
        onSuccess: (result) => {
          setCreated(result.items);
          notifySuccess(t('salesReminders.created', { count: result.items.length }));
        },
      },
    );
  };

  const rate = proposal.data?.interestBasisPoints;
  return (
    <Page title={t('sales.pages.reminders')} intro={t('salesReminders.intro')} wide>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md" mb="md">
          <DateField
            label={t('salesReminders.date')}
            w={180}
            value={date}
            onChange={(next) => {
              setDate(next);
              create.reset();
            }}
            error={errors.date}
          />
        </Group>
        {proposal.data ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('salesReminders.feeInfo', {
              fee: formatAmount(proposal.data.fee),
              max: formatAmount(proposal.data.maxFee),
              rate:
                rate === null || rate === undefined ? '–' : (rate / 100).toLocaleString('nb-NO'),
            })}
          </Text>
        ) : null}
        {proposal.isError && !errors.date ? <LoadFailed error={proposal.error} /> : null}
        {proposal.isPending && date ? <Loading /> : null}
        {proposal.data && customers.length === 0 ? (
          <Text c="dimmed">
            {t('salesReminders.none', { date: formatDate(proposal.data.date) })}
          </Text>
        ) : null}
        {customers.length > 0 ? (
          <ReportTable label={t('salesReminders.proposal')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('sales.customer')}</Table.Th>
                <Table.Th w={90}>{t('salesReminders.invoice')}</Table.Th>
                <Table.Th w={110}>{t('salesReminders.dueDate')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('salesReminders.daysOverdue')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('salesReminders.level')}
                </Table.Th>
                <Table.Th ta="right">{t('salesReminders.open')}</Table.Th>
                <Table.Th ta="right">{t('salesReminders.interest')}</Table.Th>
                <Table.Th ta="right">{t('salesReminders.fee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Fragment key={c.partyId}>
                  {c.invoices.map((i, n) => (
                    <Table.Tr key={i.documentId}>
                      <Table.Td>
                        {n === 0 ? (
                          <Checkbox
                            aria-label={t('salesReminders.choose', { name: c.partyName })}
                            checked={!skipped.includes(c.partyId)}
                            onChange={(event) => toggle(c.partyId, event.currentTarget.checked)}
                          />
                        ) : null}
                      </Table.Td>
                      <Table.Td fw={n === 0 ? 600 : undefined}>
                        {n === 0 ? c.partyName : ''}
                      </Table.Td>
                      <Table.Td>
                        <Anchor href={hrefFor(documentPath('invoice', i.documentId))}>
                          {i.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                      <Table.Td ta="right">{i.daysOverdue}</Table.Td>
                      <Table.Td ta="right">{i.level}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {amountIn(i.open, i.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {i.interest === null ? (
                          <Text span size="sm" c="red" title={i.interestProblem ?? undefined}>
                            {t('salesReminders.noInterest')}
                          </Text>
                        ) : (
                          amountIn(i.interest, i.currency)
                        )}
                      </Table.Td>
                      <AmountCell ore={n === 0 ? c.fee : null} />
                    </Table.Tr>
                  ))}
                  {c.collection.map((i, n) => (
                    <Table.Tr key={i.documentId}>
                      <Table.Td />
                      <Table.Td fw={n === 0 && c.invoices.length === 0 ? 600 : undefined}>
                        {n === 0 && c.invoices.length === 0 ? c.partyName : ''}
                      </Table.Td>
                      <Table.Td>
                        <Anchor href={hrefFor(documentPath('invoice', i.documentId))}>
                          {i.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                      <Table.Td ta="right">{i.daysOverdue}</Table.Td>
                      <Table.Td ta="right" colSpan={4}>
                        <Badge
                          color="red"
                          variant="light"
                          tt="none"
                          title={t('salesReminders.collectionHelp')}
                        >
                          {t('salesReminders.collection')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </ReportTable>
        ) : null}
        {errors.partyIds || errors.interest ? (
          <Text c="red" size="sm" mt="xs">
            {errors.partyIds ?? errors.interest}
          </Text>
        ) : null}
        <ProblemAlert
          error={create.error}
          title={t('salesReminders.failed')}
          placedFields={['date', 'partyIds', 'interest']}
        />
        <Group mt="md">
          <Checkbox
            label={t('salesReminders.withInterest')}
            checked={withInterest}
            onChange={(event) => setWithInterest(event.currentTarget.checked)}
          />
          <Button type="submit" disabled={chosen.length === 0} loading={create.isPending}>
            {t('salesReminders.submit', { count: chosen.length })}
          </Button>
        </Group>
      </form>
      {created.length > 0 ? (
        <div>
          <Text fw={600} mb="xs">
            {t('salesReminders.result')}
          </Text>
          <List>
            {created.map((d) => (
              <List.Item key={d.documentId}>
                <Anchor href={hrefFor(documentPath(d.kind, d.documentId))}>
                  {t('salesReminders.resultRow', {
                    kind: t(`sales.kinds.${d.kind}`),
                    number: d.number,
                    name: d.partyName,
                  })}
                </Anchor>{' '}
                <Text span c="dimmed" size="sm">
                  {formatAmount(d.gross)} ·{' '}
                  {t('salesReminders.forInvoices', { numbers: d.invoiceNumbers.join(', ') })}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Page>
  );
}
