import { Group, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatLongDate } from '../../format';
import { useParties } from '../api';
import { parseDateInput, todayIso } from '../input';
import type { Party, Subledger } from '../types';
import type { LineDraft } from './draft';
import { fieldAttributes } from './fields';
import { matchNamed, SearchPick } from './SearchPick';

interface SubledgerFieldsProps {
  kind: Subledger;
  line: LineDraft;
  index: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<LineDraft>) => void;
}

/**
 * On a customer or supplier account the line is an open item: whose it is, which invoice,
 * when it falls due and the KID it will be paid with.
 */
export function SubledgerFields({ kind, line, index, errors, onChange }: SubledgerFieldsProps) {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const parties = useParties(company.id, kind);
  const attributes = (field: string) => fieldAttributes(`lines.${index}.${field}`, index);
  const error = (field: string) => errors[`lines.${index}.${field}`];
  const due = line.dueDate.trim() ? parseDateInput(line.dueDate, todayIso()) : null;
  const partyError = parties.isError ? t('entry.partiesUnavailable') : error('partyId');

  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="wrap"
      role="group"
      aria-label={t(`entry.subledger.${kind}`, { line: index + 1 })}
    >
      <PartyInput
        kind={kind}
        parties={parties.data ?? []}
        value={line.partyId}
        onChange={(partyId) => onChange({ partyId })}
        error={partyError}
        fieldProps={attributes('partyId')}
      />
      <TextInput
        {...attributes('invoiceNumber')}
        label={t('entry.subledger.invoiceNumber')}
        size="xs"
        w={140}
        value={line.invoiceNumber}
        error={error('invoiceNumber')}
        onChange={(event) => onChange({ invoiceNumber: event.currentTarget.value })}
      />
      <TextInput
        {...attributes('dueDate')}
        label={t('entry.subledger.dueDate')}
        size="xs"
        w={190}
        value={line.dueDate}
        autoComplete="off"
        description={due ? formatLongDate(due, i18n.language) : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error('dueDate') ?? (line.dueDate.trim() && !due ? t('entry.invalid.date') : null)}
        onChange={(event) => onChange({ dueDate: event.currentTarget.value })}
      />
      <TextInput
        {...attributes('kid')}
        label={t('entry.subledger.kid')}
        size="xs"
        w={200}
        value={line.kid}
        inputMode="numeric"
        autoComplete="off"
        error={error('kid')}
        onChange={(event) => onChange({ kid: event.currentTarget.value })}
      />
    </Group>
  );
}

interface PartyInputProps {
  kind: Subledger;
  parties: readonly Party[];
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  fieldProps: Record<string, string | number>;
}

/** The customer or supplier, by number or part of the name. */
function PartyInput({ kind, parties, value, onChange, error, fieldProps }: PartyInputProps) {
  const { t } = useTranslation();
  const suggest = useCallback(
    (text: string) =>
      matchNamed(
        parties,
        text,
        (party) => partyNumber(party, kind),
        (party) => party.name,
      ),
    [parties, kind],
  );
  const resolve = (text: string) => {
    const matches = suggest(text);
    return matches.length === 1 ? (matches[0] ?? null) : null;
  };
  return (
    <SearchPick
      picked={parties.find((party) => String(party.id) === value) ?? null}
      onPick={(party) => onChange(party ? String(party.id) : null)}
      suggest={suggest}
      resolve={resolve}
      keyOf={(party) => String(party.id)}
      labelOf={(party) => partyLabel(party, kind)}
      inputProps={{
        ...fieldProps,
        label: t(`entry.subledger.party.${kind}`),
        size: 'xs',
        w: 260,
        error,
      }}
    />
  );
}

function partyNumber(party: Party, kind: Subledger): string {
  return String((kind === 'customer' ? party.customerNumber : party.supplierNumber) ?? '');
}

function partyLabel(party: Party, kind: Subledger) {
  const number = partyNumber(party, kind);
  return number ? `${number} ${party.name}` : party.name;
}
