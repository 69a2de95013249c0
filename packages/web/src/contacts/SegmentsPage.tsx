import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NavLink,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { canWrite } from '../shell/areas';
import { hrefFor, navigate, usePath, useSearchParams } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import {
  useAddSegmentMember,
  useContactSearch,
  useDeleteSegment,
  useInstallPredefined,
  useRemoveSegmentMember,
  useRuleCount,
  useSaveSegment,
  useSegmentMembers,
  useSegments,
  useSegmentTrend,
} from './api';
import { contactPath } from './paths';
import type { Segment, SegmentKind, SegmentTrend, SegmentTrigger } from './types';

const dayOffset = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** Segments as a tree with sizes; the chosen one's members and trend beside it. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const path = usePath();
  const segments = useSegments(company.id);
  const install = useInstallPredefined(company.id);
  const writer = canWrite(company, 'crm');
  const selectedId = Number(params.get('segment')) || null;
  const selected = segments.data?.find((s) => s.id === selectedId) ?? null;
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);

  return (
    <Page
      title={t('contacts.pages.segments')}
      intro={t('contacts.segments.intro')}
      wide
      actions={
        writer ? (
          <>
            <Button
              variant="default"
              loading={install.isPending}
              onClick={() =>
                install.mutate(undefined, {
                  onSuccess: () => notifySuccess(t('contacts.segments.predefinedAdded')),
                })
              }
            >
              {t('contacts.segments.predefined')}
            </Button>
            <Button onClick={() => setEditing('new')}>{t('contacts.segments.newSegment')}</Button>
          </>
        ) : null
      }
    >
      <ProblemAlert error={install.error} />
      {segments.isPending ? <Loading /> : null}
      {segments.isError ? <LoadFailed error={segments.error} /> : null}
      {segments.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder component="nav" aria-label={t('contacts.segments.tree')}>
            {segments.data.length === 0 ? (
              <Text c="dimmed">{t('contacts.segments.none')}</Text>
            ) : (
              <SegmentTree
                segments={segments.data}
                parentId={null}
                selectedId={selectedId}
                onSelect={(id) => navigate(path, { segment: id })}
              />
            )}
          </Card>
          {selected ? (
            <SegmentDetail
              key={selected.id}
              segment={selected}
              writer={writer}
              onEdit={() => setEditing(selected)}
            />
          ) : null}
        </SimpleGrid>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' ? t('contacts.segments.newSegment') : t('contacts.segments.editSegment')
        }
        size="lg"
      >
        {editing !== null && segments.data ? (
          <SegmentForm
            segment={editing === 'new' ? null : editing}
            segments={segments.data}
            defaultParent={editing === 'new' ? selectedId : null}
            onDone={(saved) => {
              setEditing(null);
              if (saved) navigate(path, { segment: saved.id });
            }}
          />
        ) : null}
      </Modal>
    </Page>
  );
}

