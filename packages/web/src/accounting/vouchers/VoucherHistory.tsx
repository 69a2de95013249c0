import { Paper, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatAmount, formatDate, formatDateTime } from '../../format';
import { LoadFailed, Loading } from '../../ui/Loading';
import { useVoucherHistory } from '../api';
import type { AuditEntry } from '../types';

/** Who changed the voucher when, and what it looked like before and after, from the audit log. */
export function VoucherHistory({ voucherId }: { voucherId: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const history = useVoucherHistory(company.id, voucherId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <LoadFailed error={history.error} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('vouchers.noHistory')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Timeline bulletSize={12} lineWidth={2}>
        {history.data.map((entry) => (
          <Timeline.Item key={entry.seq} title={<EntryTitle entry={entry} />}>
            <EntryChange entry={entry} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function EntryTitle({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const actions: Record<string, string> = {
    'voucher.correct': t('vouchers.actions.correct'),
    'voucher.delete': t('vouchers.actions.delete'),
    'voucher.post': t('vouchers.actions.post'),
  };
  let who = t('vouchers.system');
  if (entry.userId === user.id) who = `${user.name} (${t('common.you')})`;
  else if (entry.userId !== null) who = t('vouchers.userNumber', { id: entry.userId });
  return (
    <Text size="sm" fw={600}>
      {actions[entry.action] ?? entry.action} · {formatDateTime(entry.at)} · {who}
    </Text>
  );
}

interface Snapshot {
  date: string;
  description: string;
  total: number;
  status: string;
}

/** The voucher as the log recorded it; the log keeps whole vouchers as JSON. */
function snapshotOf(value: unknown): Snapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const postings = Array.isArray(v.postings) ? v.postings : [];
  const total = postings.reduce<number>((sum, p) => {
    const amount = (p as { amount?: unknown }).amount;
    return typeof amount === 'number' && amount > 0 ? sum + amount : sum;
  }, 0);
  return {
    date: typeof v.date === 'string' ? v.date : '',
    description: typeof v.description === 'string' ? v.description : '',
    total,
    status: typeof v.status === 'string' ? v.status : '',
  };
}

function EntryChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = snapshotOf(entry.before);
  const after = snapshotOf(entry.after);
  const line = (label: string, s: Snapshot) => (
    <Text size="xs" c="dimmed">
      {label}: {formatDate(s.date)} · {s.description}
      {s.status === 'deleted' ? ` · ${t('accounting.deleted')}` : ` · ${formatAmount(s.total)}`}
    </Text>
  );
  return (
    <Stack gap={0}>
      {before ? line(t('vouchers.before'), before) : null}
      {after ? line(t('vouchers.after'), after) : null}
    </Stack>
  );
}
