import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { isDocumentKind } from '@nordbok/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { companyPath } from '../accounting/api';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { OpportunityModal } from '../crm/OpportunityModal';
import { formatAmount, formatDate, formatDateTime, formatOrgNumber } from '../format';
import { salesKey } from '../sales/api';
import { documentPath } from '../sales/kinds';
import { StatusBadge } from '../sales/status';
import type { DocumentPage } from '../sales/types';
import { canSee, canWrite, voucherPath } from '../shell/areas';
import { hrefFor, navigate } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import {
  useAddNote,
  useContact,
  useContactOpportunities,
  useContactSegments,
  useDeleteContact,
  useTimeline,
} from './api';
import { formatPhone } from './ContactListPage';
import { CONTACT_CRM_PATHS, CONTACT_PATHS, editContactPath } from './paths';
import type { Contact, TimelineItem } from './types';

const KNOWN_KINDS = [
  'note',
  'event',
  'mailing',
  'appointment',
  'voucher',
  'lead',
  'opportunity',
  'status',
];

/**
 * Everything about one contact on one screen: details, the CRM's opportunities and the
 * segments the contact is in (for those who may see the CRM), persons, addresses and tags
 * on the left; on the right the timeline (notes, CRM events with points, mailings, appointments
 * and the ledger's vouchers with what is still open), newest first.
 */
