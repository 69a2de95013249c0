import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Download links for files the server names itself, so the browser saves them as they come. */
export function FileLinks({ files }: { files: { format: string; href: string }[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('legal.download')}>
      <Text size="sm" c="dimmed">
        {t('legal.download')}:
      </Text>
      {files.map((file) => (
        <Button
          key={file.format}
          component="a"
          href={file.href}
          download
          size="compact-sm"
          variant="default"
        >
          {file.format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
