import { Group, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { accountName, matchAccounts, resolveAccount } from '../accounts';
import type { Account } from '../types';
import { SearchPick } from './SearchPick';

interface AccountInputProps {
  accounts: readonly Account[];
  text: string;
  picked: Account | null;
  onText: (text: string) => void;
  onPick: (account: Account) => void;
  label: string;
  error?: string | undefined;
  /** The attributes that let the entry form find and move between its fields. */
  fieldProps: Record<string, string | number>;
}

/**
 * The account of a voucher line, by number or part of its name; once chosen, the field holds
 * its number with the name underneath. What was typed stays in the field when it matches
 * nothing, so the server's answer about it can be read next to it.
 */
export function AccountInput(props: AccountInputProps) {
  const { accounts, text, picked, onText, onPick, label, error, fieldProps } = props;
  const { i18n, t } = useTranslation();
  const suggest = useCallback((typed: string) => matchAccounts(accounts, typed), [accounts]);
  return (
    <SearchPick
      picked={picked}
      onPick={(account) => {
        if (account) onPick(account);
      }}
      text={text}
      onText={onText}
      suggest={suggest}
      resolve={(typed) => resolveAccount(accounts, typed)}
      keyOf={(account) => account.number}
      labelOf={(account) => account.number}
      listLabel={t('entry.accountSuggestions')}
      dropdownWidth={380}
      inputProps={{
        ...fieldProps,
        'aria-label': label,
        placeholder: t('entry.accountPlaceholder'),
        error,
        // The name of the chosen account, read out with the field and shown under it.
        description: picked ? accountName(picked, i18n.language) : undefined,
        inputWrapperOrder: ['label', 'input', 'description', 'error'],
        styles: {
          description: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        },
      }}
      renderOption={(account) => (
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600}>
            {account.number}
          </Text>
          <Text size="sm" truncate>
            {accountName(account, i18n.language)}
          </Text>
          {account.vatCode ? (
            <Text size="xs" c="dimmed" ml="auto">
              {t('entry.vatShort', { code: account.vatCode })}
            </Text>
          ) : null}
        </Group>
      )}
    />
  );
}
