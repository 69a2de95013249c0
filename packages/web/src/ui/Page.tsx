import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}

/** A screen inside the shell: one h1, an optional line of introduction, then the content. */
export function Page({ title, intro, children }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('common.appName')}`;
  }, [title, t]);
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro ? <Text c="dimmed">{intro}</Text> : null}
      </Stack>
      {children}
    </Stack>
  );
}
