import { Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { monthNames } from '../../format';
import { canWrite } from '../../shell/areas';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { useAccounts, useDepartments, useFiscalYears, useProjects } from '../api';
import { AccountInput } from '../entry/AccountInput';
import { todayIso } from '../input';
import type { Account, Dimension, FiscalYear } from '../types';
import { type BudgetLine, useBudgets, useSaveBudget } from './api';
import { BudgetRow } from './BudgetRow';
import { EMPTY_PERIODS, isBudgetAccount, toScreen } from './budget';

/** Budsjett: twelve periods per income statement account, for a year and a dimension. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const years = useFiscalYears(company.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const [departmentId, setDepartmentId] = useState(0);
  const [projectId, setProjectId] = useState(0);
  const current = years.data ? currentYear(years.data, chosen) : undefined;
  return (
    <Page title={t('accounting.pages.budget')} intro={t('budget.intro')} wide>
      {years.isPending ? <Loading /> : null}
      {years.isError ? <LoadFailed error={years.error} /> : null}
      {years.data && current ? (
        <>
          <BudgetFilters
            years={years.data}
            year={current.year}
            departmentId={departmentId}
            projectId={projectId}
            onYear={setChosen}
            onDepartment={setDepartmentId}
            onProject={setProjectId}
          />
          <BudgetGrid year={current} departmentId={departmentId} projectId={projectId} />
        </>
      ) : null}
    </Page>
  );
}

/** The year picked, else the one today falls in, else the latest. */
function currentYear(years: readonly FiscalYear[], chosen: number | null) {
  const today = todayIso();
  return (
    years.find((y) => y.year === chosen) ??
    years.find((y) => y.startDate <= today && today <= y.endDate) ??
    years[years.length - 1]
  );
}

interface FiltersProps {
  years: readonly FiscalYear[];
  year: number;
  departmentId: number;
  projectId: number;
  onYear: (year: number) => void;
  onDepartment: (id: number) => void;
  onProject: (id: number) => void;
}

function BudgetFilters(props: FiltersProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const departments = useDepartments(company.id);
  const projects = useProjects(company.id);
  return (
    <Group gap="md" align="flex-end">
      <NativeSelect
        label={t('budget.fiscalYear')}
        w={160}
        data={props.years.map((y) => String(y.year))}
        value={String(props.year)}
        onChange={(event) => props.onYear(Number(event.currentTarget.value))}
      />
      <DimensionFilter
        label={t('entry.department')}
        items={departments.data ?? []}
        value={props.departmentId}
        onChange={props.onDepartment}
      />
      <DimensionFilter
        label={t('entry.project')}
        items={projects.data ?? []}
        value={props.projectId}
        onChange={props.onProject}
      />
    </Group>
  );
}

interface DimensionFilterProps {
  label: string;
  items: readonly Dimension[];
  value: number;
  onChange: (id: number) => void;
}

function DimensionFilter({ label, items, value, onChange }: DimensionFilterProps) {
  const { t } = useTranslation();
  const options = items.map((item) => ({
    value: String(item.id),
    label: `${item.code} ${item.name}`,
  }));
  return (
    <NativeSelect
      label={label}
      w={220}
      data={[{ value: '0', label: t('budget.noDimension') }, ...options]}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    />
  );
}

interface GridProps {
  year: FiscalYear;
  departmentId: number;
  projectId: number;
}

function BudgetGrid({ year, departmentId, projectId }: GridProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const budgets = useBudgets(company.id, year.year);
  const save = useSaveBudget(company.id);
  const [added, setAdded] = useState<string[]>([]);
  const writable = canWrite(company, 'accounting');
  const months = usePeriodMonths(year);
  const budgetAccounts = useMemo(
    () => (accounts.data ?? []).filter((a) => isBudgetAccount(a) && !a.blocked),
    [accounts.data],
  );
  if (accounts.isPending || budgets.isPending) return <Loading />;
  if (accounts.isError) return <LoadFailed error={accounts.error} />;
  if (budgets.isError) return <LoadFailed error={budgets.error} />;

  const lines = new Map<string, BudgetLine>();
  for (const line of budgets.data) {
    if (line.departmentId === departmentId && line.projectId === projectId) {
      lines.set(line.account, line);
    }
  }
  const shown = budgetAccounts.filter((a) => lines.has(a.number) || added.includes(a.number));
  const addable = budgetAccounts.filter((a) => !shown.includes(a));
  const onSave = (input: { account: string; periods: number[] }) =>
    save.mutateAsync({ fiscalYear: year.year, departmentId, projectId, ...input });

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p="xs" style={{ overflowX: 'auto' }}>
        <Table layout="fixed" miw={1500} verticalSpacing={4} horizontalSpacing={4}>
          <Table.Caption>{t('budget.signNote')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('accounting.account')}</Table.Th>
              {months.map((month) => (
                <Table.Th key={month} ta="right">
                  {month}
                </Table.Th>
              ))}
              <Table.Th w={120} ta="right">
                {t('accounting.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((account) => (
              <BudgetRow
                key={`${year.year}:${departmentId}:${projectId}:${account.number}`}
                account={account}
                amounts={toScreen(
                  account.number,
                  lines.get(account.number)?.periods ?? EMPTY_PERIODS,
                )}
                months={months}
                writable={writable}
                onSave={onSave}
              />
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 ? (
          <Text c="dimmed" size="sm" p="xs">
            {t('budget.none')}
          </Text>
        ) : null}
      </Paper>
      {writable ? (
        <AddAccount
          accounts={addable} // The picker may report the same pick twice (Enter, then leaving the field).
          onAdd={(a) => setAdded((old) => (old.includes(a.number) ? old : [...old, a.number]))}
        />
      ) : null}
    </Stack>
  );
}

/** The month each period of the year begins in, by name (a year need not start in January). */
function usePeriodMonths(year: FiscalYear) {
  const { i18n } = useTranslation();
  const names = monthNames(i18n.language);
  // Period 0 holds the opening balances; a budget has the twelve months only.
  const months = year.periods.filter((p) => p.period >= 1 && p.period <= 12);
  return months.map((p) => names[Number(p.startDate.slice(5, 7)) - 1] ?? String(p.period));
}

function AddAccount({ accounts, onAdd }: { accounts: Account[]; onAdd: (a: Account) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Group gap="sm" align="flex-start">
      <Text size="sm" fw={600} pt={6}>
        {t('budget.addAccount')}
      </Text>
      <AccountInput
        accounts={accounts}
        text={text}
        picked={null}
        label={t('budget.addAccount')}
        fieldProps={{}}
        onText={setText}
        onPick={(account) => {
          setText('');
          onAdd(account);
        }}
      />
    </Group>
  );
}
