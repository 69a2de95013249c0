import {
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, User } from '../api/types';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useCreateUser } from './api';

const EMPTY = { email: '', name: '', password: '', language: 'nb' as Language };
const PLACED_FIELDS = ['email', 'name', 'password', 'language'];

/** For installation administrators: a new login, to be given access to companies afterwards. */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const create = useCreateUser();
  const errors = fieldErrorsOf(create.error);
  const set = (patch: Partial<typeof EMPTY>) => setForm((old) => ({ ...old, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = { ...form, email: form.email.trim(), name: form.name.trim() };
    create.mutate(user, {
      onSuccess: (created) => {
        setForm(EMPTY);
        notifySuccess(t('users.created', { name: created.name }));
        onCreated(created);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('users.createTitle')}>
      <Stack gap="sm">
        {create.isError ? <ProblemAlert error={create.error} placedFields={PLACED_FIELDS} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('users.name')}
            required
            value={form.name}
            error={errors.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            value={form.email}
            error={errors.email}
            onChange={(event) => set({ email: event.currentTarget.value })}
          />
          <PasswordInput
            label={t('users.password')}
            required
            autoComplete="new-password"
            value={form.password}
            error={errors.password}
            onChange={(event) => set({ password: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('users.language')}
            data={(['nb', 'en'] as const).map((value) => ({
              value,
              label: t(`language.${value}`),
            }))}
            value={form.language}
            error={errors.language}
            onChange={(event) => set({ language: event.currentTarget.value as Language })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
