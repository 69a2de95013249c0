import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/types';
import { useSignedIn } from '../auth/session';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useAddMember } from './api';

interface AddMemberFormProps {
  email: string;
  onEmailChange: (email: string) => void;
}

/** Gives an existing user access to the current company with the role's default access. */
export function AddMemberForm({ email, onEmailChange }: AddMemberFormProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [role, setRole] = useState<Role>('user');
  const add = useAddMember(company.id);
  const errors = fieldErrorsOf(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    add.mutate(
      { email: trimmed, role },
      {
        onSuccess: () => {
          notifySuccess(t('users.added', { email: trimmed }));
          onEmailChange('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('users.addTitle')}>
      <Stack gap="sm">
        {add.isError ? <ProblemAlert error={add.error} placedFields={['email', 'role']} /> : null}
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('users.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => onEmailChange(event.currentTarget.value)}
            miw={260}
            style={{ flex: 1 }}
          />
          <NativeSelect
            label={t('users.role')}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            error={errors.role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            w={180}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('users.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
