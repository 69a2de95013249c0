import { Alert, Badge, Button, Paper, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate, monthNames } from '../../format';
import { isAdministrator } from '../../shell/areas';
import { LoadFailed, Loading } from '../../ui/Loading';
import { notifyError, notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { errorText } from '../../ui/problems';
import { useFiscalYears, useLockPeriod, useOpenFiscalYear } from '../api';
import type { FiscalYear, Period } from '../types';

/** Regnskapsår og perioder: administrators open the next year and lock finished periods. */
export function FiscalYearsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const years = useFiscalYears(company.id);
  const admin = isAdministrator(company);
  const sorted = [...(years.data ?? [])].sort((a, b) => b.year - a.year);

  return (
    <Page
      title={t('accounting.pages.fiscalYears')}
      intro={t('periods.intro')}
      actions={admin && years.data ? <OpenYearButton years={years.data} /> : null}
    >
      {admin ? null : (
        <Alert color="blue" variant="light" role="status">
          {t('periods.onlyAdmins')}
        </Alert>
      )}
      {years.isPending ? <Loading /> : null}
      {years.isError ? <LoadFailed error={years.error} /> : null}
      {sorted.map((year) => (
        <YearCard key={year.year} year={year} admin={admin} />
      ))}
    </Page>
  );
}

function OpenYearButton({ years }: { years: FiscalYear[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const open = useOpenFiscalYear(company.id);
  const next = Math.max(new Date().getFullYear() - 1, ...years.map((y) => y.year)) + 1;
  const submit = () =>
    open.mutate(next, {
      onSuccess: () => notifySuccess(t('periods.opened', { year: next })),
      onError: (error) => notifyError(t('periods.openFailed'), errorText(error, t)),
    });
  return (
    <Button onClick={submit} loading={open.isPending}>
      {t('periods.open', { year: next })}
    </Button>
  );
}

function YearCard({ year, admin }: { year: FiscalYear; admin: boolean }) {
  const { t } = useTranslation();
  const heading = `fiscal-year-${year.year}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={heading}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={heading}>
          {t('periods.year', { year: year.year })} ({formatDate(year.startDate)}–
          {formatDate(year.endDate)})
        </Title>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('periods.period')}</Table.Th>
              <Table.Th>{t('accounting.from')}</Table.Th>
              <Table.Th>{t('accounting.to')}</Table.Th>
              <Table.Th>{t('periods.status')}</Table.Th>
              {admin ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {year.periods.map((period) => (
              <PeriodRow key={period.period} year={year.year} period={period} admin={admin} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function PeriodRow({ year, period, admin }: { year: number; period: Period; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const lock = useLockPeriod(company.id);
  const month = Number(period.startDate.slice(5, 7));
  const name =
    period.period === 0
      ? t('periods.opening')
      : `${monthNames(i18n.language)[month - 1]} ${period.startDate.slice(0, 4)}`;
  const toggle = () =>
    lock.mutate(
      { year, period: period.period, locked: !period.locked },
      {
        onSuccess: () =>
          notifySuccess(t(period.locked ? 'periods.unlocked' : 'periods.locked', { name })),
        onError: (error) => notifyError(name, errorText(error, t)),
      },
    );
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td>{formatDate(period.startDate)}</Table.Td>
      <Table.Td>{formatDate(period.endDate)}</Table.Td>
      <Table.Td>
        <Badge color={period.locked ? 'orange' : 'green'} variant="light">
          {period.locked ? t('periods.isLocked') : t('periods.isOpen')}
        </Badge>
      </Table.Td>
      {admin ? (
        <Table.Td ta="right">
          <Button
            size="compact-sm"
            variant="subtle"
            loading={lock.isPending}
            onClick={toggle}
            aria-label={t(period.locked ? 'periods.unlockOf' : 'periods.lockOf', { name })}
          >
            {period.locked ? t('periods.unlock') : t('periods.lock')}
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
