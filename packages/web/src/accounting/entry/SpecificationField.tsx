import { Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { specificationsForCode, type VatLineSpecification } from '../vat';
import { type LineDraft, linePath } from './draft';
import { fieldAttributes } from './fields';

interface SpecificationFieldProps {
  line: LineDraft;
  index: number;
  error?: string | undefined;
  onChange: (patch: Partial<LineDraft>) => void;
}

/**
 * Which specification line of the VAT return the line belongs to (uttak, tap på krav,
 * justering, tilbakeføring), shown only once asked for: most lines have none. The choices
 * are those the line's VAT code allows; the server holds the same rule.
 */
export function SpecificationField({ line, index, error, onChange }: SpecificationFieldProps) {
  const { t } = useTranslation();
  const code = line.vatCode.trim();
  const allowed: VatLineSpecification[] = specificationsForCode(code);
  const value = line.vatSpecification ?? '';
  // A choice the code no longer allows stays visible, for the server to explain.
  const shown = value && !allowed.includes(value) ? [...allowed, value] : allowed;
  return (
    <Group
      gap="sm"
      align="flex-end"
      role="group"
      aria-label={t('entry.specification.group', { line: index + 1 })}
    >
      <NativeSelect
        {...fieldAttributes(linePath(index, 'vatSpecification'), index)}
        label={t('entry.specification.label')}
        size="xs"
        w={300}
        value={value}
        error={error}
        data={[
          { value: '', label: t('entry.specification.none') },
          ...shown.map((s) => ({ value: s, label: t(`legal.vat.specifications.${s}`) })),
        ]}
        onChange={(event) =>
          onChange({ vatSpecification: event.currentTarget.value as VatLineSpecification | '' })
        }
      />
      {allowed.length === 0 ? (
        <Text size="xs" c="dimmed" pb={6}>
          {code
            ? t('entry.specification.notForCode', { code })
            : t('entry.specification.needsCode')}
        </Text>
      ) : null}
    </Group>
  );
}
