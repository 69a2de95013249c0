import { AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { UserLanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { CompanySwitcher } from './CompanySwitcher';
import { Navigation } from './Navigation';
import { Routes } from './Routes';
import { UserMenu } from './UserMenu';

export function Shell() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [opened, { toggle, close }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Brand compact />
            <CompanySwitcher />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="sm">
              <UserLanguageSwitch value={user.language} />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {/* A closed menu slides off screen; inert keeps Tab and screen readers out of it too. */}
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')} inert={phone && !opened}>
        {/* The menu scrolls on its own, so every entry stays reachable on a short screen. */}
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
        {/* On a phone the header has no room for it, so it moves into the menu. */}
        <AppShell.Section hiddenFrom="sm" pt="md">
          <UserLanguageSwitch value={user.language} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Routes />
      </AppShell.Main>
    </AppShell>
  );
}
