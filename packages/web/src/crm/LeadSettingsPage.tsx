import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import {
  useChangeEventType,
  useCreateEventType,
  useEventTypes,
  useLeadStatuses,
  useSaveStages,
  useSaveStatuses,
  useStages,
} from './api';
import type { EventType, LeadStatus, Outcome, Stage } from './types';

/** Lead settings: the statuses with their point thresholds, and the events that give points. */
export function LeadSettingsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const statuses = useLeadStatuses(company.id);
  const types = useEventTypes(company.id);
  const stages = useStages(company.id);
  return (
    <Page title={t('crm.pages.leadSettings')} intro={t('crm.settings.intro')}>
      <Stack gap="xs" component="section" aria-label={t('crm.settings.statuses')}>
        <Title order={2} size="h4">
          {t('crm.settings.statuses')}
        </Title>
        {statuses.isPending ? <Loading /> : null}
        {statuses.isError ? <LoadFailed error={statuses.error} /> : null}
        {statuses.data ? <StatusEditor saved={statuses.data} /> : null}
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('crm.settings.eventTypes')}>
        <Title order={2} size="h4">
          {t('crm.settings.eventTypes')}
        </Title>
        {types.isPending ? <Loading /> : null}
        {types.isError ? <LoadFailed error={types.error} /> : null}
        {types.data ? <EventTypeTable types={types.data} /> : null}
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('crm.settings.stages')}>
        <Title order={2} size="h4">
          {t('crm.settings.stages')}
        </Title>
        {stages.isPending ? <Loading /> : null}
        {stages.isError ? <LoadFailed error={stages.error} /> : null}
        {stages.data ? <StageEditor saved={stages.data} /> : null}
      </Stack>
    </Page>
  );
}

interface DraftStatus {
  key: string;
  id?: number;
  name: string;
  threshold: number;
  leads: number;
}

const draftOf = (saved: LeadStatus[]): DraftStatus[] =>
  saved.map((s) => ({
    key: String(s.id),
    id: s.id,
    name: s.name,
    threshold: s.threshold,
    leads: s.leads,
  }));

