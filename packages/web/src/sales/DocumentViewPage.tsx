import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CLAIM_KINDS, type DocumentKind, STATUS, sideOf } from '@nordbok/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { Attachments } from '../accounting/vouchers/VoucherAttachments';
import { useSignedIn } from '../auth/session';
import { contactPath } from '../contacts/paths';
import { formatAmount, formatDate, formatDateTime } from '../format';
import { QuantityCell } from '../inventory/parts';
import { canWrite, voucherPath } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { documentPdfUrl, useCancelDocument, useDocument, useDocumentEvent } from './api';
import { CarryForwardDialog } from './CarryForwardDialog';
import { discountText } from './draft';
import {
  areaOfSide,
  CANCELLABLE_KINDS,
  CREDIT_KINDS,
  documentPath,
  editDocumentPath,
} from './kinds';
import { PaymentDialog } from './PaymentDialog';
import { StatusBadge, StatusLegend } from './status';
import { formatMarginPercent, Totals } from './Totals';
import type { Document, DocumentLink, Side } from './types';

/** One document: header, lines with what is carried and what remains, totals, links, events. */
export function DocumentViewPage({ side, documentId }: { side: Side; documentId: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const doc = useDocument(company.id, documentId);
  if (doc.isPending) return <Loading />;
  if (doc.isError) return <LoadFailed error={doc.error} />;
  return (
    <DocumentView
      key={doc.data.id}
      doc={doc.data}
      writer={canWrite(company, areaOfSide(side))}
      title={t('sales.view.title', {
        kind: t(`sales.kinds.${doc.data.kind}`),
        number: doc.data.number,
      })}
    />
  );
}

const KNOWN_EVENTS = [
  'created',
  'changed',
  'sent',
  'viewed',
  'note',
  'carried-forward',
  'cancelled',
  'paid',
  'partly-paid',
  'credited',
  'reminded',
  'interest',
  'posted',
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];
const isKnownEvent = (kind: string): kind is KnownEvent =>
  (KNOWN_EVENTS as readonly string[]).includes(kind);

function DocumentView({ doc, writer, title }: { doc: Document; writer: boolean; title: string }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [carryKinds, setCarryKinds] = useState<readonly DocumentKind[] | null>(null);
  const [paying, setPaying] = useState(false);
  const event = useDocumentEvent(company.id, doc.id);
  const cancel = useCancelDocument(company.id, doc.id);
  const sales = !isPurchase(doc.kind);
  const cancelled = doc.status === STATUS.cancelled;
  const onwards = doc.nextKinds.filter((k) => !CREDIT_KINDS.includes(k));
  const credit = doc.nextKinds.filter((k) => CREDIT_KINDS.includes(k));
  const sent = doc.events.some((e) => e.kind === 'sent');
  // Credit notes are settled against what they credit, not paid.
  const canPay =
    CLAIM_KINDS.includes(doc.kind) &&
    !CREDIT_KINDS.includes(doc.kind) &&
    doc.open > 0 &&
    doc.status !== STATUS.credited &&
    !cancelled;
  const canCancel =
    CANCELLABLE_KINDS.includes(doc.kind) &&
    (doc.status === STATUS.open ||
      doc.status === STATUS.sent ||
      doc.status === STATUS.partlyCarried);

  const pdf = (
    <Button
      component="a"
      variant="default"
      href={documentPdfUrl(company.id, doc.id)}
      target="_blank"
      rel="noreferrer"
    >
      {t('sales.view.pdf')}
    </Button>
  );
  const actions = writer ? (
    <>
      {pdf}
      {doc.editable ? (
        <Button component="a" variant="default" href={hrefFor(editDocumentPath(doc.kind, doc.id))}>
          {t('sales.view.edit')}
        </Button>
      ) : null}
      {!sent && !cancelled && doc.kind !== 'payment' && doc.kind !== 'supplier_payment' ? (
        <Button
          variant="default"
          loading={event.isPending}
          onClick={() =>
            event.mutate(
              { kind: 'sent' },
              { onSuccess: () => notifySuccess(t('sales.view.markedSent')) },
            )
          }
        >
          {t('sales.view.markSent')}
        </Button>
      ) : null}
      {canCancel ? (
        <Button
          variant="default"
          color="red"
          loading={cancel.isPending}
          onClick={() => {
            if (!window.confirm(t('sales.view.cancelConfirm'))) return;
            cancel.mutate(undefined, {
              onSuccess: () => notifySuccess(t('sales.view.cancelled')),
            });
          }}
        >
          {t('sales.view.cancel')}
        </Button>
      ) : null}
      {credit.length > 0 ? (
        <Button variant="default" onClick={() => setCarryKinds(credit)}>
          {t('sales.view.credit')}
        </Button>
      ) : null}
      {canPay ? (
        <Button variant="default" onClick={() => setPaying(true)}>
          {t('sales.view.pay')}
        </Button>
      ) : null}
      {onwards.length > 0 ? (
        <Button onClick={() => setCarryKinds(onwards)}>{t('sales.view.carryForward')}</Button>
      ) : null}
    </>
  ) : null;

  return (
    <Page title={title} wide actions={actions ?? pdf}>
      <ProblemAlert error={event.error ?? cancel.error} />
      <HeaderFacts doc={doc} />
      <ChainLinks doc={doc} />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {t('sales.view.lines')}
        </Title>
        <StatusLegend />
      </Group>
      <LinesTable doc={doc} margin={sales} />
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="lg">
        <Stack gap="xs" maw={480}>
          {doc.text ? (
            <>
              <Text fw={600} size="sm">
                {t('sales.editor.text')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {doc.text}
              </Text>
            </>
          ) : null}
        </Stack>
        <Totals
          totals={{
            net: doc.net,
            vat: doc.vat,
            gross: doc.gross,
            byCode: doc.vatByCode,
            margin: doc.margin,
            marginPercent: doc.marginPercent,
          }}
          currency={doc.currency}
          showMargin={sales}
        />
      </Group>
      {doc.voucherId ? (
        <Attachments owner={{ kind: 'document', id: doc.id }} canAdd={writer} />
      ) : null}
      <Events doc={doc} writer={writer} />
      <CarryForwardDialog document={doc} kinds={carryKinds} onClose={() => setCarryKinds(null)} />
      <PaymentDialog document={doc} opened={paying} onClose={() => setPaying(false)} />
    </Page>
  );
}

const isPurchase = (kind: DocumentKind) => sideOf(kind) === 'purchase';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

function HeaderFacts({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const purchase = isPurchase(doc.kind);
  const claim = CLAIM_KINDS.includes(doc.kind);
  const currency = doc.currency ?? 'NOK';
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label={purchase ? t('sales.supplier') : t('sales.customer')}>
          <Anchor href={hrefFor(contactPath(doc.partyId))}>{doc.partyName}</Anchor>
        </Fact>
        <Fact label={t('sales.list.status')}>
          <span data-testid="document-status">
            <StatusBadge status={doc.status} />
          </span>
        </Fact>
        <Fact label={t('sales.editor.date')}>{formatDate(doc.date)}</Fact>
        <Fact label={t('sales.editor.dueDate')}>{doc.dueDate ? formatDate(doc.dueDate) : '–'}</Fact>
        {doc.kid ? <Fact label={t('sales.view.kid')}>{doc.kid}</Fact> : null}
        {doc.externalNumber ? (
          <Fact label={t('sales.editor.externalNumber')}>{doc.externalNumber}</Fact>
        ) : null}
        {doc.yourReference ? (
          <Fact label={t('sales.editor.yourReference')}>{doc.yourReference}</Fact>
        ) : null}
        {doc.ourReference ? (
          <Fact label={t('sales.editor.ourReference')}>{doc.ourReference}</Fact>
        ) : null}
        {doc.currency ? (
          <Fact label={t('sales.view.currency')}>
            {doc.currency}
            {doc.rate ? ` · ${doc.rate.replace('.', ',')}` : ''}
          </Fact>
        ) : null}
        {doc.cash ? (
          <Fact label={t('sales.view.cash')}>
            {t('sales.view.cashPaid', { account: doc.paymentAccount ?? '' })}
          </Fact>
        ) : null}
        {claim ? (
          <Fact label={t('sales.view.paid')}>
            {formatAmount(doc.paid)} {currency}
          </Fact>
        ) : null}
        {claim ? (
          <Fact label={t('sales.view.open')}>
            {formatAmount(doc.open)} {currency}
          </Fact>
        ) : null}
        {doc.voucherId ? (
          <Fact label={t('sales.view.voucher')}>
            <Anchor href={hrefFor(voucherPath(doc.voucherId))}>
              {t('sales.view.openVoucher')}
            </Anchor>
          </Fact>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

/** Each linked document once, in number order, however many of its lines are linked. */
function linkedDocuments(links: readonly DocumentLink[]) {
  const byId = new Map<number, DocumentLink>();
  for (const link of links) if (!byId.has(link.documentId)) byId.set(link.documentId, link);
  return [...byId.values()].sort((a, b) => a.number - b.number);
}

function ChainLinks({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const from = linkedDocuments(doc.sources);
  const to = linkedDocuments(doc.targets);
  if (from.length === 0 && to.length === 0 && doc.creditsDocumentId === null) return null;
  const link = (l: DocumentLink) => (
    <Anchor key={l.documentId} href={hrefFor(documentPath(l.kind, l.documentId))}>
      {t('sales.view.linkName', { kind: t(`sales.kinds.${l.kind}`), number: l.number })}
    </Anchor>
  );
  return (
    <Stack gap={4} role="group" aria-label={t('sales.view.chain')}>
      {from.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('sales.view.from')}
          </Text>
          {from.map(link)}
        </Group>
      ) : null}
      {to.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('sales.view.to')}
          </Text>
          {to.map(link)}
        </Group>
      ) : null}
    </Stack>
  );
}

function LinesTable({ doc, margin }: { doc: Document; margin: boolean }) {
  const { t } = useTranslation();
  if (doc.lines.length === 0) return <Text c="dimmed">{t('sales.view.noLines')}</Text>;
  return (
    <ReportTable label={t('sales.view.lines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>#</Table.Th>
          <Table.Th>{t('sales.editor.columns.description')}</Table.Th>
          <Table.Th ta="right">{t('sales.view.quantity')}</Table.Th>
          <Table.Th>{t('sales.editor.columns.unit')}</Table.Th>
          <Table.Th ta="right">{t('sales.editor.columns.price')}</Table.Th>
          <Table.Th ta="right">{t('sales.editor.columns.discount')}</Table.Th>
          <Table.Th>{t('sales.editor.columns.vatCode')}</Table.Th>
          <Table.Th>{t('sales.editor.columns.account')}</Table.Th>
          <Table.Th ta="right">{t('sales.editor.columns.net')}</Table.Th>
          <Table.Th ta="right">{t('sales.view.carried')}</Table.Th>
          <Table.Th ta="right">{t('sales.view.remaining')}</Table.Th>
          {margin ? <Table.Th ta="right">{t('sales.view.margin')}</Table.Th> : null}
          {margin ? <Table.Th ta="right">{t('sales.view.marginPercent')}</Table.Th> : null}
          <Table.Th>{t('sales.list.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {doc.lines.map((line) => (
          <Table.Tr key={line.id} data-testid={`line-${line.lineNo}`}>
            <Table.Td>{line.lineNo}</Table.Td>
            <Table.Td>
              {line.itemNumber ? (
                <Text span c="dimmed" size="sm" mr={6}>
                  {line.itemNumber}
                </Text>
              ) : null}
              {line.description}
            </Table.Td>
            <QuantityCell units={line.quantity} />
            <Table.Td>{line.unit}</Table.Td>
            <AmountCell ore={line.unitPrice} />
            <Table.Td ta="right">
              {line.discount ? `${discountText(line.discount)} %` : ''}
            </Table.Td>
            <Table.Td>{line.vatCode ?? ''}</Table.Td>
            <Table.Td>{line.account ?? ''}</Table.Td>
            <AmountCell ore={line.net} />
            <QuantityCell units={line.carried} />
            <QuantityCell units={line.remaining} />
            {margin ? <AmountCell ore={line.margin} /> : null}
            {margin ? (
              <Table.Td ta="right">{formatMarginPercent(line.marginPercent)}</Table.Td>
            ) : null}
            <Table.Td>
              <StatusBadge status={line.status} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

function Events({ doc, writer }: { doc: Document; writer: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const addNote = useDocumentEvent(company.id, doc.id);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    addNote.mutate({ kind: 'note', text: note.trim() }, { onSuccess: () => setNote('') });
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('sales.view.events')}
      </Title>
      {doc.events.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('sales.view.noEvents')}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={t('sales.view.events')} maw={900}>
          <Table.Tbody>
            {doc.events.map((e) => {
              const name = isKnownEvent(e.kind) ? t(`sales.events.${e.kind}`) : e.kind;
              return (
                <Table.Tr key={e.id}>
                  <Table.Td w={170}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td w={200}>{name}</Table.Td>
                  {/* The text says more than the kind, or nothing: then it is left out. */}
                  <Table.Td>{e.text.toLowerCase() === name.toLowerCase() ? '' : e.text}</Table.Td>
                  <Table.Td w={180} c="dimmed">
                    {e.userName ?? ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {writer ? (
        <form onSubmit={submit}>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('sales.view.note')}
              w={420}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={500}
            />
            <Button type="submit" mt={25} variant="light" loading={addNote.isPending}>
              {t('sales.view.addNote')}
            </Button>
          </Group>
          <ProblemAlert error={addNote.error} />
        </form>
      ) : null}
    </Stack>
  );
}
