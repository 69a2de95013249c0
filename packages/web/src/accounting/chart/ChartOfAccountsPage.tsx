import { Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { canWrite } from '../../shell/areas';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { accountName } from '../accounts';
import { useAccounts } from '../api';
import type { Account } from '../types';
import { AccountActions } from './AccountActions';
import { NewAccountModal } from './NewAccountModal';

/** Kontoplan: every account with its default VAT code, searchable, kept by writers. */
export function ChartOfAccountsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const [adding, { open, close }] = useDisclosure(false);
  const writer = canWrite(company, 'accounting');
  const shown = (accounts.data ?? []).filter(
    (a) =>
      !query ||
      a.number.startsWith(query) ||
      a.nameNb.toLowerCase().includes(query) ||
      a.nameEn.toLowerCase().includes(query),
  );

  return (
    <Page
      title={t('accounting.pages.accounts')}
      intro={t('chart.intro')}
      actions={writer ? <Button onClick={open}>{t('chart.add')}</Button> : null}
    >
      <TextInput
        label={t('chart.search')}
        placeholder={t('chart.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      {accounts.isPending ? <Loading /> : null}
      {accounts.isError ? <LoadFailed error={accounts.error} /> : null}
      {accounts.data ? <AccountTable accounts={shown} writer={writer} /> : null}
      {writer && accounts.data ? (
        <NewAccountModal opened={adding} onClose={close} accounts={accounts.data} />
      ) : null}
    </Page>
  );
}

function AccountTable({ accounts, writer }: { accounts: Account[]; writer: boolean }) {
  const { t, i18n } = useTranslation();
  if (accounts.length === 0) return <Text>{t('chart.none')}</Text>;
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('accounting.pages.accounts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('accounting.account')}</Table.Th>
            <Table.Th>{t('accounting.name')}</Table.Th>
            <Table.Th w={100}>{t('accounting.vatCode')}</Table.Th>
            <Table.Th w={130}>{t('chart.subledger')}</Table.Th>
            <Table.Th w={writer ? 200 : 100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.number} c={account.blocked ? 'dimmed' : undefined}>
              <Table.Td>{account.number}</Table.Td>
              <Table.Td>{accountName(account, i18n.language)}</Table.Td>
              <Table.Td>{account.vatCode ?? ''}</Table.Td>
              <Table.Td>{account.subledger ? t(`chart.${account.subledger}`) : ''}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {account.blocked ? (
                    <Badge color="gray" variant="light">
                      {t('chart.blocked')}
                    </Badge>
                  ) : null}
                  {writer ? <AccountActions account={account} /> : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
