import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatDateTime } from '../format';
import { canSee } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import {
  crmKey,
  crmPath,
  useCrmContacts,
  useMailing,
  useMailings,
  useMergeFields,
  usePreview,
  useSaveTemplate,
  useStartMailing,
  useTemplates,
} from './api';
import type { Channel, MailingDetail, Template } from './types';

const CHANNELS: Channel[] = ['email', 'sms', 'letter'];

/**
 * Mass mailing: write or pick a template (the merge fields are listed beside it and a
 * preview shows a real contact's text), choose the contacts, send, and follow each
 * recipient's result as it comes.
 */
export function MailingPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const templates = useTemplates(company.id);
  const [templateId, setTemplateId] = useState<number | 'new' | null>(null);
  const [mailingId, setMailingId] = useState<number | null>(null);
  const chosen =
    typeof templateId === 'number' ? templates.data?.find((x) => x.id === templateId) : undefined;

  useEffect(() => {
    if (templateId === null && templates.data?.[0]) setTemplateId(templates.data[0].id);
  }, [templateId, templates.data]);

  return (
    <Page title={t('crm.pages.mailing')} intro={t('crm.mailing.intro')} wide>
      {templates.isPending ? <Loading /> : null}
      {templates.isError ? <LoadFailed error={templates.error} /> : null}
      {templates.data ? (
        <Group align="flex-end" gap="sm">
          <Select
            label={t('crm.mailing.template')}
            data={templates.data.map((x) => ({
              value: String(x.id),
              label: `${x.name} (${t(`crm.mailing.channels.${x.channel}`)})`,
            }))}
            value={typeof templateId === 'number' ? String(templateId) : null}
            onChange={(value) => value && setTemplateId(Number(value))}
            allowDeselect={false}
            w={360}
          />
          <Button variant="default" onClick={() => setTemplateId('new')}>
            {t('crm.mailing.newTemplate')}
          </Button>
        </Group>
      ) : null}
      {templateId === 'new' ? (
        <TemplateEditor key="new" onSaved={(saved) => setTemplateId(saved.id)} />
      ) : chosen ? (
        <TemplateEditor
          key={chosen.id}
          template={chosen}
          onSaved={(saved) => setTemplateId(saved.id)}
        />
      ) : null}
      {chosen ? (
        <SendForm key={`send-${chosen.id}`} template={chosen} onStarted={setMailingId} />
      ) : null}
      {mailingId !== null ? <MailingResult id={mailingId} /> : null}
      <MailingHistory onOpen={setMailingId} />
    </Page>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template?: Template;
  onSaved: (t: Template) => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const fields = useMergeFields(company.id);
  const contacts = useCrmContacts(company.id);
  const save = useSaveTemplate(company.id);
  const preview = usePreview(company.id);
  const [name, setName] = useState(template?.name ?? '');
  const [channel, setChannel] = useState<Channel>(template?.channel ?? 'email');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [previewFor, setPreviewFor] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const errors = fieldErrorsOf(save.error ?? preview.error);

  /** Puts a merge field where the cursor is in the text, and the cursor after it. */
  const insert = (field: string) => {
    const element = bodyRef.current;
    const text = `{{${field}}}`;
    const at = element?.selectionStart ?? body.length;
    const next = body.slice(0, at) + text + body.slice(element?.selectionEnd ?? at);
    setBody(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(template ? { id: template.id } : {}), name: name.trim(), channel, subject, body },
      {
        onSuccess: (saved) => {
          notifySuccess(t('crm.mailing.templateSaved', { name: saved.name }));
          onSaved(saved);
        },
      },
    );
  };

  const showPreview = () =>
    preview.mutate({ subject, body, ...(previewFor ? { partyId: Number(previewFor) } : {}) });

  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <form onSubmit={submit} noValidate aria-label={t('crm.mailing.editor')}>
          <Stack gap="sm">
            <ProblemAlert error={save.error} placedFields={['name', 'subject', 'body']} />
            <Group grow>
              <TextInput
                label={t('crm.mailing.templateName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              <NativeSelect
                label={t('crm.mailing.channel')}
                value={channel}
                data={CHANNELS.map((c) => ({ value: c, label: t(`crm.mailing.channels.${c}`) }))}
                onChange={(e) => setChannel(e.currentTarget.value as Channel)}
              />
            </Group>
            {channel === 'sms' ? null : (
              <TextInput
                label={t('crm.mailing.subject')}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
                error={errors.subject}
              />
            )}
            <Textarea
              ref={bodyRef}
              label={t('crm.mailing.body')}
              autosize
              minRows={6}
              maxRows={16}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors.body}
            />
            {channel === 'sms' ? (
              <Text size="xs" c="dimmed">
                {t('crm.mailing.smsLength', { count: body.length })}
              </Text>
            ) : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('crm.mailing.saveTemplate')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Stack gap="sm">
          <Stack gap={4} role="group" aria-label={t('crm.mailing.mergeFields')}>
            <Text fw={600} size="sm">
              {t('crm.mailing.mergeFields')}
            </Text>
            <Group gap={6}>
              {(fields.data ?? []).map((f) => (
                <UnstyledButton
                  key={f.name}
                  onClick={() => insert(f.name)}
                  title={f.description}
                  aria-label={t('crm.mailing.insertField', { field: `{{${f.name}}}` })}
                >
                  <Badge
                    variant="light"
                    tt="none"
                    style={{ cursor: 'pointer' }}
                  >{`{{${f.name}}}`}</Badge>
                </UnstyledButton>
              ))}
            </Group>
          </Stack>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('crm.mailing.previewFor')}
              placeholder={t('crm.mailing.exampleContact')}
              searchable
              clearable
              data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              value={previewFor}
              onChange={setPreviewFor}
              w={260}
            />
            <Button variant="light" onClick={showPreview} loading={preview.isPending}>
              {t('crm.mailing.preview')}
            </Button>
          </Group>
          <ProblemAlert error={preview.error} />
          {preview.data ? (
            <Paper
              withBorder
              p="sm"
              radius="sm"
              bg="gray.0"
              aria-label={t('crm.mailing.preview')}
              role="region"
            >
              {preview.data.subject ? <Text fw={700}>{preview.data.subject}</Text> : null}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{preview.data.body}</Text>
            </Paper>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function SendForm({
  template,
  onStarted,
}: {
  template: Template;
  onStarted: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const contacts = useCrmContacts(company.id);
  const start = useStartMailing(company.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [segments, setSegments] = useState<string[]>([]);
  // Segments are the contact register's; without access to it the picker is left out.
  const segmentList = useQuery({
    queryKey: ['companies', company.id, 'segments', 'for-mailing'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; name: string; size: number }[] }>(
        `/companies/${company.id}/segments`,
        signal,
      ),
    enabled: canSee(company, 'contacts'),
    retry: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      { templateId: template.id, partyIds: chosen.map(Number), segmentIds: segments.map(Number) },
      { onSuccess: (mailing) => onStarted(mailing.id) },
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('crm.mailing.recipients')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('crm.mailing.sendTitle', { name: template.name })}
          </Title>
          <MultiSelect
            label={t('crm.mailing.recipients')}
            placeholder={t('crm.leads.pickContact')}
            searchable
            data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={chosen}
            onChange={setChosen}
          />
          {segmentList.data ? (
            <MultiSelect
              label={t('crm.mailing.segments')}
              searchable
              data={segmentList.data.items.map((x) => ({
                value: String(x.id),
                label: t('crm.mailing.segmentOption', { name: x.name, count: x.size }),
              }))}
              value={segments}
              onChange={setSegments}
            />
          ) : null}
          <ProblemAlert error={start.error} />
          <Group>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={chosen.length === 0 && segments.length === 0}
            >
              {segments.length > 0
                ? t('crm.mailing.sendWithSegments', {
                    count: chosen.length,
                    segments: segments.length,
                  })
                : t('crm.mailing.send', { count: chosen.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const STATUS_COLOR = { pending: 'gray', sent: 'green', failed: 'red', skipped: 'yellow' } as const;

function MailingResult({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const mailing = useMailing(company.id, id);
  const client = useQueryClient();
  const finished = mailing.data?.state === 'done';
  // The list of earlier mailings shows the counts, which are final only now.
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: [...crmKey(company.id), '/mailings'] });
  }, [finished, client, company.id]);
  if (mailing.isPending) return <Loading />;
  if (mailing.isError) return <LoadFailed error={mailing.error} />;
  const m: MailingDetail = mailing.data;
  const done = m.total - m.pending;
  const reason = (r: MailingDetail['recipients'][number]) =>
    r.reason && ['no-email', 'no-phone', 'no-address'].includes(r.reason)
      ? t(`crm.mailing.reasons.${r.reason as 'no-email' | 'no-phone' | 'no-address'}`)
      : (r.reason ?? '');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('crm.mailing.result')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('crm.mailing.resultOf', { name: m.templateName })}
          </Title>
          {m.channel === 'letter' && m.state === 'done' ? (
            <Anchor
              href={`${API_BASE}${crmPath(company.id, `/mailings/${m.id}/letters.pdf`)}`}
              download
            >
              {t('crm.mailing.letters')}
            </Anchor>
          ) : null}
        </Group>
        <Progress
          value={m.total ? (done / m.total) * 100 : 100}
          aria-label={t('crm.mailing.progress')}
        />
        <Text role="status">
          {m.state === 'done'
            ? t('crm.mailing.finished', { sent: m.sent, failed: m.failed, skipped: m.skipped })
            : t('crm.mailing.running', { done, total: m.total })}
        </Text>
        <Table striped withTableBorder aria-label={t('crm.mailing.perRecipient')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crm.contact')}</Table.Th>
              <Table.Th>{t('crm.mailing.address')}</Table.Th>
              <Table.Th>{t('crm.mailing.status')}</Table.Th>
              <Table.Th>{t('crm.mailing.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.recipients.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.address ?? ''}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {t(`crm.mailing.statuses.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{reason(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function MailingHistory({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const mailings = useMailings(company.id);
  if (!mailings.data || mailings.data.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('crm.mailing.history')}>
      <Title order={2} size="h4">
        {t('crm.mailing.history')}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('crm.mailing.when')}</Table.Th>
            <Table.Th>{t('crm.mailing.template')}</Table.Th>
            <Table.Th>{t('crm.mailing.channel')}</Table.Th>
            <Table.Th ta="right">{t('crm.mailing.statuses.sent')}</Table.Th>
            <Table.Th ta="right">{t('crm.mailing.statuses.failed')}</Table.Th>
            <Table.Th ta="right">{t('crm.mailing.statuses.skipped')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mailings.data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" px={0} onClick={() => onOpen(m.id)}>
                  {formatDateTime(m.createdAt)}
                </Button>
              </Table.Td>
              <Table.Td>{m.templateName}</Table.Td>
              <Table.Td>{t(`crm.mailing.channels.${m.channel}`)}</Table.Td>
              <Table.Td ta="right">{m.sent}</Table.Td>
              <Table.Td ta="right">{m.failed}</Table.Td>
              <Table.Td ta="right">{m.skipped}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
