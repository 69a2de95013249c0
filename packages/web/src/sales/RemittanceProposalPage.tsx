import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
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
import { salesKey } from './api';
import { documentPath } from './kinds';
import type { Document } from './types';

interface BillToPay {
  documentId: number;
  number: number;
  partyId: number;
  partyName: string;
  supplierNumber: number | null;
  date: string;
  dueDate: string | null;
  externalNumber: string | null;
  kid: string | null;
  currency: string | null;
  gross: number;
  open: number;
  creditorAccount: string | null;
}

interface RemittanceProposal {
  dueBy: string;
  bills: BillToPay[];
  total: number;
}

interface NewRemittance {
  date: string;
  documentIds: number[];
  account?: string;
  creditorAccounts: { documentId: number; account: string }[];
}

interface Remittance {
  payments: Document[];
  pain001: string;
  fileName: string;
}

function useRemittanceProposal(companyId: number, dueBy: string) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'remittance-proposal', dueBy],
    queryFn: ({ signal }) =>
      api.get<RemittanceProposal>(
        companyPath(companyId, `/remittance-proposal?dueBy=${dueBy}`),
        signal,
      ),
  });
}

function useRemit(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRemittance) =>
      api.post<Remittance>(companyPath(companyId, '/remittances'), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      return client.invalidateQueries({ queryKey: salesKey(companyId) });
    },
  });
}

/** The bank file as a link the browser saves; the address is freed when the page moves on. */
function PaymentFileLink({ xml, fileName }: { xml: string; fileName: string }) {
  const { t } = useTranslation();
  const href = useMemo(
    () => URL.createObjectURL(new Blob([xml], { type: 'application/xml' })),
    [xml],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <Group gap="sm">
      <Button component="a" href={href} download={fileName} variant="default">
        {t('salesProposals.remittance.download')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('salesProposals.remittance.downloadHelp')}
      </Text>
    </Group>
  );
}

/**
 * Betalingsforslag: unpaid bills falling due, chosen and paid in one go. Each chosen bill
 * becomes a supplier payment, and together they make one pain.001 file for the bank.
 */
