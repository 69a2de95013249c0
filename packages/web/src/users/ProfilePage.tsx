import { Button, Group, NativeSelect, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, User } from '../api/types';
import { useSignedIn, useUpdateProfile } from '../auth/session';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useAutoFocus } from '../ui/useAutoFocus';

export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <Page title={t('profile.title')}>
      {/* Keyed so that a language chosen in the header meanwhile is not saved back over. */}
      <ProfileForm key={`${user.name}:${user.language}`} user={user} />
    </Page>
  );
}

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<Language>(user.language);
  const update = useUpdateProfile();
  const firstField = useAutoFocus<HTMLInputElement>();
  const errors = fieldErrorsOf(update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), language },
      { onSuccess: (saved) => notifySuccess(t('profile.saved', { lng: saved.language })) },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={520}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {update.isError ? (
            <ProblemAlert error={update.error} placedFields={['name', 'language']} />
          ) : null}
          <TextInput label={t('profile.email')} value={user.email} readOnly variant="filled" />
          <TextInput
            ref={firstField}
            label={t('profile.name')}
            required
            value={name}
            error={errors.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('profile.language')}
            data={(['nb', 'en'] as const).map((value) => ({
              value,
              label: t(`language.${value}`),
            }))}
            value={language}
            error={errors.language}
            onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