export function ContactCardPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const contact = useContact(company.id, id);
  const remove = useDeleteContact(company.id);
  const writer = canWrite(company, 'contacts');
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <LoadFailed error={contact.error} />;
  const c = contact.data;

  const onDelete = () => {
    if (!window.confirm(t('contacts.confirmDelete', { name: c.name }))) return;
    remove.mutate(c.id, {
      onSuccess: () => {
        notifySuccess(t('contacts.deleted', { name: c.name }));
        navigate(CONTACT_PATHS.list);
      },
    });
  };

  return (
    <Page
      title={c.name}
      intro={<RoleBadges contact={c} />}
      wide
      actions={
        <>
          <Button variant="default" component="a" href={hrefFor(CONTACT_PATHS.list)}>
            {t('contacts.back')}
          </Button>
          {writer ? (
            <>
              <Button variant="light" color="red" onClick={onDelete} loading={remove.isPending}>
                {t('contacts.delete')}
              </Button>
              <Button component="a" href={hrefFor(editContactPath(c.id))} accessKey="e">
                {t('contacts.edit')}
              </Button>
            </>
          ) : null}
        </>
      }
    >
      <ProblemAlert error={remove.error} />
      {/* The timeline gets the wider column: it is what the card is read for. */}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Details contact={c} />
            {canSee(company, 'crm') ? (
              <>
                <Opportunities id={c.id} />
                <Segments id={c.id} />
              </>
            ) : null}
            {canSee(company, 'sales') || canSee(company, 'purchasing') ? (
              <Documents id={c.id} />
            ) : null}
            <Persons contact={c} />
            <Addresses contact={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {writer ? <NoteForm id={c.id} /> : null}
            <Timeline id={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function RoleBadges({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" component="span">
      <Badge variant="outline">{t(`contacts.kind.${c.kind}`)}</Badge>
      {c.customerNumber !== null ? (
        <Badge color="blue">{`${t('contacts.roles.customer')} ${c.customerNumber}`}</Badge>
      ) : null}
      {c.supplierNumber !== null ? (
        <Badge color="grape">{`${t('contacts.roles.supplier')} ${c.supplierNumber}`}</Badge>
      ) : null}
      {c.isLead ? (
        <Badge color="orange">
          {`${t('contacts.roles.lead')}${c.leadStatus ? `: ${c.leadStatus}` : ''} · ${t('contacts.card.points', { points: c.leadPoints })}`}
        </Badge>
      ) : null}
      {c.tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

function Details({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('contacts.field.orgNumber'), c.orgNumber ? formatOrgNumber(c.orgNumber) : null],
    [t('contacts.field.email'), c.email],
    [t('contacts.field.phone'), c.phone ? formatPhone(c.phone) : null],
    [t('contacts.field.website'), c.website],
    [
      t('contacts.field.paymentTermsDays'),
      c.paymentTermsDays === null
        ? null
        : t('contacts.card.paymentTerms', { days: c.paymentTermsDays }),
    ],
    [t('contacts.field.blocked'), c.blocked ? t('contacts.field.blockedHint') : null],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="card-details">
      <Title order={2} size="h4" id="card-details" mb="xs">
        {t('contacts.card.details')}
      </Title>
      <Table variant="vertical" withRowBorders={false}>
        <Table.Tbody>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={200}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {c.notes ? (
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.notes}
        </Text>
      ) : null}
    </Card>
  );
}

// Won deals show green and lost ones dimmed, so the open ones stand out.
const OUTCOME_COLORS = { open: undefined, won: 'green', lost: 'dimmed' } as const;

/** The contact's opportunities; each opens in the CRM's opportunity dialog. */
function Opportunities({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const opportunities = useContactOpportunities(company.id, id);
  const [target, setTarget] = useState<number | 'new' | null>(null);
  const items = opportunities.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="card-opportunities">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="card-opportunities">
          {t('contacts.card.opportunities')}
        </Title>
        {canWrite(company, 'crm') ? (
          <Button size="xs" variant="light" onClick={() => setTarget('new')}>
            {t('contacts.card.newOpportunity')}
          </Button>
        ) : null}
      </Group>
      {opportunities.isPending ? <Loading /> : null}
      {opportunities.isError ? <LoadFailed error={opportunities.error} /> : null}
      {opportunities.data && items.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noOpportunities')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={t('contacts.card.opportunities')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.card.opportunityTitle')}</Table.Th>
              <Table.Th ta="right">{t('contacts.card.amount')}</Table.Th>
              <Table.Th>{t('contacts.card.expectedClose')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {/* Stage under the title and owner under the date, so the panel fits its column. */}
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    ta="left"
                    onClick={() => setTarget(o.id)}
                  >
                    {o.title}
                  </Anchor>
                  <Text size="xs" c={OUTCOME_COLORS[o.outcome]}>
                    {o.stageName}
                  </Text>
                </Table.Td>
                <AmountCell ore={o.amount} />
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDate(o.expectedClose)}</Text>
                  <Text size="xs" c="dimmed">
                    {o.ownerName ?? t('contacts.card.noOwner')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <OpportunityModal target={target} onClose={() => setTarget(null)} partyId={id} />
    </Card>
  );
}

/**
 * The contact's latest documents, sales and purchase alike (as far as the user may read
 * them), with their status; each opens the document.
 */
function Documents({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const documents = useQuery({
    queryKey: [...salesKey(company.id), 'contact', id],
    queryFn: ({ signal }) =>
      api.get<DocumentPage>(
        companyPath(company.id, `/documents?partyId=${id}&limit=${DOCUMENTS_SHOWN}`),
        signal,
      ),
  });
  const items = documents.data?.items ?? [];
  const more = (documents.data?.total ?? 0) - items.length;
  return (
    <Card withBorder component="section" aria-labelledby="card-documents">
      <Title order={2} size="h4" id="card-documents" mb="xs">
        {t('sales.list.documents')}
      </Title>
      {documents.isPending ? <Loading /> : null}
      {documents.isError ? <LoadFailed error={documents.error} /> : null}
      {documents.data && items.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noDocuments')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={t('sales.list.documents')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.list.documents')}</Table.Th>
              <Table.Th ta="right">{t('sales.list.gross')}</Table.Th>
              <Table.Th>{t('sales.list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor href={hrefFor(documentPath(d.kind, d.id))}>
                    {t(`sales.kinds.${d.kind}`)} {d.number}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(d.date)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatAmount(d.gross)}
                  {d.currency ? ` ${d.currency}` : ''}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {more > 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('sales.list.count', { shown: items.length, total: documents.data?.total ?? 0 })}
        </Text>
      ) : null}
    </Card>
  );
}

/** The newest documents the panel shows. */
const DOCUMENTS_SHOWN = 15;

const KIND_COLORS = { static: 'gray', semi: 'grape', dynamic: 'teal' } as const;

/** The segments the contact is in today, of every kind. */
function Segments({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const segments = useContactSegments(company.id, id);
  const items = segments.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="card-segments">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="card-segments">
          {t('contacts.card.segments')}
        </Title>
        <Anchor size="sm" href={hrefFor(CONTACT_CRM_PATHS.segments)}>
          {t('contacts.card.allSegments')}
        </Anchor>
      </Group>
      {segments.isPending ? <Loading /> : null}
      {segments.isError ? <LoadFailed error={segments.error} /> : null}
      {segments.data && items.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noSegments')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={t('contacts.card.segments')}>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td ta="right">
                  <Badge size="sm" variant="light" color={KIND_COLORS[s.kind]}>
                    {t(`contacts.segments.kinds.${s.kind}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}

function Persons({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="card-persons">
      <Title order={2} size="h4" id="card-persons" mb="xs">
        {t('contacts.persons')}
      </Title>
      {c.persons.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noPersons')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {c.persons.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm">{p.name}</Text>
                  {p.role ? (
                    <Text size="xs" c="dimmed">
                      {p.role}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.email ? (
                    <Anchor size="sm" href={`mailto:${p.email}`} style={{ wordBreak: 'break-all' }}>
                      {p.email}
                    </Anchor>
                  ) : null}
                  {p.phone ? (
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {formatPhone(p.phone)}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Addresses({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="card-addresses">
      <Title order={2} size="h4" id="card-addresses" mb="xs">
        {t('contacts.addresses')}
      </Title>
      {c.addresses.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noAddresses')}</Text>
      ) : (
        <SimpleGrid cols={2}>
          {c.addresses.map((a) => (
            <Stack key={a.id} gap={0}>
              <Text size="sm" c="dimmed">
                {t(`contacts.addressKind.${a.kind}`)}
              </Text>
              <Text>{a.line1}</Text>
              {a.line2 ? <Text>{a.line2}</Text> : null}
              <Text>
                {[a.postalCode, a.city].filter(Boolean).join(' ')}
                {a.countryCode !== 'NO' ? `, ${a.countryCode}` : ''}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}

function NoteForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const add = useAddNote(company.id, id);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const errors = fieldErrorsOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { title: title.trim(), ...(body.trim() ? { body: body.trim() } : {}) },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          notifySuccess(t('contacts.card.noteSaved'));
        },
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="card-note">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id="card-note">
            {t('contacts.card.addNote')}
          </Title>
          <ProblemAlert error={add.error} placedFields={['title', 'body']} />
          <TextInput
            label={t('contacts.card.noteTitle')}
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            aria-label={t('contacts.field.notes')}
            placeholder={t('contacts.card.noteBodyPlaceholder')}
            autosize
            minRows={1}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button type="submit" w="fit-content" loading={add.isPending}>
            {t('contacts.card.saveNote')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function Timeline({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const timeline = useTimeline(company.id, id);
  const items = timeline.data ?? [];
  const open = items.reduce((sum, i) => sum + (i.voucher?.open ?? 0), 0);
  return (
    <Card withBorder component="section" aria-labelledby="card-timeline">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="card-timeline">
          {t('contacts.card.timeline')}
        </Title>
        {open !== 0 ? (
          <Text size="sm">
            {t('contacts.card.openItems')}: <strong>{formatAmount(open)}</strong>
          </Text>
        ) : null}
      </Group>
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <LoadFailed error={timeline.error} /> : null}
      {timeline.data && items.length === 0 ? (
        <Text c="dimmed">{t('contacts.card.noTimeline')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={t('contacts.card.timeline')}>
          <Table.Tbody>
            {items.map((item) => (
              <TimelineRow key={item.key} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}

function TimelineRow({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const kind = KNOWN_KINDS.includes(item.kind) ? item.kind : 'other';
  const v = item.voucher;
  return (
    <Table.Tr>
      <Table.Td w={120} style={{ whiteSpace: 'nowrap' }}>
        {v ? formatDate(item.at.slice(0, 10)) : formatDateTime(item.at)}
      </Table.Td>
      <Table.Td w={130}>
        <Badge
          size="sm"
          maw={130}
          variant="light"
          color={v ? 'blue' : kind === 'event' ? 'orange' : 'gray'}
        >
          {t(`contacts.timelineKind.${kind as 'note'}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {v ? (
          <Anchor href={hrefFor(voucherPath(v.id))}>
            {t('contacts.card.voucher', { series: v.series, number: v.number })}
          </Anchor>
        ) : null}
        {v ? ' ' : null}
        {item.document && isDocumentKind(item.document.kind) ? (
          <Anchor href={hrefFor(documentPath(item.document.kind, item.document.id))}>
            {item.title}
          </Anchor>
        ) : (
          <Text span>{item.title}</Text>
        )}
        {v?.invoiceNumber ? (
          <Text span c="dimmed" size="sm">
            {` · ${t('contacts.card.invoiceNumber', { number: v.invoiceNumber })}`}
          </Text>
        ) : null}
        {v?.dueDate ? (
          <Text span c="dimmed" size="sm">
            {` · ${t('contacts.card.due', { date: formatDate(v.dueDate) })}`}
          </Text>
        ) : null}
        {item.points ? (
          <Text span c="orange" size="sm">
            {` · ${t('contacts.card.points', { points: item.points })}`}
          </Text>
        ) : null}
        {item.body ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {item.body}
          </Text>
        ) : null}
      </Table.Td>
      {v ? <AmountCell ore={v.amount} /> : <Table.Td />}
      {v ? (
        <Table.Td ta="right" c={v.open !== 0 ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {v.open !== 0 ? `${t('contacts.card.open')} ${formatAmount(v.open)}` : '✓'}
        </Table.Td>
      ) : (
        <Table.Td />
      )}
    </Table.Tr>
  );
}
