import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatOrgNumber } from '../../format';
import { canWrite } from '../../shell/areas';
import { navigate, usePath, useSearchParams } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ReportTable } from '../reports/ReportParts';
import type { Party, Subledger } from '../types';
import { usePartyList } from './api';
import { KindPicker, kindFrom } from './LedgerPickers';
import { NewPartyModal } from './NewPartyModal';

/** Kunder og leverandører: the register, searched as one types, and new ones added. */
export function PartiesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const path = usePath();
  const kind = kindFrom(params);
  const [search, setSearch] = useState('');
  const [adding, { open, close }] = useDisclosure(false);
  const parties = usePartyList(company.id, kind, search);
  const actions = canWrite(company, 'accounting') ? (
    <Button onClick={open}>{t('subledger.newParty')}</Button>
  ) : null;

  return (
    <Page
      title={t('accounting.pages.parties')}
      intro={t('subledger.partiesIntro')}
      actions={actions}
      wide
    >
      <Group align="flex-end" gap="md">
        <KindPicker value={kind} onChange={(next) => navigate(path, { kind: next })} />
        <TextInput
          label={t('subledger.search')}
          placeholder={t('subledger.searchHint')}
          w={280}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </Group>
      {parties.isPending ? <Loading /> : null}
      {parties.isError ? <LoadFailed error={parties.error} /> : null}
      {parties.data ? <PartyTable kind={kind} parties={parties.data} /> : null}
      <NewPartyModal kind={kind} opened={adding} onClose={close} />
    </Page>
  );
}

function PartyTable({ kind, parties }: { kind: Subledger; parties: Party[] }) {
  const { t } = useTranslation();
  if (parties.length === 0) return <Text c="dimmed">{t('subledger.noParties')}</Text>;
  return (
    <ReportTable label={t(`subledger.kind.${kind}`)}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>{t('subledger.customerNumber')}</Table.Th>
          <Table.Th w={130}>{t('subledger.supplierNumber')}</Table.Th>
          <Table.Th>{t('accounting.name')}</Table.Th>
          <Table.Th w={150}>{t('subledger.orgNumber')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parties.map((party) => (
          <Table.Tr key={party.id}>
            <Table.Td>{party.customerNumber ?? ''}</Table.Td>
            <Table.Td>{party.supplierNumber ?? ''}</Table.Td>
            <Table.Td>{party.name}</Table.Td>
            <Table.Td>{party.orgNumber ? formatOrgNumber(party.orgNumber) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}
