import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand';

interface CenteredLayoutProps {
  title: string;
  intro?: ReactNode;
  /** Shown at the top right, e.g. the language switch. */
  corner?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** The frame for the screens before the app shell: login and choosing a company. */
export function CenteredLayout({
  title,
  intro,
  corner,
  children,
  width = 420,
}: CenteredLayoutProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('common.appName')}`;
  }, [title, t]);
  return (
    <Box mih="100vh" bg="gray.0" px="md" pb="xl">
      <Group justify="space-between" py="md">
        <Brand />
        {corner}
      </Group>
      <Center component="main" pt="8vh">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro ? <Text c="dimmed">{intro}</Text> : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
