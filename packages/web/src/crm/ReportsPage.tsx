import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateRangeForm } from '../accounting/DateRangeForm';
import { todayIso } from '../accounting/input';
import { useRangeParams } from '../accounting/ranges';
import { API_BASE, api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate, monthNames } from '../format';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { crmKey, crmPath } from './api';
import { FunnelChart, MonthChart } from './charts';

interface FunnelReport {
  kind: 'leads' | 'opportunities';
  reached: { id: number; name: string; count: number }[];
  steps: {
    fromName: string;
    toName: string;
    entered: number;
    converted: number;
    rate: number | null;
    averageDays: number | null;
  }[];
  lost: number | null;
}

interface Forecast {
  months: { month: string; count: number; amount: number; weighted: number }[];
  total: { count: number; amount: number; weighted: number };
}

type Range = { from: string; to: string };

function useReport<T>(companyId: number, path: string, params: Record<string, string>) {
  const query = new URLSearchParams(params).toString();
  return useQuery({
    queryKey: [...crmKey(companyId), 'report', path, query],
    queryFn: ({ signal }) => api.get<T>(crmPath(companyId, `${path}?${query}`), signal),
  });
}

/** The last six months up to today, and the forecast from this month six months ahead. */
function defaultRange(): Range {
  const today = todayIso();
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return { from: d.toISOString().slice(0, 10), to: today };
}

function forecastRange(): Range {
  const today = todayIso();
  const d = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  d.setUTCDate(0);
  return { from: `${today.slice(0, 7)}-01`, to: d.toISOString().slice(0, 10) };
}

function Downloads({ path, params }: { path: string; params: Record<string, string> }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  return (
    <Group gap="xs" role="group" aria-label={t('crm.reports.download')}>
      <Text size="sm" c="dimmed">
        {t('crm.reports.download')}:
      </Text>
      {['csv', 'xlsx', 'pdf'].map((format) => (
        <Button
          key={format}
          component="a"
          href={`${API_BASE}${crmPath(company.id, path)}?${new URLSearchParams({ ...params, format })}`}
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

/** Conversion between the funnel's steps and the time it takes, then the sales forecast. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { range, setRange } = useRangeParams(defaultRange());
  return (
    <Page title={t('crm.pages.reports')} intro={t('crm.reports.intro')} wide>
      <DateRangeForm key={`${range.from}${range.to}`} value={range} onChange={setRange} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <FunnelSection kind="leads" range={range} />
        <FunnelSection kind="opportunities" range={range} />
      </SimpleGrid>
      <ForecastSection />
    </Page>
  );
}

function FunnelSection({ kind, range }: { kind: 'leads' | 'opportunities'; range: Range }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = { kind, from: range.from, to: range.to };
  const report = useReport<FunnelReport>(company.id, '/reports/funnel', params);
  const title = t(`crm.reports.${kind}`);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Downloads path="/reports/funnel" params={params} />
        </Group>
        {report.isPending ? <Loading /> : null}
        {report.isError ? <LoadFailed error={report.error} /> : null}
        {report.data ? (
          <>
            <FunnelChart
              label={t('crm.reports.chartOf', { title })}
              bars={report.data.reached.map((r) => ({ label: r.name, value: r.count }))}
            />
            <Table striped withTableBorder aria-label={t('crm.reports.conversionOf', { title })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('crm.reports.step')}</Table.Th>
                  <Table.Th ta="right">{t('crm.reports.entered')}</Table.Th>
                  <Table.Th ta="right">{t('crm.reports.converted')}</Table.Th>
                  <Table.Th ta="right">{t('crm.reports.rate')}</Table.Th>
                  <Table.Th ta="right">{t('crm.reports.averageDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.steps.map((s) => (
                  <Table.Tr key={`${s.fromName}-${s.toName}`}>
                    <Table.Td>
                      {s.fromName} → {s.toName}
                    </Table.Td>
                    <Table.Td ta="right">{s.entered}</Table.Td>
                    <Table.Td ta="right">{s.converted}</Table.Td>
                    <Table.Td ta="right">
                      {s.rate === null ? '–' : `${s.rate.toLocaleString('nb-NO')} %`}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s.averageDays === null ? '–' : s.averageDays.toLocaleString('nb-NO')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {report.data.lost !== null ? (
              <Text size="sm" c="dimmed">
                {t('crm.reports.lost', { count: report.data.lost })}
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ForecastSection() {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const range = forecastRange();
  const report = useReport<Forecast>(company.id, '/reports/forecast', range);
  const names = monthNames(i18n.language);
  const monthLabel = (month: string) =>
    `${(names[Number(month.slice(5, 7)) - 1] ?? '').slice(0, 3)} ${month.slice(2, 4)}`;
  const title = t('crm.reports.forecast');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('crm.reports.forecastIntro', {
                from: formatDate(range.from),
                to: formatDate(range.to),
              })}
            </Text>
          </Stack>
          <Downloads path="/reports/forecast" params={range} />
        </Group>
        {report.isPending ? <Loading /> : null}
        {report.isError ? <LoadFailed error={report.error} /> : null}
        {report.data ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <MonthChart
              label={t('crm.reports.chartOf', { title })}
              format={(ore) => `${formatAmount(ore).split(',')[0]} kr`}
              bars={report.data.months.map((m) => ({
                label: monthLabel(m.month),
                value: m.weighted,
                back: m.amount,
              }))}
            />
            <Table striped withTableBorder aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('crm.reports.month')}</Table.Th>
                  <Table.Th ta="right">{t('crm.reports.count')}</Table.Th>
                  <Table.Th ta="right">{t('crm.opportunities.amount')}</Table.Th>
                  <Table.Th ta="right">{t('crm.opportunities.weighted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{monthLabel(m.month)}</Table.Td>
                    <Table.Td ta="right">{m.count}</Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatAmount(m.amount)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatAmount(m.weighted)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('crm.reports.total')}</Table.Th>
                  <Table.Th ta="right">{report.data.total.count}</Table.Th>
                  <Table.Th ta="right" ff="monospace">
                    {formatAmount(report.data.total.amount)}
                  </Table.Th>
                  <Table.Th ta="right" ff="monospace">
                    {formatAmount(report.data.total.weighted)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}
