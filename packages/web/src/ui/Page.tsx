import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  /** For tables and grids that need the whole width of the window. */
  wide?: boolean;
  /** Shown at the right of the title, e.g. the page's main buttons. */
  actions?: ReactNode;
}

/** A screen inside the shell: one h1, an optional line of introduction, then the content. */
export function Page({ title, intro, children, wide = false, actions }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('common.appName')}`;
  }, [title, t]);
  return (
    <Stack gap="lg" maw={wide ? 1400 : 960}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro ? <Text c="dimmed">{intro}</Text> : null}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}