export function RemittanceProposalPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'purchasing');
  const [dueBy, setDueBy] = useState<string | null>(todayIso());
  const [shownDueBy, setShownDueBy] = useState(todayIso());
  const [date, setDate] = useState<string | null>(todayIso());
  const [account, setAccount] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [accounts, setAccounts] = useState<Record<number, string>>({});
  const proposal = useRemittanceProposal(company.id, shownDueBy);
  const remit = useRemit(company.id);
  const errors = fieldErrorsOf(remit.error);
  const bills = proposal.data?.bills ?? [];
  const payable = bills.filter((b) => b.currency === null);
  const picked = payable.filter((b) => chosen.includes(b.documentId));
  const total = picked.reduce((s, b) => s + b.open, 0);

  const toggle = (id: number, on: boolean) =>
    setChosen((old) => (on ? [...old, id] : old.filter((x) => x !== id)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!date || picked.length === 0) return;
    remit.mutate(
      {
        date,
        documentIds: picked.map((b) => b.documentId),
        ...(account.trim() ? { account: account.trim() } : {}),
        creditorAccounts: picked
          .filter((b) => (accounts[b.documentId] ?? b.creditorAccount ?? '').trim() !== '')
          .map((b) => ({
            documentId: b.documentId,
            account: (accounts[b.documentId] ?? b.creditorAccount ?? '').trim(),
          })),
      },
      {
        onSuccess: (result) => {
          notifySuccess(t('salesProposals.remittance.created', { count: result.payments.length }));
          setChosen([]);
        },
      },
    );
  };

  // The server names a refused bill by its place among the chosen ones.
  const billError = (documentId: number) => {
    const index = picked.findIndex((b) => b.documentId === documentId);
    return index < 0 ? undefined : errors[`documentIds.${index}`];
  };

  return (
    <Page
      title={t('sales.purchasingPages.remittanceProposal')}
      intro={t('salesProposals.remittance.intro')}
      wide
    >
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md" mb="md">
          <DateField
            label={t('salesProposals.remittance.dueBy')}
            w={200}
            value={dueBy}
            onChange={(value) => {
              setDueBy(value);
              if (value) setShownDueBy(value);
            }}
          />
          <DateField
            label={t('salesProposals.remittance.date')}
            w={200}
            value={date}
            onChange={setDate}
            error={errors.date}
          />
          <TextInput
            label={t('salesProposals.remittance.account')}
            description={t('salesProposals.remittance.accountHelp')}
            w={220}
            value={account}
            inputMode="numeric"
            onChange={(event) => setAccount(event.currentTarget.value)}
            error={errors.account}
          />
        </Group>
        {proposal.isPending ? <Loading /> : null}
        {proposal.isError ? <LoadFailed error={proposal.error} /> : null}
        {proposal.data && bills.length === 0 ? (
          <Text c="dimmed">
            {t('salesProposals.remittance.none', { date: formatDate(shownDueBy) })}
          </Text>
        ) : null}
        {bills.length > 0 ? (
          <ReportTable label={t('sales.purchasingPages.remittanceProposal')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th w={90}>{t('salesProposals.remittance.bill')}</Table.Th>
                <Table.Th>{t('salesProposals.remittance.supplier')}</Table.Th>
                <Table.Th w={120}>{t('salesProposals.remittance.invoice')}</Table.Th>
                <Table.Th w={150}>{t('salesProposals.remittance.kid')}</Table.Th>
                <Table.Th w={110}>{t('salesProposals.remittance.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('salesProposals.remittance.open')}</Table.Th>
                <Table.Th w={240}>{t('salesProposals.remittance.creditorAccount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bills.map((b) => {
                const foreign = b.currency !== null;
                const on = chosen.includes(b.documentId);
                const label = { number: b.number, name: b.partyName };
                return (
                  <Table.Tr key={b.documentId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('salesProposals.remittance.choose', label)}
                        checked={on && !foreign}
                        disabled={foreign || !writer}
                        onChange={(event) => toggle(b.documentId, event.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={hrefFor(documentPath('bill', b.documentId))}>{b.number}</Anchor>
                    </Table.Td>
                    <Table.Td>{b.partyName}</Table.Td>
                    <Table.Td>{b.externalNumber ?? ''}</Table.Td>
                    <Table.Td>{b.kid ?? ''}</Table.Td>
                    <Table.Td>{b.dueDate ? formatDate(b.dueDate) : ''}</Table.Td>
                    <AmountCell ore={b.open} />
                    <Table.Td>
                      {foreign ? (
                        <Text size="sm" c="dimmed">
                          {t('salesProposals.remittance.foreign', { currency: b.currency })}
                        </Text>
                      ) : (
                        <TextInput
                          size="xs"
                          aria-label={t('salesProposals.remittance.creditorAccountOf', label)}
                          inputMode="numeric"
                          placeholder="0000.00.00000"
                          disabled={!writer}
                          value={accounts[b.documentId] ?? b.creditorAccount ?? ''}
                          error={billError(b.documentId)}
                          onChange={(event) => {
                            const v = event.currentTarget.value;
                            setAccounts((old) => ({ ...old, [b.documentId]: v }));
                          }}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ReportTable>
        ) : null}
        {errors.documentIds ? (
          <Text c="red" size="sm" mt="xs">
            {errors.documentIds}
          </Text>
        ) : null}
        <ProblemAlert
          error={remit.error}
          title={t('salesProposals.remittance.failed')}
          placedFields={[
            'date',
            'account',
            ...picked.map((_, i) => `documentIds.${i}`),
            'documentIds',
          ]}
        />
        {writer && payable.length > 0 ? (
          <Group mt="md">
            <Button type="submit" disabled={picked.length === 0 || !date} loading={remit.isPending}>
              {t('salesProposals.remittance.submit', { count: picked.length })}
            </Button>
            <Text size="sm" c="dimmed">
              {t('salesProposals.remittance.chosenTotal', { amount: formatAmount(total) })}
            </Text>
          </Group>
        ) : null}
      </form>
      {remit.data ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={t('salesProposals.remittance.result')}
        >
          <Stack gap="sm">
            <List size="sm">
              {remit.data.payments.map((p) => (
                <List.Item key={p.id}>
                  <Anchor href={hrefFor(documentPath(p.kind, p.id))}>
                    {t('salesProposals.remittance.resultRow', {
                      number: p.number,
                      name: p.partyName,
                      amount: formatAmount(p.gross),
                    })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
            <PaymentFileLink xml={remit.data.pain001} fileName={remit.data.fileName} />
          </Stack>
        </Alert>
      ) : null}
    </Page>
  );
}
