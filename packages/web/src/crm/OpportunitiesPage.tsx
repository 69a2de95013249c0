import { Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useOpportunities } from './api';
import { OpportunityModal } from './OpportunityModal';
import type { Outcome } from './types';

type Show = Outcome | 'all';

/** Every opportunity as a list to search and sort through; a row opens its form. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const list = useOpportunities(company.id);
  const [show, setShow] = useState<Show>('open');
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<number | 'new' | null>(null);
  const writer = canWrite(company, 'crm');

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (list.data ?? []).filter(
      (o) =>
        (show === 'all' || o.outcome === show) &&
        (!needle || `${o.title} ${o.partyName}`.toLowerCase().includes(needle)),
    );
  }, [list.data, show, search]);
  const total = rows.reduce((sum, o) => sum + o.amount, 0);
  const weighted = rows.reduce((sum, o) => sum + o.weighted, 0);

  return (
    <Page
      title={t('crm.pages.opportunities')}
      intro={t('crm.opportunities.intro')}
      wide
      actions={
        writer ? (
          <Button onClick={() => setTarget('new')}>{t('crm.opportunities.new')}</Button>
        ) : null
      }
    >
      <Group gap="sm">
        <SegmentedControl
          aria-label={t('crm.opportunities.show')}
          value={show}
          onChange={(value) => setShow(value as Show)}
          data={(['open', 'won', 'lost', 'all'] as const).map((value) => ({
            value,
            label: t(`crm.opportunities.outcomes.${value}`),
          }))}
        />
        <TextInput
          aria-label={t('crm.opportunities.search')}
          placeholder={t('crm.opportunities.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
      </Group>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {list.data ? (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crm.opportunities.title')}</Table.Th>
              <Table.Th>{t('crm.contact')}</Table.Th>
              <Table.Th>{t('crm.opportunities.stage')}</Table.Th>
              <Table.Th ta="right">{t('crm.opportunities.probability')}</Table.Th>
              <Table.Th ta="right">{t('crm.opportunities.amount')}</Table.Th>
              <Table.Th ta="right">{t('crm.opportunities.weighted')}</Table.Th>
              <Table.Th>{t('crm.opportunities.expectedClose')}</Table.Th>
              <Table.Th>{t('crm.opportunities.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" px={0} onClick={() => setTarget(o.id)}>
                    {o.title}
                  </Button>
                </Table.Td>
                <Table.Td>{o.partyName}</Table.Td>
                <Table.Td>{o.stageName}</Table.Td>
                <Table.Td ta="right">{o.probability} %</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatAmount(o.amount)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatAmount(o.weighted)}
                </Table.Td>
                <Table.Td>{formatDate(o.expectedClose)}</Table.Td>
                <Table.Td>{o.ownerName ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>
                {t('crm.opportunities.count', { count: rows.length })}
              </Table.Th>
              <Table.Th ta="right" ff="monospace">
                {formatAmount(total)}
              </Table.Th>
              <Table.Th ta="right" ff="monospace">
                {formatAmount(weighted)}
              </Table.Th>
              <Table.Th colSpan={2} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      ) : null}
      {list.data && rows.length === 0 ? (
        <Text c="dimmed">{t('crm.opportunities.none')}</Text>
      ) : null}
      <OpportunityModal target={target} onClose={() => setTarget(null)} />
    </Page>
  );
}
