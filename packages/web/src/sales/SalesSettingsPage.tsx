import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useSalesSettings, useSaveSalesSettings } from './api';
import { amountText } from './draft';
import type { KidMethod, SalesSettings } from './types';

const NUMBER_FIELDS = [
  'kidCustomerDigits',
  'kidInvoiceDigits',
  'paymentTermsDays',
  'reminderDays',
] as const;
const SERIES_FIELDS = ['salesSeries', 'purchaseSeries', 'paymentSeries'] as const;
const ACCOUNT_FIELDS = [
  'customerAccount',
  'supplierAccount',
  'salesAccount',
  'purchaseAccount',
  'bankAccount',
  'cashAccount',
  'feeAccount',
  'interestAccount',
  'exchangeGainAccount',
  'exchangeLossAccount',
  'writeOffAccount',
] as const;

type Draft = Record<keyof SalesSettings, string>;

const draftOf = (s: SalesSettings): Draft =>
  Object.fromEntries(
    Object.entries(s).map(([key, value]) => [
      key,
      key === 'reminderFee' ? amountText(value as number) : String(value),
    ]),
  ) as Draft;

/** Salgsinnstillinger: KID layout, payment terms, voucher series and default accounts. */
export function SalesSettingsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const settings = useSalesSettings(company.id);
  return (
    <Page title={t('sales.pages.settings')} intro={t('sales.settings.intro')}>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadFailed error={settings.error} /> : null}
      {settings.data ? (
        <SettingsForm settings={settings.data} writer={canWrite(company, 'settings')} />
      ) : null}
    </Page>
  );
}

function SettingsForm({ settings, writer }: { settings: SalesSettings; writer: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveSalesSettings(company.id);
  const [f, setF] = useState<Draft>(() => draftOf(settings));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(save.error), ...localErrors };
  const field = (key: keyof SalesSettings) => ({
    label: t(`sales.settings.fields.${key}`),
    value: f[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setF((old) => ({ ...old, [key]: value }));
    },
    error: errors[key],
    readOnly: !writer,
    autoComplete: 'off',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const whole = (key: (typeof NUMBER_FIELDS)[number]) => {
      const text = f[key].trim();
      if (!/^\d+$/.test(text)) problems[key] = t('sales.settings.wholeNumber');
      return Number(text);
    };
    const fee = parseAmount(f.reminderFee);
    if (fee === null || fee < 0) problems.reminderFee = t('sales.editor.badPrice');
    const next: SalesSettings = {
      kidMethod: f.kidMethod as KidMethod,
      kidCustomerDigits: whole('kidCustomerDigits'),
      kidInvoiceDigits: whole('kidInvoiceDigits'),
      paymentTermsDays: whole('paymentTermsDays'),
      reminderDays: whole('reminderDays'),
      reminderFee: fee ?? 0,
      ...(Object.fromEntries(
        [...SERIES_FIELDS, ...ACCOUNT_FIELDS].map((key) => [key, f[key].trim()]),
      ) as Pick<SalesSettings, (typeof SERIES_FIELDS)[number] | (typeof ACCOUNT_FIELDS)[number]>),
    };
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(next, {
      onSuccess: (saved) => {
        setF(draftOf(saved));
        notifySuccess(t('sales.settings.saved'));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('sales.settings.kid')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              {...field('kidMethod')}
              disabled={!writer}
              data={[
                { value: 'mod10', label: t('sales.settings.mod10') },
                { value: 'mod11', label: t('sales.settings.mod11') },
              ]}
            />
            <TextInput {...field('kidCustomerDigits')} inputMode="numeric" />
            <TextInput {...field('kidInvoiceDigits')} inputMode="numeric" />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('sales.settings.terms')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput {...field('paymentTermsDays')} inputMode="numeric" />
            <TextInput {...field('reminderDays')} inputMode="numeric" />
            <TextInput {...field('reminderFee')} inputMode="decimal" />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('sales.settings.series')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {SERIES_FIELDS.map((key) => (
              <TextInput key={key} {...field(key)} maxLength={4} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('sales.settings.accounts')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {ACCOUNT_FIELDS.map((key) => (
              <TextInput key={key} {...field(key)} inputMode="numeric" maxLength={6} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <ProblemAlert
          error={save.error}
          title={t('sales.settings.failed')}
          placedFields={Object.keys(f)}
        />
        {writer ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('sales.editor.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
