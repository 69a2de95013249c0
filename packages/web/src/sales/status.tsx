import { Badge, Button, Group, Popover, Table, Text } from '@mantine/core';
import { STATUS } from '@nordbok/core';
import { useTranslation } from 'react-i18next';

export type StatusName = keyof typeof STATUS;

/** The status names by number, 0–9, as the scale on documents and lines runs. */
export const STATUS_NAMES = (Object.keys(STATUS) as StatusName[]).sort(
  (a, b) => STATUS[a] - STATUS[b],
);

export const statusName = (status: number): StatusName => STATUS_NAMES[status] ?? 'open';

/**
 * One colour per step: grey while nothing has happened, blues as a document moves along the
 * chain, greens once money has come in, and warm colours for what needs a look.
 */
const COLOURS: Record<StatusName, string> = {
  open: 'gray',
  sent: 'blue',
  partlyCarried: 'cyan',
  carried: 'teal',
  posted: 'indigo',
  partlyPaid: 'yellow',
  paid: 'green',
  reminded: 'orange',
  credited: 'grape',
  cancelled: 'red',
};

export function StatusBadge({ status, size = 'md' }: { status: number; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const name = statusName(status);
  return (
    <Badge
      color={COLOURS[name]}
      variant="light"
      tt="none"
      size={size}
      title={t(`sales.statusHelp.${name}`)}
      style={{ whiteSpace: 'nowrap' }}
    >
      {status} {t(`sales.statuses.${name}`)}
    </Badge>
  );
}

/** What each status means, in a table that opens from a button next to the list. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Popover width={520} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm">
          {t('sales.legend.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          {t('sales.legend.title')}
        </Text>
        <Table verticalSpacing={4} aria-label={t('sales.legend.title')}>
          <Table.Tbody>
            {STATUS_NAMES.map((name) => (
              <Table.Tr key={name}>
                <Table.Td w={170}>
                  <Group gap={4} wrap="nowrap">
                    <StatusBadge status={STATUS[name]} size="sm" />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`sales.statusHelp.${name}`)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
