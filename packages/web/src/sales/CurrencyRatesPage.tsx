import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useCurrencyRates, useDeleteRate, useImportRates, useSetRate } from './salespeopleApi';

/** A rate as typed, "11,4532" or "11.4532", as the API's "11.4532"; null if it is none. */
function parseRate(text: string): string | null {
  const compact = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(compact) || !/[1-9]/.test(compact)) return null;
  return compact;
}

/** A rate from the API shown with a decimal comma, as rates are written in Norway. */
const rateText = (rate: string) => rate.replace('.', ',');

/** Valutakurser: the rates in the table, one typed in, or a whole file from Norges Bank. */
export function CurrencyRatesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'settings');
  const [currency, setCurrency] = useState('');
  const rates = useCurrencyRates(company.id, currency);
  const remove = useDeleteRate(company.id);
  const list = rates.data?.items ?? [];
  const currencies = rates.data?.currencies ?? [];

  return (
    <Page title={t('sales.pages.currencyRates')} intro={t('salesPeople.rates.intro')} wide>
      {writer ? (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <RateForm />
          <ImportForm />
        </Group>
      ) : null}
      <NativeSelect
        label={t('salesPeople.rates.currency')}
        value={currency}
        onChange={(e) => setCurrency(e.currentTarget.value)}
        data={[
          { value: '', label: t('salesPeople.rates.allCurrencies') },
          ...(currency && !currencies.includes(currency) ? [currency] : []),
          ...currencies,
        ]}
        w={200}
      />
      {rates.isPending ? <Loading /> : null}
      {rates.isError ? <LoadFailed error={rates.error} /> : null}
      {rates.data && list.length === 0 ? (
        <Text c="dimmed">{t('salesPeople.rates.none')}</Text>
      ) : null}
      <ProblemAlert error={remove.error} />
      {list.length > 0 ? (
        <ReportTable label={t('sales.pages.currencyRates')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('salesPeople.rates.date')}</Table.Th>
              <Table.Th w={100}>{t('salesPeople.rates.currency')}</Table.Th>
              <Table.Th ta="right" w={140}>
                {t('salesPeople.rates.rate')}
              </Table.Th>
              <Table.Th>{t('salesPeople.rates.source')}</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={`${r.currency}-${r.date}`}>
                <Table.Td>{formatDate(r.date)}</Table.Td>
                <Table.Td>{r.currency}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {rateText(r.rate)}
                </Table.Td>
                <Table.Td>
                  {r.source === 'import' || r.source === 'manual'
                    ? t(`salesPeople.rates.sources.${r.source}`)
                    : r.source}
                </Table.Td>
                <Table.Td>
                  {writer ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`${t('salesPeople.rates.delete')} ${r.currency} ${formatDate(r.date)}`}
                      onClick={() =>
                        remove.mutate(
                          { currency: r.currency, date: r.date },
                          { onSuccess: () => notifySuccess(t('salesPeople.rates.deleted')) },
                        )
                      }
                    >
                      {t('salesPeople.rates.delete')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
    </Page>
  );
}

function RateForm() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSetRate(company.id);
  const [currency, setCurrency] = useState('EUR');
  const [date, setDate] = useState<string | null>(() => todayIso());
  const [rate, setRate] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(save.error), ...local };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    const value = parseRate(rate);
    const problems: Record<string, string> = {};
    if (!/^[A-Z]{3}$/.test(code) || code === 'NOK')
      problems.currency = t('salesPeople.rates.badCurrency');
    if (!date) problems.date = t('salesPeople.rates.badDate');
    if (!value) problems.rate = t('salesPeople.rates.badRate');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !value || !date) return;
    save.mutate(
      { currency: code, date, rate: value },
      {
        onSuccess: (saved) => {
          notifySuccess(
            t('salesPeople.rates.saved', {
              currency: saved.currency,
              date: formatDate(saved.date),
              rate: rateText(saved.rate),
            }),
          );
          setRate('');
        },
      },
    );
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('salesPeople.rates.add')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('salesPeople.rates.add')}
          </Title>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('salesPeople.rates.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              error={errors.currency}
              maxLength={3}
              w={90}
              autoComplete="off"
            />
            <DateField
              label={t('salesPeople.rates.date')}
              value={date}
              onChange={setDate}
              error={errors.date}
              w={190}
            />
            <TextInput
              label={t('salesPeople.rates.rate')}
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              error={errors.rate}
              inputMode="decimal"
              w={140}
              autoComplete="off"
            />
          </Group>
          <ProblemAlert error={save.error} placedFields={['currency', 'date', 'rate']} />
          <Button type="submit" w="fit-content" loading={save.isPending}>
            {t('salesPeople.rates.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const run = useImportRates(company.id);
  const [file, setFile] = useState<File | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const csv = await file.text();
    run.mutate(
      { csv, skipErrors },
      {
        onSuccess: (result) => {
          if (result.imported > 0)
            notifySuccess(t('salesPeople.rates.imported', { count: result.imported }));
        },
      },
    );
  };
  const result = run.data;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('salesPeople.rates.import')}
      maw={560}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('salesPeople.rates.import')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('salesPeople.rates.importHelp')}
          </Text>
          <FileInput
            label={t('salesPeople.rates.file')}
            placeholder={t('salesPeople.rates.filePlaceholder')}
            accept=".csv,text/csv,text/plain"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              run.reset();
            }}
            clearable
          />
          <Checkbox
            label={t('salesPeople.rates.skipErrors')}
            checked={skipErrors}
            onChange={(e) => setSkipErrors(e.currentTarget.checked)}
          />
          <ProblemAlert error={run.error} />
          {result && result.errors.length > 0 ? (
            <Alert
              color={result.imported > 0 ? 'yellow' : 'red'}
              variant="light"
              role="alert"
              title={
                result.imported > 0
                  ? t('salesPeople.rates.imported', { count: result.imported })
                  : t('salesPeople.rates.nothingImported')
              }
            >
              <Table aria-label={t('salesPeople.rates.errors')} verticalSpacing={2}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('salesPeople.rates.line')}</Table.Th>
                    <Table.Th>{t('salesPeople.rates.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.message}`}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          ) : null}
          {result && result.errors.length === 0 ? (
            <Text c="green.8" role="status">
              {t('salesPeople.rates.imported', { count: result.imported })}
            </Text>
          ) : null}
          <Button type="submit" w="fit-content" loading={run.isPending} disabled={!file}>
            {t('salesPeople.rates.run')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
