import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Access,
  type Member,
  MODULES,
  type Permissions,
  ROLES,
  type Role,
} from '../api/types';
import { useSignedIn } from '../auth/session';
import { notifyError, notifySuccess } from '../ui/notify';
import { errorText } from '../ui/problems';
import { useUpdateMember } from './api';
import { accessChoices, defaultPermissions, samePermissions } from './permissions';
import { RemoveMemberButton } from './RemoveMemberButton';

/** One member's role and per-area access, edited in place and saved together. */
export function MemberCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const [role, setRole] = useState<Role>(member.role);
  const [permissions, setPermissions] = useState<Permissions>(member.permissions);
  const update = useUpdateMember(company.id);
  const dirty = role !== member.role || !samePermissions(permissions, member.permissions);

  const chooseRole = (next: Role) => {
    setRole(next);
    setPermissions(next === member.role ? member.permissions : defaultPermissions(next));
  };
  const save = () =>
    update.mutate(
      { userId: member.userId, role, permissions },
      {
        onSuccess: () => notifySuccess(t('users.updated', { name: member.name })),
        onError: (error) => notifyError(member.name, errorText(error, t)),
      },
    );

  return (
    <Paper component="section" aria-label={member.name} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <MemberName member={member} isYou={member.userId === user.id} />
          <NativeSelect
            label={t('users.role')}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(event) => chooseRole(event.currentTarget.value as Role)}
            w={180}
          />
        </Group>
        <PermissionGrid
          name={member.name}
          role={role}
          permissions={permissions}
          onChange={setPermissions}
        />
        <Group justify="flex-end" gap="sm">
          <RemoveMemberButton member={member} />
          <Button onClick={save} disabled={!dirty} loading={update.isPending}>
            {t('users.saveMember')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MemberName({ member, isYou }: { member: Member; isYou: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Group gap="xs">
        <Text fw={600}>{member.name}</Text>
        {isYou ? (
          <Badge size="sm" variant="light" tt="none">
            {t('common.you')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {member.email}
      </Text>
    </Stack>
  );
}

interface PermissionGridProps {
  name: string;
  role: Role;
  permissions: Permissions;
  onChange: (permissions: Permissions) => void;
}

function PermissionGrid({ name, role, permissions, onChange }: PermissionGridProps) {
  const { t } = useTranslation();
  const choices = accessChoices(role);
  const note = roleNote(role);
  return (
    <Stack gap={6} role="group" aria-label={t('users.permissionsFor', { name })}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
        {MODULES.map((module) => (
          <NativeSelect
            key={module}
            size="xs"
            label={t(`areas.${module}`)}
            data={choices.map((value) => ({ value, label: t(`access.${value}`) }))}
            value={permissions[module]}
            disabled={role === 'administrator'}
            onChange={(event) =>
              onChange({ ...permissions, [module]: event.currentTarget.value as Access })
            }
          />
        ))}
      </SimpleGrid>
      {note ? (
        <Text size="xs" c="dimmed">
          {t(note)}
        </Text>
      ) : null}
    </Stack>
  );
}

function roleNote(role: Role) {
  if (role === 'administrator') return 'users.adminHasAll' as const;
  return role === 'guest' ? ('users.guestReadOnly' as const) : null;
}
