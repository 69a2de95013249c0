import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MODULES } from '../api/types';
import { useSignedIn } from '../auth/session';
import { formatOrgNumber } from '../format';
import { Page } from '../ui/Page';

/** The start page: who you are, which company you are in, and what you may do there. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, company } = useSignedIn();
  return (
    <Page
      title={t('home.welcome', { name: user.name })}
      intro={t('home.working', { company: company.name })}
    >
      <Paper withBorder radius="md" p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('home.orgNumber')}
            </Text>
            <Text fw={600}>{formatOrgNumber(company.orgNumber)}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('home.role')}
            </Text>
            <Text fw={600}>{t(`roles.${company.role}`)}</Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      <Stack gap="xs">
        <Text fw={600}>{t('home.access')}</Text>
        <Group gap="xs">
          {MODULES.map((module) => (
            <Badge
              key={module}
              variant="light"
              tt="none"
              size="lg"
              color={accessColor(company.permissions[module])}
            >
              {t(`areas.${module}`)}: {t(`access.${company.permissions[module]}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Page>
  );
}

function accessColor(access: string): string {
  if (access === 'write') return 'green';
  return access === 'read' ? 'blue' : 'gray';
}
