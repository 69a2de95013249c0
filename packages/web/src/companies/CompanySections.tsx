import {
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import type { ChangeEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { monthNames } from '../format';
import type { FieldErrors } from '../ui/problems';
import { AddressFields } from './AddressFields';
import type { CompanyDraft } from './companyDraft';
import { LogoField } from './LogoField';

/** What every part of the company form gets: the draft, a way to change it, and the errors. */
export interface SectionProps {
  draft: CompanyDraft;
  update: (patch: Partial<CompanyDraft>) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

type TextKey = 'name' | 'orgNumber' | 'bankAccount' | 'email' | 'phone';

function bindText({ draft, update, errors }: SectionProps, key: TextKey) {
  return {
    value: draft[key],
    error: errors[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      update({ [key]: event.currentTarget.value }),
  };
}

export function BasicsSection(props: SectionProps & { firstField: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const { draft, update, errors, readOnly, firstField } = props;
  return (
    <Fieldset legend={t('company.basics')} disabled={readOnly}>
      <Stack gap="sm">
        <TextInput
          ref={firstField}
          label={t('company.name')}
          required={!readOnly}
          {...bindText(props, 'name')}
        />
        <TextInput
          label={t('company.orgNumber')}
          description={t('company.orgNumberHint')}
          inputMode="numeric"
          maw={320}
          required={!readOnly}
          {...bindText(props, 'orgNumber')}
        />
        <Switch
          label={t('company.vatRegistered')}
          checked={draft.vatRegistered}
          error={errors.vatRegistered}
          onChange={(event) => update({ vatRegistered: event.currentTarget.checked })}
        />
        <LogoField
          value={draft.logo}
          onChange={(logo) => update({ logo })}
          companyName={draft.name}
          serverError={errors.logo}
          disabled={readOnly}
        />
      </Stack>
    </Fieldset>
  );
}

export function AddressSections({ draft, update, errors, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const copyButton = (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={() => update({ postalAddress: { ...draft.visitAddress } })}
    >
      {t('company.sameAsVisit')}
    </Button>
  );
  return (
    <>
      <AddressFields
        legend={t('company.visitAddress')}
        name="visitAddress"
        value={draft.visitAddress}
        onChange={(visitAddress) => update({ visitAddress })}
        errors={errors}
        disabled={readOnly}
      />
      <AddressFields
        legend={t('company.postalAddress')}
        name="postalAddress"
        value={draft.postalAddress}
        onChange={(postalAddress) => update({ postalAddress })}
        errors={errors}
        disabled={readOnly}
        extra={readOnly ? null : copyButton}
      />
    </>
  );
}

export function ContactSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('company.contact')} disabled={props.readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('company.email')} type="email" {...bindText(props, 'email')} />
        <TextInput label={t('company.phone')} type="tel" {...bindText(props, 'phone')} />
        <TextInput
          label={t('company.bankAccount')}
          inputMode="numeric"
          {...bindText(props, 'bankAccount')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

export function AccountingSection(props: SectionProps & { mayChangeLicence: boolean }) {
  const { t, i18n } = useTranslation();
  const { draft, update, errors, readOnly, mayChangeLicence } = props;
  const months = monthNames(i18n.language).map((label, i) => ({ value: String(i + 1), label }));
  const languages = (['nb', 'en'] as const).map((value) => ({
    value,
    label: t(`language.${value}`),
  }));
  return (
    <Fieldset legend={t('company.accounting')} disabled={readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('company.fiscalYearStartMonth')}
          data={months}
          value={String(draft.fiscalYearStartMonth)}
          error={errors.fiscalYearStartMonth}
          onChange={(event) => update({ fiscalYearStartMonth: Number(event.currentTarget.value) })}
        />
        <NativeSelect
          label={t('company.documentLanguage')}
          data={languages}
          value={draft.documentLanguage}
          error={errors.documentLanguage}
          onChange={(event) => update({ documentLanguage: event.currentTarget.value as Language })}
        />
        <TextInput label={t('company.baseCurrency')} value="NOK" readOnly variant="filled" />
        <LicenceField
          value={draft.licenceMaxUsers}
          editable={mayChangeLicence && !readOnly}
          error={errors.licenceMaxUsers}
          onChange={(licenceMaxUsers) => update({ licenceMaxUsers })}
        />
        <Switch
          label={t('company.allowVoucherChanges')}
          description={t('company.allowVoucherChangesHint')}
          checked={draft.allowVoucherChanges}
          error={errors.allowVoucherChanges}
          onChange={(event) => update({ allowVoucherChanges: event.currentTarget.checked })}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

interface LicenceFieldProps {
  value: number;
  editable: boolean;
  error: string | undefined;
  onChange: (value: number) => void;
}

/** Only installation administrators may raise or lower a company's licence. */
function LicenceField({ value, editable, error, onChange }: LicenceFieldProps) {
  const { t } = useTranslation();
  if (!editable) {
    return (
      <TextInput
        label={t('company.licenceMaxUsers')}
        value={String(value)}
        readOnly
        variant="filled"
      />
    );
  }
  return (
    <NumberInput
      label={t('company.licenceMaxUsers')}
      value={value}
      min={1}
      max={10_000}
      allowDecimal={false}
      error={error}
      onChange={(next) => onChange(typeof next === 'number' ? next : Number(next) || 1)}
    />
  );
}
