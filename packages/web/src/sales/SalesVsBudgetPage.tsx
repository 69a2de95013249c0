import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { API_BASE } from '../api/client';
import { useSignedIn } from '../auth/session';
import { MonthChart } from '../crm/charts';
import { formatAmount, monthNames } from '../format';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import {
  type Comparison,
  salesVsBudgetPath,
  useSalespeople,
  useSalesVsBudget,
} from './salespeopleApi';

const percentText = (p: number | null) =>
  p === null ? '' : `${p.toLocaleString('nb-NO', { minimumFractionDigits: 1 })} %`;

function ComparisonCells({ c, strong = false }: { c: Comparison; strong?: boolean }) {
  const fw = strong ? 700 : undefined;
  return (
    <>
      <AmountCell ore={c.actual} fw={fw} />
      <AmountCell ore={c.budget} fw={fw} />
      <AmountCell ore={c.difference} fw={fw} c={c.difference < 0 ? 'red.8' : undefined} />
      <Table.Td ta="right" fw={fw} style={{ whiteSpace: 'nowrap' }}>
        {percentText(c.percent)}
      </Table.Td>
    </>
  );
}

/** Salg mot budsjett: net invoiced sales per salesperson and month beside their budgets. */
export function SalesVsBudgetPage() {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [salespersonId, setSalespersonId] = useState<number | null>(null);
  const people = useSalespeople(company.id);
  const report = useSalesVsBudget(company.id, year, salespersonId);
  const names = monthNames(i18n.language);
  const short = names.map((n) => n.slice(0, 3));
  const data = report.data;
  const empty = data && data.total.actual === 0 && data.total.budget === 0;

  return (
    <Page title={t('sales.pages.salesVsBudget')} intro={t('salesPeople.report.intro')} wide>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('salesPeople.report.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i))}
          w={110}
        />
        <NativeSelect
          label={t('salesPeople.report.salesperson')}
          value={salespersonId ? String(salespersonId) : ''}
          onChange={(e) =>
            setSalespersonId(e.currentTarget.value ? Number(e.currentTarget.value) : null)
          }
          data={[
            { value: '', label: t('salesPeople.report.all') },
            ...(people.data ?? []).map((p) => ({
              value: String(p.id),
              label: `${p.code} – ${p.name}`,
            })),
          ]}
          w={260}
        />
        <Group gap="xs" role="group" aria-label={t('salesPeople.report.download')}>
          <Text size="sm" c="dimmed">
            {t('salesPeople.report.download')}:
          </Text>
          {['csv', 'xlsx', 'pdf'].map((format) => (
            <Button
              key={format}
              component="a"
              href={`${API_BASE}${salesVsBudgetPath(company.id, { year, salespersonId, format })}`}
              download
              size="compact-sm"
              variant="default"
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadFailed error={report.error} /> : null}
      {data && empty ? <Text c="dimmed">{t('salesPeople.report.empty', { year })}</Text> : null}
      {data && !empty ? (
        <>
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('salesPeople.report.chart', { year })}
              </Title>
              <MonthChart
                label={t('salesPeople.report.chart', { year })}
                format={formatAmount}
                bars={data.months.map((m, i) => ({
                  label: short[i] ?? String(m.month),
                  value: Math.max(0, m.actual),
                  back: Math.max(0, m.budget),
                }))}
              />
              <Text size="xs" c="dimmed">
                {t('salesPeople.report.legendActual')}, {t('salesPeople.report.legendBudget')}
              </Text>
            </Stack>
          </Paper>
          <ReportTable label={t('sales.pages.salesVsBudget')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('salesPeople.report.salesperson')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.actual')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.budget')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.difference')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.percent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.salespeople.map((line) => (
                <Table.Tr key={line.salespersonId ?? 'none'}>
                  <Table.Td>
                    {line.salespersonId === null
                      ? t('salesPeople.report.noSalesperson')
                      : `${line.code} – ${line.name}`}
                  </Table.Td>
                  <ComparisonCells c={line.total} />
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('salesPeople.report.total')}</Table.Td>
                <ComparisonCells c={data.total} strong />
              </Table.Tr>
            </Table.Tbody>
          </ReportTable>
          <Title order={2} size="h4">
            {t('salesPeople.report.byMonth')}
          </Title>
          <ReportTable label={t('salesPeople.report.byMonth')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('salesPeople.report.salesperson')}</Table.Th>
                <Table.Th>{t('salesPeople.report.month')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.actual')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.budget')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.difference')}</Table.Th>
                <Table.Th ta="right">{t('salesPeople.report.percent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.salespeople.flatMap((line) =>
                line.months
                  .filter((m) => m.actual !== 0 || m.budget !== 0)
                  .map((m) => (
                    <Table.Tr key={`${line.salespersonId ?? 'none'}-${m.month}`}>
                      <Table.Td>
                        {line.salespersonId === null
                          ? t('salesPeople.report.noSalesperson')
                          : line.code}
                      </Table.Td>
                      <Table.Td>{names[m.month - 1]}</Table.Td>
                      <ComparisonCells c={m} />
                    </Table.Tr>
                  )),
              )}
              {data.months.map((m) =>
                data.salespeople.length > 1 && (m.actual !== 0 || m.budget !== 0) ? (
                  <Table.Tr key={`total-${m.month}`}>
                    <Table.Td fw={700}>{t('salesPeople.report.total')}</Table.Td>
                    <Table.Td fw={700}>{names[m.month - 1]}</Table.Td>
                    <ComparisonCells c={m} strong />
                  </Table.Tr>
                ) : null,
              )}
            </Table.Tbody>
          </ReportTable>
        </>
      ) : null}
    </Page>
  );
}
