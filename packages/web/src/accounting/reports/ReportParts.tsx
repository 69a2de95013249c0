import { Button, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { reportFileUrl } from './api';

interface DownloadLinksProps {
  report: string;
  params: Record<string, string>;
  formats?: readonly string[];
}

/** The same report as a file: plain links, so the browser saves it with its own name. */
export function DownloadLinks({
  report,
  params,
  formats = ['csv', 'xlsx', 'pdf'],
}: DownloadLinksProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  return (
    <Group gap="xs" role="group" aria-label={t('reports.download')}>
      <Text size="sm" c="dimmed">
        {t('reports.download')}:
      </Text>
      {formats.map((format) => (
        <Button
          key={format}
          component="a"
          href={reportFileUrl(company.id, report, params, format)}
          download
          size="compact-sm"
          variant="default"
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** The frame of a report table: bordered, scrolling sideways on a narrow screen. */
export function ReportTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} highlightOnHover aria-label={label} stickyHeader>
          {children}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
