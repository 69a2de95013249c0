import { Button, Group, NativeSelect, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../api/types';
import { monthNames } from '../format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useCreateCompany } from './api';

const PLACED_FIELDS = ['name', 'orgNumber', 'fiscalYearStartMonth', 'vatRegistered'];

interface NewCompanyFormProps {
  onCreated: (company: Company) => void;
}

export function NewCompanyForm({ onCreated }: NewCompanyFormProps) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [month, setMonth] = useState(1);
  const [vatRegistered, setVatRegistered] = useState(true);
  const mutation = useCreateCompany();
  const firstField = useAutoFocus<HTMLInputElement>();
  const errors = fieldErrorsOf(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const company = { name: name.trim(), orgNumber: orgNumber.trim() };
    mutation.mutate(
      { ...company, fiscalYearStartMonth: month, vatRegistered },
      { onSuccess: onCreated },
    );
  };

  const months = monthNames(i18n.language).map((label, i) => ({ value: String(i + 1), label }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        {mutation.isError ? (
          <ProblemAlert error={mutation.error} placedFields={PLACED_FIELDS} />
        ) : null}
        <TextInput
          ref={firstField}
          label={t('company.name')}
          required
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('company.orgNumber')}
          description={t('company.orgNumberHint')}
          inputMode="numeric"
          required
          value={orgNumber}
          error={errors.orgNumber}
          onChange={(event) => setOrgNumber(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('company.fiscalYearStartMonth')}
          data={months}
          value={String(month)}
          error={errors.fiscalYearStartMonth}
          onChange={(event) => setMonth(Number(event.currentTarget.value))}
        />
        <Switch
          label={t('company.vatRegistered')}
          checked={vatRegistered}
          error={errors.vatRegistered}
          onChange={(event) => setVatRegistered(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('newCompany.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
