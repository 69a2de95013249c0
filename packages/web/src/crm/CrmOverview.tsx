import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { areaPages } from '../shell/areas';
import { hrefFor } from '../shell/router';
import { Page } from '../ui/Page';

/** The start of the CRM area: its screens, each with a line on what it is for. */
export function CrmOverview() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  return (
    <Page title={t('areas.crm')} intro={t('crm.overviewIntro', { company: company.name })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {areaPages(company, 'crm').map((page) => (
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
