import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MappingField, PayrollMapping } from './types';

const FIELDS: readonly MappingField[] = [
  'date',
  'account',
  'amount',
  'department',
  'project',
  'text',
];
const REQUIRED: ReadonlySet<MappingField> = new Set(['date', 'account', 'amount']);

interface MappingFieldsProps {
  value: PayrollMapping;
  onChange: (mapping: PayrollMapping) => void;
}

/** Which column of the file holds each field, by the column's name in the header line. */
export function MappingFields({ value, onChange }: MappingFieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('legal.payroll.mapping')} maw={720}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('legal.payroll.mappingHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`legal.payroll.fields.${field}`)}
            withAsterisk={REQUIRED.has(field)}
            value={value[field] ?? ''}
            onChange={(event) => onChange({ ...value, [field]: event.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
