import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuestLanguageSwitch } from '../i18n/LanguageSwitch';
import { CenteredLayout } from '../ui/CenteredLayout';
import { errorText } from '../ui/problems';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useLogin, useSessionExpired } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const expired = useSessionExpired();
  const firstField = useAutoFocus<HTMLInputElement>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <CenteredLayout
      title={t('auth.title')}
      intro={t('auth.intro')}
      corner={<GuestLanguageSwitch />}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          {expired && !login.isError ? (
            <Alert color="blue" variant="light" role="status">
              {t('shell.sessionExpired')}
            </Alert>
          ) : null}
          {login.isError ? (
            <Alert color="red" variant="light" title={t('auth.failed')}>
              {errorText(login.error, t)}
            </Alert>
          ) : null}
          <TextInput
            ref={firstField}
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredLayout>
  );
}
