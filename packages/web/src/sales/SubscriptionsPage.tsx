import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { companyPath } from '../accounting/api';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { formatQuantity } from '../inventory/parts';
import { canWrite } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { salesKey } from './api';
import { documentPath } from './kinds';
import { type CreatedDocument, useRecurringMutation } from './RecurringPage';

/** The subscriptions API's shapes (modules/sales, recurring.service.ts). */
interface Subscription {
  id: number;
  partyId: number;
  partyName: string;
  itemId: number;
  itemNumber: string;
  itemName: string;
  period: string | null;
  quantity: number;
  startDate: string;
  endDate: string;
  renewal: 'automatic' | 'manual';
  status: 'active' | 'cancelled';
  sourceDocumentId: number | null;
}

interface RenewalItem extends Subscription {
  nextStart: string;
  nextEnd: string;
  net: number;
  vat: number;
  gross: number;
}

const subscriptionsKey = (companyId: number) => [...salesKey(companyId), 'subscriptions'] as const;

/** Abonnementer: every subscription, and the renewals due around a date. */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'sales');
  const list = useQuery({
    queryKey: [...subscriptionsKey(company.id), 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: Subscription[] }>(companyPath(company.id, '/subscriptions'), signal),
  });
  const cancel = useRecurringMutation(company.id, (id: number) =>
    api.post<Subscription>(companyPath(company.id, `/subscriptions/${id}/cancel`)),
  );
  const today = todayIso();
  return (
    <Page
      title={t('sales.pages.subscriptions')}
      intro={t('salesRecurring.subscriptions.intro')}
      wide
    >
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Text c="dimmed">{t('salesRecurring.subscriptions.none')}</Text>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ReportTable label={t('salesRecurring.subscriptions.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('salesRecurring.customer')}</Table.Th>
              <Table.Th>{t('salesRecurring.subscriptions.item')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('salesRecurring.subscriptions.quantity')}
              </Table.Th>
              <Table.Th w={110}>{t('salesRecurring.subscriptions.start')}</Table.Th>
              <Table.Th w={110}>{t('salesRecurring.subscriptions.end')}</Table.Th>
              <Table.Th w={120}>{t('salesRecurring.subscriptions.renewal')}</Table.Th>
              <Table.Th w={110}>{t('salesRecurring.subscriptions.status')}</Table.Th>
              {writer ? <Table.Th w={100} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((s) => {
              const ended = s.endDate < today;
              const status = ended ? 'ended' : s.status;
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.partyName}</Table.Td>
                  <Table.Td>
                    {s.itemNumber} {s.itemName}
                  </Table.Td>
                  <Table.Td ta="right">{formatQuantity(s.quantity)}</Table.Td>
                  <Table.Td>{formatDate(s.startDate)}</Table.Td>
                  <Table.Td>{formatDate(s.endDate)}</Table.Td>
                  <Table.Td>{t(`salesRecurring.subscriptions.renewals.${s.renewal}`)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={status === 'active' ? 'green' : 'gray'}>
                      {t(`salesRecurring.subscriptions.statuses.${status}`)}
                    </Badge>
                  </Table.Td>
                  {writer ? (
                    <Table.Td>
                      {s.status === 'active' && !ended ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            cancel.mutate(s.id, {
                              onSuccess: () =>
                                notifySuccess(t('salesRecurring.subscriptions.cancelled')),
                            })
                          }
                        >
                          {t('salesRecurring.subscriptions.cancel')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      <RenewalSection writer={writer} />
    </Page>
  );
}

/** Subscriptions ending within 30 days of the date: renew the automatic ones, or those chosen. */
function RenewalSection({ writer }: { writer: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [date, setDate] = useState<string | null>(todayIso());
  const [chosen, setChosen] = useState<number[]>([]);
  const [made, setMade] = useState<CreatedDocument[] | null>(null);
  const proposal = useQuery({
    queryKey: [...subscriptionsKey(company.id), 'renewals', date],
    queryFn: ({ signal }) =>
      api.get<{ date: string; items: RenewalItem[] }>(
        companyPath(company.id, `/subscription-renewals?date=${date}`),
        signal,
      ),
    enabled: date !== null,
    placeholderData: keepPreviousData,
  });
  const renew = useRecurringMutation(company.id, (input: { date: string; ids?: number[] }) =>
    api.post<{ created: CreatedDocument[] }>(
      companyPath(company.id, '/subscription-renewals'),
      input,
    ),
  );
  const errors = fieldErrorsOf(renew.error);
  const items = proposal.data?.items ?? [];

  const run = (ids?: number[]) => {
    if (!date) return;
    renew.mutate(
      { date, ...(ids ? { ids } : {}) },
      {
        onSuccess: (result) => {
          setMade(result.created);
          setChosen([]);
          notifySuccess(
            result.created.length > 0
              ? t('salesRecurring.subscriptions.renewed', { count: result.created.length })
              : t('salesRecurring.subscriptions.renewedNothing'),
          );
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('salesRecurring.subscriptions.proposal')}
        </Title>
        <DateField
          label={t('salesRecurring.subscriptions.proposalDate')}
          w={200}
          value={date}
          onChange={(value) => {
            setDate(value);
            renew.reset();
          }}
          error={errors.date}
        />
        {proposal.isError ? <LoadFailed error={proposal.error} /> : null}
        {proposal.data && items.length === 0 ? (
          <Text c="dimmed">
            {t('salesRecurring.subscriptions.proposalNone', {
              date: formatDate(proposal.data.date),
            })}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <ReportTable label={t('salesRecurring.subscriptions.proposal')}>
            <Table.Thead>
              <Table.Tr>
                {writer ? <Table.Th w={40} /> : null}
                <Table.Th>{t('salesRecurring.customer')}</Table.Th>
                <Table.Th>{t('salesRecurring.subscriptions.item')}</Table.Th>
                <Table.Th w={110}>{t('salesRecurring.subscriptions.end')}</Table.Th>
                <Table.Th w={220}>{t('salesRecurring.subscriptions.nextPeriod')}</Table.Th>
                <Table.Th w={120}>{t('salesRecurring.subscriptions.renewal')}</Table.Th>
                <Table.Th w={140} ta="right">
                  {t('salesRecurring.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  {writer ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('salesRecurring.subscriptions.choose', {
                          name: s.partyName,
                          item: s.itemName,
                        })}
                        checked={chosen.includes(s.id)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          setChosen((old) => (on ? [...old, s.id] : old.filter((x) => x !== s.id)));
                        }}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>{s.partyName}</Table.Td>
                  <Table.Td>
                    {s.itemNumber} {s.itemName}
                  </Table.Td>
                  <Table.Td>{formatDate(s.endDate)}</Table.Td>
                  <Table.Td>
                    {formatDate(s.nextStart)} – {formatDate(s.nextEnd)}
                  </Table.Td>
                  <Table.Td>{t(`salesRecurring.subscriptions.renewals.${s.renewal}`)}</Table.Td>
                  <AmountCell ore={s.gross} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
        ) : null}
        <ProblemAlert
          error={renew.error}
          title={t('salesRecurring.subscriptions.renewFailed')}
          placedFields={['date']}
        />
        {writer ? (
          <Group>
            <Button
              type="submit"
              disabled={!items.some((s) => s.renewal === 'automatic')}
              loading={renew.isPending}
            >
              {t('salesRecurring.subscriptions.renewAuto')}
            </Button>
            <Button
              variant="default"
              disabled={chosen.length === 0}
              loading={renew.isPending}
              onClick={() => run(chosen)}
            >
              {t('salesRecurring.subscriptions.renewChosen', { count: chosen.length })}
            </Button>
          </Group>
        ) : null}
        {made && made.length > 0 ? (
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
        ) : null}
      </Stack>
    </form>
  );
}
