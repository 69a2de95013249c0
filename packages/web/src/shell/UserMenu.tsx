import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout, useSignedIn } from '../auth/session';
import { Chevron } from './CompanySwitcher';
import { navigate } from './router';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: user.name })} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar size="sm" color="blue" radius="xl" component="span">
              {initials(user.name)}
            </Avatar>
            <Text span size="sm" fw={500} visibleFrom="sm">
              {user.name}
            </Text>
            <Chevron />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate('/profile')}>{t('shell.profile')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
