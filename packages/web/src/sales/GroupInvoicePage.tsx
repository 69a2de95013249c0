import { Anchor, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { STATUS } from '@nordbok/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatDate } from '../format';
import { hrefFor, navigate } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useDocumentList, useGroupInvoice } from './api';
import { documentPath } from './kinds';
import { PartyPicker } from './PartyPicker';
import { StatusBadge } from './status';
import type { DocumentSummary } from './types';

/**
 * Orders and shipments with something left to invoice: an order until all of it is carried
 * forward (statuses 0–2), a shipment from when it is saved (4) until it is invoiced.
 */
const INVOICEABLE: readonly number[] = [
  STATUS.open,
  STATUS.sent,
  STATUS.partlyCarried,
  STATUS.posted,
];

/** Samlefaktura: one invoice for what remains on several orders and shipments of a customer. */
export function GroupInvoicePage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [party, setParty] = useState<{ id: number; name: string } | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [date, setDate] = useState<string | null>(todayIso());
  const partyField = useAutoFocus<HTMLInputElement>();
  const enabled = party !== null;
  const orders = useDocumentList(
    company.id,
    { side: 'sales', kind: 'order', partyId: party?.id },
    enabled,
  );
  const shipments = useDocumentList(
    company.id,
    { side: 'sales', kind: 'shipment', partyId: party?.id },
    enabled,
  );
  const invoice = useGroupInvoice(company.id);
  const errors = fieldErrorsOf(invoice.error);
  const candidates: DocumentSummary[] = [
    ...(orders.data?.items ?? []),
    ...(shipments.data?.items ?? []),
  ]
    .filter((d) => INVOICEABLE.includes(d.status))
    .sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  const loading = enabled && (orders.isPending || shipments.isPending);

  const toggle = (id: number, on: boolean) =>
    setChosen((old) => (on ? [...old, id] : old.filter((x) => x !== id)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    invoice.mutate(
      { documentIds: chosen, date: date ?? '' },
      {
        onSuccess: (doc) => {
          notifySuccess(
            t('sales.editor.saved', { kind: t(`sales.kinds.${doc.kind}`), number: doc.number }),
          );
          navigate(documentPath(doc.kind, doc.id));
        },
      },
    );
  };

  return (
    <Page title={t('sales.pages.groupInvoice')} intro={t('sales.group.intro')} wide>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md" mb="md">
          <PartyPicker
            ref={partyField}
            side="sales"
            label={t('sales.customer')}
            value={party?.id ?? null}
            onChange={(next) => {
              setParty(next);
              setChosen([]);
              invoice.reset();
            }}
            w={340}
          />
          <DateField
            label={t('sales.group.date')}
            w={180}
            value={date}
            onChange={setDate}
            error={errors.date}
          />
        </Group>
        {orders.isError ? <LoadFailed error={orders.error} /> : null}
        {loading ? <Loading /> : null}
        {party && !loading && candidates.length === 0 ? (
          <Text c="dimmed">{t('sales.group.none', { name: party.name })}</Text>
        ) : null}
        {candidates.length > 0 ? (
          <ReportTable label={t('sales.group.documents')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th w={160}>{t('sales.list.kindColumn')}</Table.Th>
                <Table.Th w={90}>{t('sales.list.number')}</Table.Th>
                <Table.Th w={110}>{t('sales.list.date')}</Table.Th>
                <Table.Th>{t('sales.list.reference')}</Table.Th>
                <Table.Th ta="right">{t('sales.list.net')}</Table.Th>
                <Table.Th w={190}>{t('sales.list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('sales.group.choose', {
                        kind: t(`sales.kinds.${d.kind}`),
                        number: d.number,
                      })}
                      checked={chosen.includes(d.id)}
                      onChange={(event) => toggle(d.id, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>{t(`sales.kinds.${d.kind}`)}</Table.Td>
                  <Table.Td>
                    <Anchor href={hrefFor(documentPath(d.kind, d.id))}>{d.number}</Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(d.date)}</Table.Td>
                  <Table.Td>{d.yourReference}</Table.Td>
                  <AmountCell ore={d.net} />
                  <Table.Td>
                    <StatusBadge status={d.status} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
        ) : null}
        {errors.documentIds ? (
          <Text c="red" size="sm" mt="xs">
            {errors.documentIds}
          </Text>
        ) : null}
        <ProblemAlert
          error={invoice.error}
          title={t('sales.group.failed')}
          placedFields={['date', 'documentIds']}
        />
        <Group mt="md">
          <Button type="submit" disabled={chosen.length === 0} loading={invoice.isPending}>
            {t('sales.group.submit', { count: chosen.length })}
          </Button>
        </Group>
      </form>
    </Page>
  );
}
