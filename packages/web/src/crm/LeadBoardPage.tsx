import {
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { formatDate, formatDateTime } from '../format';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import {
  useCreateLead,
  useCrmContacts,
  useEventTypes,
  useLead,
  useLeadStatuses,
  useLeads,
  useLogEvent,
  useMoveLead,
} from './api';
import { OpportunityModal } from './OpportunityModal';
import type { Lead, LeadStatus } from './types';

/**
 * The lead funnel as a board: one column per status, coldest first, each lead with its
 * points. Logging an event is a two-field form at the top that Enter sends; choosing a card
 * (Enter or click) puts its contact in that form and jumps to the event type.
 */
export function LeadBoardPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const statuses = useLeadStatuses(company.id);
  const leads = useLeads(company.id);
  const [selected, setSelected] = useState<number | null>(null);
  const eventField = useRef<HTMLInputElement>(null);
  const writer = canWrite(company, 'crm');

  const choose = (lead: Lead) => {
    setSelected(lead.partyId);
    eventField.current?.focus();
  };

  return (
    <Page title={t('crm.pages.leads')} intro={t('crm.leads.intro')} wide>
      {writer ? (
        <LogEventForm selected={selected} onSelect={setSelected} eventField={eventField} />
      ) : null}
      {statuses.isPending || leads.isPending ? <Loading /> : null}
      {statuses.isError ? <LoadFailed error={statuses.error} /> : null}
      {leads.isError ? <LoadFailed error={leads.error} /> : null}
      {statuses.data && leads.data ? (
        <Board statuses={statuses.data} leads={leads.data} selected={selected} onChoose={choose} />
      ) : null}
      {selected !== null && statuses.data ? (
        <LeadPanel partyId={selected} statuses={statuses.data} writer={writer} />
      ) : null}
    </Page>
  );
}

