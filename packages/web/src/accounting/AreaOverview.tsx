import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { areaPages } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { Page } from '../ui/Page';

/** The start of an area: its screens, each with a line on what it is for. */
export function AreaOverview({ area }: { area: 'accounting' | 'reports' }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const pages = areaPages(company, area);
  return (
    <Page title={t(`areas.${area}`)} intro={t(`${area}.overviewIntro`, { company: company.name })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {pages.map((page) => (
          <UnstyledButton key={page.path} component="a" href={hrefFor(page.path)}>
            <Paper withBorder radius="md" p="md" h="100%">
              <Stack gap={4}>
                <Text fw={700} c="blue.8">
                  {t(page.label)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(page.description)}
                </Text>
              </Stack>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Page>
  );
}
