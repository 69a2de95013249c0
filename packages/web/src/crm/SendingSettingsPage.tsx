import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useSaveSendingSettings, useSendingSettings } from './api';
import type { SmsSettings, SmtpSettings } from './types';

/**
 * The SMTP server e-mail goes out through and the SMS provider account. A saved password
 * is never shown; leaving the field empty keeps it.
 */
export function SendingSettingsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const settings = useSendingSettings(company.id);
  return (
    <Page title={t('crm.pages.sendingSettings')} intro={t('crm.sending.intro')}>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadFailed error={settings.error} /> : null}
      {settings.data ? (
        <>
          <SmtpForm saved={settings.data.smtp} />
          <SmsForm saved={settings.data.sms} />
        </>
      ) : null}
    </Page>
  );
}

function SmtpForm({ saved }: { saved: SmtpSettings | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveSendingSettings(company.id);
  const [host, setHost] = useState(saved?.host ?? '');
  const [port, setPort] = useState<number>(saved?.port ?? 587);
  const [secure, setSecure] = useState(saved?.secure ?? false);
  const [user, setUser] = useState(saved?.user ?? '');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(saved?.from ?? '');
  const [fromName, setFromName] = useState(saved?.fromName ?? company.name);
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        smtp: {
          host: host.trim(),
          port,
          secure,
          user: user.trim() || null,
          ...(password ? { password } : {}),
          from: from.trim(),
          fromName: fromName.trim() || null,
        },
      },
      {
        onSuccess: () => {
          setPassword('');
          notifySuccess(t('crm.sending.saved'));
        },
      },
    );
  };
  const placed = ['smtp.host', 'smtp.port', 'smtp.from', 'smtp.user'];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('crm.sending.smtp')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('crm.sending.smtp')}
          </Title>
          <ProblemAlert error={save.error} placedFields={placed} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('crm.sending.host')}
              value={host}
              onChange={(e) => setHost(e.currentTarget.value)}
              error={errors['smtp.host']}
            />
            <NumberInput
              label={t('crm.sending.port')}
              value={port}
              min={1}
              max={65535}
              allowDecimal={false}
              onChange={(v) => setPort(Number(v) || 0)}
              error={errors['smtp.port']}
            />
            <TextInput
              label={t('crm.sending.user')}
              value={user}
              onChange={(e) => setUser(e.currentTarget.value)}
              error={errors['smtp.user']}
            />
            <PasswordInput
              label={t('crm.sending.password')}
              placeholder={saved?.passwordSet ? t('crm.sending.passwordKept') : ''}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <TextInput
              label={t('crm.sending.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors['smtp.from']}
            />
            <TextInput
              label={t('crm.sending.fromName')}
              value={fromName}
              onChange={(e) => setFromName(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Checkbox
            label={t('crm.sending.secure')}
            checked={secure}
            onChange={(e) => setSecure(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('crm.sending.saveSmtp')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SmsForm({ saved }: { saved: SmsSettings | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveSendingSettings(company.id);
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? 'https://wsx.sp247.net');
  const [username, setUsername] = useState(saved?.username ?? '');
  const [password, setPassword] = useState('');
  const [platformId, setPlatformId] = useState(saved?.platformId ?? 'COMMON_API');
  const [platformPartnerId, setPlatformPartnerId] = useState(saved?.platformPartnerId ?? '');
  const [source, setSource] = useState(saved?.source ?? '');
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        sms: {
          provider: 'linkmobility',
          baseUrl: baseUrl.trim(),
          username: username.trim(),
          ...(password ? { password } : {}),
          platformId: platformId.trim(),
          platformPartnerId: platformPartnerId.trim(),
          source: source.trim(),
        },
      },
      {
        onSuccess: () => {
          setPassword('');
          notifySuccess(t('crm.sending.saved'));
        },
      },
    );
  };
  const field = (name: string) => errors[`sms.${name}`];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('crm.sending.sms')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('crm.sending.sms')}
          </Title>
          <ProblemAlert
            error={save.error}
            placedFields={['baseUrl', 'username', 'platformId', 'platformPartnerId', 'source'].map(
              (f) => `sms.${f}`,
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('crm.sending.baseUrl')}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
              error={field('baseUrl')}
            />
            <TextInput
              label={t('crm.sending.source')}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              error={field('source')}
            />
            <TextInput
              label={t('crm.sending.user')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={field('username')}
            />
            <PasswordInput
              label={t('crm.sending.password')}
              placeholder={saved?.passwordSet ? t('crm.sending.passwordKept') : ''}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <TextInput
              label="platformId"
              value={platformId}
              onChange={(e) => setPlatformId(e.currentTarget.value)}
              error={field('platformId')}
            />
            <TextInput
              label="platformPartnerId"
              value={platformPartnerId}
              onChange={(e) => setPlatformPartnerId(e.currentTarget.value)}
              error={field('platformPartnerId')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('crm.sending.saveSms')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