function LogEventForm({
  selected,
  onSelect,
  eventField,
}: {
  selected: number | null;
  onSelect: (partyId: number | null) => void;
  eventField: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const contacts = useCrmContacts(company.id);
  const types = useEventTypes(company.id);
  const log = useLogEvent(company.id);
  const [eventTypeId, setEventTypeId] = useState<string | null>(null);

  const contactOptions = useMemo(
    () => (contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name })),
    [contacts.data],
  );
  const typeOptions = (types.data ?? [])
    .filter((type) => type.active)
    .map((type) => ({
      value: String(type.id),
      label: `${type.name} (${type.points >= 0 ? '+' : ''}${type.points})`,
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected === null || !eventTypeId) return;
    log.mutate(
      { partyId: selected, eventTypeId: Number(eventTypeId) },
      {
        onSuccess: (result) => {
          const moved = result.moved.at(-1);
          notifySuccess(
            moved
              ? t('crm.leads.movedTo', {
                  name: result.lead.name,
                  status: moved,
                  points: result.lead.points,
                })
              : t('crm.leads.logged', { name: result.lead.name, points: result.lead.points }),
          );
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('crm.leads.logEvent')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('crm.contact')}
              placeholder={t('crm.leads.pickContact')}
              searchable
              data={contactOptions}
              value={selected === null ? null : String(selected)}
              onChange={(value) => onSelect(value ? Number(value) : null)}
              w={280}
              data-autofocus
            />
            <Select
              ref={eventField}
              label={t('crm.leads.eventType')}
              searchable
              data={typeOptions}
              value={eventTypeId}
              onChange={setEventTypeId}
              w={300}
            />
            <Button
              type="submit"
              loading={log.isPending}
              disabled={selected === null || !eventTypeId}
            >
              {t('crm.leads.log')}
            </Button>
          </Group>
          <ProblemAlert error={log.error} />
        </Stack>
      </form>
    </Paper>
  );
}

function Board({
  statuses,
  leads,
  selected,
  onChoose,
}: {
  statuses: LeadStatus[];
  leads: Lead[];
  selected: number | null;
  onChoose: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {statuses.map((status) => {
          const inStatus = leads.filter((lead) => lead.statusId === status.id);
          return (
            <Paper
              key={status.id}
              withBorder
              radius="md"
              p="sm"
              miw={240}
              w={260}
              bg="gray.0"
              component="section"
              aria-label={status.name}
            >
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Title order={2} size="h5">
                    {status.name}
                  </Title>
                  <Badge variant="light" color="gray">
                    {inStatus.length}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('crm.leads.fromPoints', { points: status.threshold })}
                </Text>
                {inStatus.map((lead) => (
                  <UnstyledButton
                    key={lead.partyId}
                    onClick={() => onChoose(lead)}
                    aria-pressed={selected === lead.partyId}
                    aria-label={t('crm.leads.cardLabel', { name: lead.name, points: lead.points })}
                  >
                    <Paper
                      withBorder
                      p="xs"
                      radius="sm"
                      bg={selected === lead.partyId ? 'blue.0' : 'white'}
                      style={{
                        borderColor:
                          selected === lead.partyId ? 'var(--mantine-color-blue-6)' : undefined,
                      }}
                    >
                      <Group justify="space-between" gap={4} wrap="nowrap">
                        <Text size="sm" fw={600} truncate>
                          {lead.name}
                        </Text>
                        <Badge size="sm" variant="filled" style={{ flexShrink: 0 }}>
                          {lead.points}
                        </Badge>
                      </Group>
                      <Progress value={lead.points} size="xs" mt={6} aria-hidden />
                      <Text size="xs" c="dimmed" mt={4}>
                        {lead.lastEventAt
                          ? t('crm.leads.lastEvent', {
                              date: formatDate(lead.lastEventAt.slice(0, 10)),
                            })
                          : t('crm.leads.noEvents')}
                      </Text>
                    </Paper>
                  </UnstyledButton>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

/** The chosen lead: where it stands, the statuses it reached and its latest events. */
function LeadPanel({
  partyId,
  statuses,
  writer,
}: {
  partyId: number;
  statuses: LeadStatus[];
  writer: boolean;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const lead = useLead(company.id, partyId);
  const create = useCreateLead(company.id);
  const move = useMoveLead(company.id);
  const [opportunity, setOpportunity] = useState<'new' | null>(null);
  const notLead = lead.isError && (lead.error as { status?: number }).status === 404;
  if (lead.isPending) return <Loading />;
  if (notLead)
    return (
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between">
          <Text>{t('crm.leads.notALead')}</Text>
          {writer ? (
            <Button
              variant="light"
              loading={create.isPending}
              onClick={() => create.mutate({ partyId })}
            >
              {t('crm.leads.makeLead')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert error={create.error} />
      </Paper>
    );
  if (lead.isError) return <LoadFailed error={lead.error} />;
  const detail = lead.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={detail.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('crm.leads.cardLabel', { name: detail.name, points: detail.points })}
          </Title>
          {writer ? (
            <Button variant="light" onClick={() => setOpportunity('new')}>
              {t('crm.opportunities.new')}
            </Button>
          ) : null}
          {writer ? (
            <Select
              label={t('crm.leads.moveTo')}
              data={statuses.map((s) => ({ value: String(s.id), label: s.name }))}
              value={String(detail.statusId)}
              onChange={(value) => value && move.mutate({ partyId, statusId: Number(value) })}
              allowDeselect={false}
              w={220}
            />
          ) : null}
        </Group>
        <ProblemAlert error={move.error} />
        <OpportunityModal
          target={opportunity}
          partyId={partyId}
          onClose={() => setOpportunity(null)}
        />
        <Group align="flex-start" grow>
          <Table striped withTableBorder aria-label={t('crm.leads.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('crm.leads.status')}</Table.Th>
                <Table.Th>{t('crm.leads.reached')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.history.map((h) => (
                <Table.Tr key={`${h.statusId}-${h.reachedAt}`}>
                  <Table.Td>{h.statusName}</Table.Td>
                  <Table.Td>{formatDateTime(h.reachedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table striped withTableBorder aria-label={t('crm.leads.events')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('crm.leads.event')}</Table.Th>
                <Table.Th ta="right">{t('crm.leads.points')}</Table.Th>
                <Table.Th>{t('crm.leads.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.events.slice(0, 10).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td ta="right">{e.points > 0 ? `+${e.points}` : e.points}</Table.Td>
                  <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      </Stack>
    </Paper>
  );
}
