import { ActionIcon, Group, Table, TextInput } from '@mantine/core';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Dimension } from '../types';
import { specificationsForCode } from '../vat';
import { AccountInput } from './AccountInput';
import { CurrencyFields } from './CurrencyFields';
import { type DraftAction, type LineDraft, type LineField, lineAmount, linePath } from './draft';
import { fieldAttributes } from './fields';
import { AmountInput, DimensionSelect, VatCell } from './LineCells';
import { SpecificationField } from './SpecificationField';
import { SubledgerFields } from './SubledgerFields';

export interface LineContext {
  accounts: readonly Account[];
  departments: readonly Dimension[];
  projects: readonly Dimension[];
  errors: Record<string, string>;
  dispatch: Dispatch<DraftAction>;
  /** The voucher date, which decides the VAT rates. */
  date: string;
  /** Whether amounts are entered net of VAT. */
  net: boolean;
  columns: number;
}

interface LineRowProps {
  line: LineDraft;
  index: number;
  context: LineContext;
}

/**
 * One voucher line: its cells, and below them the currency fields of a currency line, the
 * open-item fields of a sub-ledger account and, when asked for, the VAT specification.
 */
export function LineRow({ line, index, context }: LineRowProps) {
  const { t } = useTranslation();
  const { accounts, departments, projects, errors, dispatch, date } = context;
  const change = (patch: Partial<LineDraft>) => dispatch({ type: 'line', index, patch });
  const cell = (field: LineField, name: string) => ({
    label: t('entry.cell', { field: name, line: index + 1 }),
    error: errors[linePath(index, field)],
    fieldProps: fieldAttributes(linePath(index, field), index),
  });
  const subledger = line.account?.subledger ?? null;
  const debit = cell('debit', t('accounting.debit'));
  const text = cell('description', t('accounting.text'));

  return (
    <>
      <Table.Tr>
        <Table.Td c="dimmed" ta="right" fz="sm">
          {index + 1}
        </Table.Td>
        <Table.Td>
          <AccountInput
            {...cell('account', t('accounting.account'))}
            accounts={accounts}
            text={line.accountText}
            picked={line.account}
            onText={(accountText) => change({ accountText, account: null })}
            onPick={(account) => dispatch({ type: 'pickAccount', index, account })}
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            {...text.fieldProps}
            aria-label={text.label}
            value={line.description}
            error={text.error}
            onChange={(event) => change({ description: event.currentTarget.value })}
          />
        </Table.Td>
        <Table.Td>
          <AmountInput
            {...debit}
            // With a debit typed, Enter passes over the credit, which must then stay empty.
            fieldProps={{ ...debit.fieldProps, 'data-skip-next': line.debit.trim() ? 1 : 0 }}
            value={line.debit}
            onChange={(value) => change({ debit: value, ...(value.trim() ? { credit: '' } : {}) })}
          />
        </Table.Td>
        <Table.Td>
          <AmountInput
            {...cell('credit', t('accounting.credit'))}
            value={line.credit}
            onChange={(value) => change({ credit: value, ...(value.trim() ? { debit: '' } : {}) })}
          />
        </Table.Td>
        <Table.Td>
          <VatCell
            {...cell('vatCode', t('accounting.vatCode'))}
            value={line.vatCode}
            onChange={(vatCode) => change({ vatCode })}
            amount={lineAmount(line)}
            entry={context.net ? 'net' : 'gross'}
            date={date}
          />
        </Table.Td>
        {departments.length > 0 ? (
          <Table.Td>
            <DimensionSelect
              {...cell('departmentId', t('entry.department'))}
              items={departments}
              value={line.departmentId}
              onChange={(departmentId) => change({ departmentId })}
            />
          </Table.Td>
        ) : null}
        {projects.length > 0 ? (
          <Table.Td>
            <DimensionSelect
              {...cell('projectId', t('entry.project'))}
              items={projects}
              value={line.projectId}
              onChange={(projectId) => change({ projectId })}
            />
          </Table.Td>
        ) : null}
        <Table.Td>
          <LineButtons line={line} index={index} dispatch={dispatch} />
        </Table.Td>
      </Table.Tr>
      {line.currency ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={context.columns - 1} pb="md">
            <CurrencyFields
              currency={line.currency}
              line={line}
              index={index}
              errors={errors}
              onChange={change}
              onClose={() => dispatch({ type: 'closeCurrency', index })}
            />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {subledger ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={context.columns - 1} pb="md">
            <SubledgerFields
              kind={subledger}
              line={line}
              index={index}
              errors={errors}
              onChange={change}
            />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {line.vatSpecification !== null ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={context.columns - 1} pb="md">
            <SpecificationField
              line={line}
              index={index}
              error={errors[linePath(index, 'vatSpecification')]}
              onChange={change}
            />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

interface LineButtonsProps {
  line: LineDraft;
  index: number;
  dispatch: Dispatch<DraftAction>;
}

/**
 * Currency and removal for the mouse, out of the Tab order: the keys are Ctrl+M, Ctrl+Delete.
 * The VAT specification has a button only on lines whose code allows one, and no key, so
 * the keyboard's way through a line stays as it was; once shown, its field is on that way.
 */
function LineButtons({ line, index, dispatch }: LineButtonsProps) {
  const { t } = useTranslation();
  const currency = line.currency !== null;
  const specification = line.vatSpecification !== null;
  const offersSpecification = specification || specificationsForCode(line.vatCode).length > 0;
  return (
    <Group gap={2} wrap="nowrap">
      {offersSpecification ? (
        <ActionIcon
          variant={specification ? 'light' : 'subtle'}
          color="gray"
          tabIndex={-1}
          aria-label={t('entry.specification.open', { line: index + 1 })}
          aria-pressed={specification}
          onClick={() => dispatch({ type: 'toggleSpecification', index })}
        >
          <span aria-hidden="true">§</span>
        </ActionIcon>
      ) : null}
      <ActionIcon
        variant={currency ? 'light' : 'subtle'}
        color="gray"
        tabIndex={-1}
        aria-label={t('entry.currency.open', { line: index + 1 })}
        aria-pressed={currency}
        onClick={() => dispatch({ type: currency ? 'closeCurrency' : 'openCurrency', index })}
      >
        <span aria-hidden="true">¤</span>
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        tabIndex={-1}
        aria-label={t('entry.removeLine', { line: index + 1 })}
        onClick={() => dispatch({ type: 'removeLine', index })}
      >
        <span aria-hidden="true">×</span>
      </ActionIcon>
    </Group>
  );
}
