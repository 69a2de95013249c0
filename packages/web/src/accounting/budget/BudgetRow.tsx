import { Table, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../format';
import { formErrorText } from '../../ui/problems';
import { accountName } from '../accounts';
import { parseAmount } from '../input';
import type { Account } from '../types';
import type { BudgetInput } from './api';
import { screenSign } from './budget';

interface BudgetRowProps {
  account: Account;
  /** The saved figures as shown on screen (income positive), one per period. */
  amounts: readonly number[];
  months: readonly string[];
  writable: boolean;
  onSave: (input: Pick<BudgetInput, 'account' | 'periods'>) => Promise<unknown>;
}

type RowState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

const asText = (amount: number) => (amount === 0 ? '' : formatAmount(amount));

/** One account's budget: a cell per period, saved as a whole by Enter in any of them. */
export function BudgetRow({ account, amounts, months, writable, onSave }: BudgetRowProps) {
  const { t, i18n } = useTranslation();
  const [texts, setTexts] = useState(() => amounts.map(asText));
  const [state, setState] = useState<RowState>({ kind: 'idle' });
  const parsed = texts.map((text) => (text.trim() ? parseAmount(text) : 0));
  const total = parsed.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const name = `${account.number} ${accountName(account, i18n.language)}`;

  const save = () => {
    if (parsed.some((amount) => amount === null)) {
      return setState({ kind: 'error', message: t('entry.invalid.amount') });
    }
    const sign = screenSign(account.number);
    const periods = parsed.map((amount) => (amount ? amount * sign : 0));
    setState({ kind: 'saving' });
    onSave({ account: account.number, periods }).then(
      () => setState({ kind: 'saved' }),
      (error: unknown) => setState({ kind: 'error', message: formErrorText(error, [], t) }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save();
  };

  const change = (index: number, text: string) => {
    setTexts((old) => old.map((value, i) => (i === index ? text : value)));
    setState({ kind: 'idle' });
  };

  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Text size="sm" truncate title={name}>
          {name}
        </Text>
        <RowNotice state={state} />
      </Table.Th>
      {texts.map((text, index) => (
        <Table.Td key={months[index] ?? index}>
          <TextInput
            size="xs"
            aria-label={t('budget.cell', { account: account.number, month: months[index] })}
            value={text}
            readOnly={!writable}
            inputMode="decimal"
            autoComplete="off"
            error={text.trim() && parsed[index] === null}
            styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
            onChange={(event) => change(index, event.currentTarget.value)}
            onBlur={() => {
              const amount = parsed[index];
              if (amount) change(index, formatAmount(amount));
            }}
            onKeyDown={writable ? onKeyDown : undefined}
          />
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatAmount(total)}
      </Table.Td>
    </Table.Tr>
  );
}

function RowNotice({ state }: { state: RowState }) {
  const { t } = useTranslation();
  if (state.kind === 'idle') return null;
  const text =
    state.kind === 'error'
      ? state.message
      : t(state.kind === 'saving' ? 'budget.saving' : 'budget.saved');
  return (
    <Text
      size="xs"
      role={state.kind === 'error' ? 'alert' : 'status'}
      c={state.kind === 'error' ? 'red.7' : state.kind === 'saved' ? 'green.8' : 'dimmed'}
    >
      {text}
    </Text>
  );
}
