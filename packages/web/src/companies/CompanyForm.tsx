import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../api/types';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type FieldErrors, fieldErrorsOf } from '../ui/problems';
import { useAutoFocus } from '../ui/useAutoFocus';
import { addressFieldNames } from './AddressFields';
import { useUpdateCompany } from './api';
import classes from './CompanyForm.module.css';
import {
  AccountingSection,
  AddressSections,
  BasicsSection,
  ContactSection,
  type SectionProps,
} from './CompanySections';
import { type CompanyDraft, changesFrom, toDraft } from './companyDraft';

interface CompanyFormProps {
  company: Company;
  readOnly: boolean;
  mayChangeLicence: boolean;
}

/** Field paths that have a place in this form, so their errors show beside them. */
const PLACED_FIELDS = [
  'name',
  'orgNumber',
  'vatRegistered',
  ...addressFieldNames('visitAddress'),
  ...addressFieldNames('postalAddress'),
  'bankAccount',
  'email',
  'phone',
  'fiscalYearStartMonth',
  'documentLanguage',
  'licenceMaxUsers',
  'allowVoucherChanges',
  'logo',
];

export function CompanyForm({ company, readOnly, mayChangeLicence }: CompanyFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CompanyDraft>(() => toDraft(company));
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useUpdateCompany(company.id);
  const firstField = useAutoFocus<HTMLInputElement>(!readOnly);
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);

  // The form is long: after a refusal, take the user to the first field that needs fixing.
  useEffect(() => {
    if (refusals === 0) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else form?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }, [refusals]);

  const update = (patch: Partial<CompanyDraft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    // A field changed since the server complained gets the benefit of the doubt.
    setErrors((old) => withoutKeys(old, Object.keys(patch)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesFrom(company, draft, mayChangeLicence);
    if (Object.keys(changes).length === 0) return notifySuccess(t('company.noChanges'));
    setErrors({});
    mutation.mutate(changes, {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        notifySuccess(t('company.saved'));
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        setRefusals((count) => count + 1);
      },
    });
  };

  const section: SectionProps = { draft, update, errors, readOnly };
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className={readOnly ? classes.readOnly : undefined}
    >
      <Stack gap="lg">
        {mutation.isError ? (
          <ProblemAlert error={mutation.error} placedFields={PLACED_FIELDS} />
        ) : null}
        <BasicsSection {...section} firstField={firstField} />
        <AddressSections {...section} />
        <ContactSection {...section} />
        <AccountingSection {...section} mayChangeLicence={mayChangeLicence} />
        {readOnly ? null : (
          <Group justify="flex-end" className={classes.saveBar}>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function withoutKeys(errors: FieldErrors, keys: string[]): FieldErrors {
  const result: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const touched = keys.some((key) => field === key || field.startsWith(`${key}.`));
    if (!touched) result[field] = message;
  }
  return result;
}