function SegmentTree({
  segments,
  parentId,
  selectedId,
  onSelect,
}: {
  segments: Segment[];
  parentId: number | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const children = segments.filter((s) => s.parentId === parentId);
  return (
    <>
      {children.map((s) => {
        const hasChildren = segments.some((c) => c.parentId === s.id);
        return (
          <Stack key={s.id} gap={0}>
            <NavLink
              href={hrefFor('/crm/segments', { segment: s.id })}
              active={s.id === selectedId}
              aria-current={s.id === selectedId ? 'true' : undefined}
              label={s.name}
              description={t(`contacts.segments.kinds.${s.kind}`)}
              rightSection={
                <Text
                  size="sm"
                  fw={600}
                  aria-label={t('contacts.segments.size', { count: s.size })}
                >
                  {s.size}
                </Text>
              }
              onClick={(event) => {
                event.preventDefault();
                onSelect(s.id);
              }}
            />
            {hasChildren ? (
              <Stack gap={0} pl="lg" role="group" aria-label={s.name}>
                <SegmentTree
                  segments={segments}
                  parentId={s.id}
                  selectedId={selectedId}
                  onSelect={onSelect}
                />
              </Stack>
            ) : null}
          </Stack>
        );
      })}
    </>
  );
}

function SegmentDetail({
  segment,
  writer,
  onEdit,
}: {
  segment: Segment;
  writer: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const members = useSegmentMembers(company.id, segment.id);
  const remove = useRemoveSegmentMember(company.id, segment.id);
  const del = useDeleteSegment(company.id);
  const path = usePath();
  const to = dayOffset(0);
  const trend = useSegmentTrend(company.id, segment.id, dayOffset(90), to, dayOffset(30));
  const manual = segment.kind !== 'dynamic';

  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="segment-title">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id="segment-title">
              {segment.name}
            </Title>
            <Text c="dimmed" size="sm">
              {t(`contacts.segments.kinds.${segment.kind}`)} ·{' '}
              {t('contacts.segments.size', { count: segment.size })}
            </Text>
          </Stack>
          {writer ? (
            <Group gap="xs">
              <Button
                variant="light"
                color="red"
                loading={del.isPending}
                onClick={() =>
                  del.mutate(segment.id, {
                    onSuccess: () => {
                      notifySuccess(t('contacts.segments.deleted'));
                      navigate(path);
                    },
                  })
                }
              >
                {t('contacts.segments.delete')}
              </Button>
              <Button variant="default" onClick={onEdit}>
                {t('contacts.edit')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {segment.kind === 'dynamic' ? (
          <Text component="pre" size="xs" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {JSON.stringify(segment.rule)}
          </Text>
        ) : null}
        {segment.trigger ? (
          <Text size="sm" mt="sm">
            {t('contacts.segments.trigger')}:{' '}
            {t(`contacts.segments.triggers.${segment.trigger.event}`)}
            {'tag' in segment.trigger ? ` «${segment.trigger.tag}»` : ''}
            {'itemGroup' in segment.trigger ? ` «${segment.trigger.itemGroup}»` : ''}
          </Text>
        ) : null}
      </Card>
      <Card withBorder component="section" aria-labelledby="segment-trend">
        <Title order={3} size="h4" id="segment-trend" mb="xs">
          {t('contacts.segments.trend')}
        </Title>
        {trend.data ? <TrendChart trend={trend.data} /> : <Loading />}
      </Card>
      <Card withBorder component="section" aria-labelledby="segment-members">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4" id="segment-members">
            {t('contacts.segments.members')}
          </Title>
          {writer && manual ? <AddMember segmentId={segment.id} /> : null}
        </Group>
        <ProblemAlert error={remove.error ?? del.error} />
        {members.data?.length === 0 ? (
          <Text c="dimmed">{t('contacts.segments.noMembers')}</Text>
        ) : null}
        {members.data && members.data.length > 0 ? (
          <Table aria-label={t('contacts.segments.members')}>
            <Table.Tbody>
              {members.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <a href={hrefFor(contactPath(c.id))}>{c.name}</a>
                  </Table.Td>
                  <Table.Td c="dimmed">{c.email ?? ''}</Table.Td>
                  {writer && manual ? (
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('contacts.segments.removeMember', { name: c.name })}
                        onClick={() => remove.mutate(c.id)}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Card>
    </Stack>
  );
}

function AddMember({ segmentId }: { segmentId: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [search, setSearch] = useState('');
  const contacts = useContactSearch(company.id, search, null);
  const add = useAddSegmentMember(company.id, segmentId);
  return (
    <Select
      aria-label={t('contacts.segments.addMember')}
      placeholder={t('contacts.segments.addMember')}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={(contacts.data?.items ?? [])
        .slice(0, 20)
        .map((c) => ({ value: String(c.id), label: c.name }))}
      onChange={(v) => {
        if (v) add.mutate(Number(v), { onSuccess: () => setSearch('') });
      }}
      w={260}
    />
  );
}

/** The segment's size per recorded day as a line, drawn as SVG; the change over 30 days below. */
function TrendChart({ trend }: { trend: SegmentTrend }) {
  const { t } = useTranslation();
  const { points, comparison } = trend;
  const width = 520;
  const height = 140;
  const pad = 28;
  const change =
    comparison.change === null ? (
      <Text size="sm" c="dimmed">
        {t('contacts.segments.noChange')}
      </Text>
    ) : (
      <Text size="sm">
        {t('contacts.segments.change', {
          change: `${comparison.change > 0 ? '+' : ''}${comparison.change}`,
          percent:
            comparison.percent === null
              ? '–'
              : `${comparison.percent > 0 ? '+' : ''}${comparison.percent.toLocaleString('nb-NO')} %`,
        })}
      </Text>
    );
  if (points.length === 0) {
    return (
      <Stack gap="xs">
        <Text c="dimmed" size="sm">
          {t('contacts.segments.noTrend')}
        </Text>
        {change}
      </Stack>
    );
  }
  const start = Date.parse(`${dayOffset(90)}T00:00:00Z`);
  const span = Date.parse(`${dayOffset(0)}T00:00:00Z`) - start || 1;
  const max = Math.max(1, ...points.map((p) => p.size));
  const x = (day: string) =>
    pad + ((Date.parse(`${day}T00:00:00Z`) - start) / span) * (width - 2 * pad);
  const y = (size: number) => height - pad / 2 - (size / max) * (height - pad);
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.size).toFixed(1)}`)
    .join(' ');
  const last = points[points.length - 1];
  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={points.map((p) => `${p.day}: ${p.size}`).join(', ')}
      >
        <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-4)" />
        <text x={4} y={y(max) + 4} fontSize="10" fill="var(--mantine-color-dimmed)">
          {max}
        </text>
        <text x={4} y={y(0) + 4} fontSize="10" fill="var(--mantine-color-dimmed)">
          0
        </text>
        <path d={line} fill="none" stroke="var(--mantine-primary-color-filled)" strokeWidth={2} />
        {points.map((p) => (
          <circle
            key={p.day}
            cx={x(p.day)}
            cy={y(p.size)}
            r={2.5}
            fill="var(--mantine-primary-color-filled)"
          />
        ))}
        {last ? (
          <text x={x(last.day) - 4} y={y(last.size) - 6} fontSize="11" textAnchor="end">
            {last.size}
          </text>
        ) : null}
      </svg>
      {change}
    </Stack>
  );
}

const TRIGGERS: SegmentTrigger['event'][] = [
  'contact.created',
  'tag.added',
  'lead.status-changed',
  'sale.item-group',
];

function SegmentForm({
  segment,
  segments,
  defaultParent,
  onDone,
}: {
  segment: Segment | null;
  segments: Segment[];
  defaultParent: number | null;
  onDone: (saved: Segment | null) => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveSegment(company.id);
  const [name, setName] = useState(segment?.name ?? '');
  const [kind, setKind] = useState<SegmentKind>(segment?.kind ?? 'dynamic');
  const [parentId, setParentId] = useState<string | null>(
    segment?.parentId ? String(segment.parentId) : defaultParent ? String(defaultParent) : null,
  );
  const [ruleText, setRuleText] = useState(
    segment?.rule
      ? JSON.stringify(segment.rule, null, 2)
      : '{ "field": "tag", "op": "eq", "value": "" }',
  );
  const [event, setEvent] = useState<SegmentTrigger['event']>(
    segment?.trigger?.event ?? 'tag.added',
  );
  const trig = segment?.trigger;
  const [triggerValue, setTriggerValue] = useState(
    trig && 'tag' in trig
      ? trig.tag
      : trig && 'itemGroup' in trig
        ? trig.itemGroup
        : trig && 'status' in trig
          ? (trig.status ?? '')
          : '',
  );
  const rule = useMemo(() => {
    try {
      return JSON.parse(ruleText) as unknown;
    } catch {
      return undefined;
    }
  }, [ruleText]);
  // The count follows the rule as it is typed, after a short pause.
  const [debouncedRule, setDebouncedRule] = useState(rule);
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedRule(rule), 300);
    return () => clearTimeout(timer);
  }, [rule]);
  const count = useRuleCount(
    company.id,
    debouncedRule,
    parentId ? Number(parentId) : null,
    kind === 'dynamic',
  );
  const errors = fieldErrorsOf(save.error);
  const countErrors = fieldErrorsOf(count.error);
  const ruleError =
    kind !== 'dynamic'
      ? undefined
      : rule === undefined
        ? t('contacts.segments.invalidJson')
        : (Object.entries(errors).find(([f]) => f.startsWith('rule'))?.[1] ??
          Object.entries(countErrors).find(([f]) => f.startsWith('rule'))?.[1]);

  const trigger = (): SegmentTrigger => {
    const v = triggerValue.trim();
    switch (event) {
      case 'contact.created':
        return { event };
      case 'tag.added':
        return { event, tag: v };
      case 'lead.status-changed':
        return v ? { event, status: v } : { event };
      case 'sale.item-group':
        return { event, itemGroup: v };
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: segment?.id ?? null,
        name: name.trim(),
        kind,
        parentId: parentId ? Number(parentId) : null,
        ...(kind === 'dynamic' ? { rule } : {}),
        ...(kind === 'semi' ? { trigger: trigger() } : {}),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('contacts.segments.saved', { name: saved.name }));
          onDone(saved);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.segments.editSegment')}>
      <Stack gap="sm">
        <ProblemAlert
          error={save.error}
          placedFields={Object.keys(errors).filter((f) => f !== '')}
        />
        <TextInput
          label={t('contacts.segments.name')}
          required
          data-autofocus
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label={t('contacts.segments.kind')}
            data={(['static', 'semi', 'dynamic'] as const).map((k) => ({
              value: k,
              label: t(`contacts.segments.kinds.${k}`),
            }))}
            value={kind}
            allowDeselect={false}
            description={t(`contacts.segments.kindHelp.${kind}`)}
            onChange={(v) => v && setKind(v as SegmentKind)}
          />
          <Select
            label={t('contacts.segments.parent')}
            placeholder={t('contacts.segments.noParent')}
            clearable
            data={segments
              .filter((s) => s.id !== segment?.id)
              .map((s) => ({ value: String(s.id), label: s.name }))}
            value={parentId}
            error={errors.parentId}
            onChange={setParentId}
          />
        </Group>
        {kind === 'dynamic' ? (
          <>
            <Textarea
              label={t('contacts.segments.rule')}
              description={t('contacts.segments.ruleHelp')}
              autosize
              minRows={4}
              styles={{ input: { fontFamily: 'monospace' } }}
              value={ruleText}
              error={ruleError}
              onChange={(e) => setRuleText(e.currentTarget.value)}
            />
            <Text size="sm" aria-live="polite" fw={600}>
              {count.data && !ruleError
                ? t('contacts.segments.liveCount', { count: count.data.count })
                : '\u00a0'}
            </Text>
          </>
        ) : null}
        {kind === 'semi' ? (
          <Group grow align="flex-start">
            <Select
              label={t('contacts.segments.trigger')}
              data={TRIGGERS.map((e) => ({
                value: e,
                label: t(`contacts.segments.triggers.${e}`),
              }))}
              value={event}
              allowDeselect={false}
              error={errors.trigger}
              onChange={(v) => v && setEvent(v as SegmentTrigger['event'])}
            />
            {event !== 'contact.created' ? (
              <TextInput
                label={
                  event === 'tag.added'
                    ? t('contacts.segments.triggerTag')
                    : event === 'sale.item-group'
                      ? t('contacts.segments.triggerItemGroup')
                      : t('contacts.segments.triggerStatus')
                }
                value={triggerValue}
                error={Object.entries(errors).find(([f]) => f.startsWith('trigger.'))?.[1]}
                onChange={(e) => setTriggerValue(e.currentTarget.value)}
              />
            ) : null}
          </Group>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
