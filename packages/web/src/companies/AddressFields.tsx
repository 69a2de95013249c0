import { Fieldset, Grid, TextInput } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address } from '../api/types';
import type { FieldErrors } from '../ui/problems';

interface AddressFieldsProps {
  legend: string;
  /** The address's name in the API body, which prefixes its field errors. */
  name: 'visitAddress' | 'postalAddress';
  value: Address;
  onChange: (value: Address) => void;
  errors: FieldErrors;
  disabled: boolean;
  extra?: ReactNode;
}

export const addressFieldNames = (name: string) =>
  ['street', 'postalCode', 'city', 'country'].map((part) => `${name}.${part}`);

export function AddressFields(props: AddressFieldsProps) {
  const { legend, name, value, onChange, errors, disabled, extra } = props;
  const { t } = useTranslation();
  const bind = (part: keyof Address) => ({
    value: value[part],
    error: errors[`${name}.${part}`],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      onChange({ ...value, [part]: event.currentTarget.value }),
  });
  return (
    <Fieldset legend={legend} disabled={disabled}>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <TextInput label={t('company.street')} autoComplete="off" {...bind('street')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('company.postalCode')} inputMode="numeric" {...bind('postalCode')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput label={t('company.city')} {...bind('city')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <TextInput
            label={t('company.country')}
            placeholder="NO"
            maxLength={2}
            {...bind('country')}
          />
        </Grid.Col>
        {extra ? <Grid.Col span={12}>{extra}</Grid.Col> : null}
      </Grid>
    </Fieldset>
  );
}