function StatusEditor({ saved }: { saved: LeadStatus[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveStatuses(company.id);
  const [rows, setRows] = useState(() => draftOf(saved));
  useEffect(() => setRows(draftOf(saved)), [saved]);
  const errors = fieldErrorsOf(save.error);

  const change = (index: number, patch: Partial<DraftStatus>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      rows.map(({ id, name, threshold }) => ({ ...(id ? { id } : {}), name, threshold })),
      { onSuccess: () => notifySuccess(t('crm.settings.statusesSaved')) },
    );
  };

  const placed = rows.flatMap((_, i) => [`statuses.${i}.name`, `statuses.${i}.threshold`]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={save.error} placedFields={placed} />
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crm.settings.statusName')}</Table.Th>
              <Table.Th>{t('crm.settings.threshold')}</Table.Th>
              <Table.Th>{t('crm.settings.leads')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <TextInput
                    aria-label={t('crm.settings.statusNameOf', { n: i + 1 })}
                    value={row.name}
                    error={errors[`statuses.${i}.name`]}
                    onChange={(e) => change(i, { name: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('crm.settings.thresholdOf', { n: i + 1 })}
                    value={row.threshold}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    w={110}
                    error={errors[`statuses.${i}.threshold`]}
                    onChange={(value) => change(i, { threshold: Number(value) || 0 })}
                  />
                </Table.Td>
                <Table.Td>{row.leads}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('crm.settings.removeStatus', { name: row.name })}
                    onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setRows((current) => [
                ...current,
                { key: `new-${Date.now()}`, name: '', threshold: 100, leads: 0 },
              ])
            }
          >
            {t('crm.settings.addStatus')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('crm.settings.saveStatuses')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EventTypeTable({ types }: { types: EventType[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const create = useCreateEventType(company.id);
  const change = useChangeEventType(company.id);
  const [name, setName] = useState('');
  const [points, setPoints] = useState<number>(5);
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), points },
      {
        onSuccess: (saved) => {
          notifySuccess(t('crm.settings.eventTypeAdded', { name: saved.name }));
          setName('');
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('crm.settings.eventName')}</Table.Th>
            <Table.Th>{t('crm.leads.points')}</Table.Th>
            <Table.Th>{t('crm.settings.inUse')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <Table.Tr key={type.id}>
              <Table.Td>{type.name}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('crm.settings.pointsOf', { name: type.name })}
                  defaultValue={type.points}
                  min={-100}
                  max={100}
                  allowDecimal={false}
                  w={110}
                  onBlur={(e) => {
                    const value = Number(e.currentTarget.value.replace('−', '-'));
                    if (Number.isInteger(value) && value !== type.points)
                      change.mutate({ id: type.id, points: value });
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('crm.settings.activeOf', { name: type.name })}
                  checked={type.active}
                  onChange={(e) => change.mutate({ id: type.id, active: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ProblemAlert error={change.error} />
      <form onSubmit={submit} noValidate aria-label={t('crm.settings.newEventType')}>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('crm.settings.eventName')}
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={300}
          />
          <NumberInput
            label={t('crm.leads.points')}
            value={points}
            min={-100}
            max={100}
            allowDecimal={false}
            error={errors.points}
            onChange={(value) => setPoints(Number(value) || 0)}
            w={110}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('crm.settings.addEventType')}
          </Button>
        </Group>
        <ProblemAlert error={create.error} placedFields={['name', 'points']} />
      </form>
    </Stack>
  );
}

interface DraftStage {
  key: string;
  id?: number;
  name: string;
  probability: number;
  outcome: Outcome;
  opportunities: number;
}

const stageDraftOf = (saved: Stage[]): DraftStage[] =>
  saved.map((s) => ({
    key: String(s.id),
    id: s.id,
    name: s.name,
    probability: s.probability,
    outcome: s.outcome,
    opportunities: s.opportunities,
  }));

/** The sales stages in order, each with its probability; won and lost close an opportunity. */
function StageEditor({ saved }: { saved: Stage[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveStages(company.id);
  const [rows, setRows] = useState(() => stageDraftOf(saved));
  useEffect(() => setRows(stageDraftOf(saved)), [saved]);
  const errors = fieldErrorsOf(save.error);
  const change = (index: number, patch: Partial<DraftStage>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      rows.map(({ id, name, probability, outcome }) => ({
        ...(id ? { id } : {}),
        name,
        probability,
        outcome,
      })),
      { onSuccess: () => notifySuccess(t('crm.settings.stagesSaved')) },
    );
  };

  const placed = rows.flatMap((_, i) => [`stages.${i}.name`, `stages.${i}.probability`]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={save.error} placedFields={placed} />
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crm.settings.stageName')}</Table.Th>
              <Table.Th>{t('crm.settings.probability')}</Table.Th>
              <Table.Th>{t('crm.settings.outcome')}</Table.Th>
              <Table.Th>{t('crm.settings.opportunities')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <TextInput
                    aria-label={t('crm.settings.stageNameOf', { n: i + 1 })}
                    value={row.name}
                    error={errors[`stages.${i}.name`]}
                    onChange={(e) => change(i, { name: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('crm.settings.probabilityOf', { n: i + 1 })}
                    value={row.probability}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    w={110}
                    error={errors[`stages.${i}.probability`]}
                    onChange={(value) => change(i, { probability: Number(value) || 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('crm.settings.outcomeOf', { n: i + 1 })}
                    value={row.outcome}
                    data={(['open', 'won', 'lost'] as const).map((value) => ({
                      value,
                      label: t(`crm.settings.outcomes.${value}`),
                    }))}
                    error={errors[`stages.${i}.outcome`]}
                    onChange={(e) => change(i, { outcome: e.currentTarget.value as Outcome })}
                  />
                </Table.Td>
                <Table.Td>{row.opportunities}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('crm.settings.removeStatus', { name: row.name })}
                    onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              // A new stage is open, so it goes before the first closing stage.
              const at = rows.findIndex((row) => row.outcome !== 'open');
              const added: DraftStage = {
                key: `new-${Date.now()}`,
                name: '',
                probability: 50,
                outcome: 'open',
                opportunities: 0,
              };
              setRows((current) =>
                at === -1
                  ? [...current, added]
                  : [...current.slice(0, at), added, ...current.slice(at)],
              );
            }}
          >
            {t('crm.settings.addStage')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('crm.settings.saveStages')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
