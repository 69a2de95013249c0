import { Anchor, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { canWrite } from '../shell/areas';
import { hrefFor, navigate } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useGroups, useItems } from './api';
import { localName } from './parts';
import { itemCardPath, newItemPath } from './paths';

/** Varer: the item register, searched by number or name as one types. */
export function ItemsPage() {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const [search, setSearch] = useState('');
  const [groupId, setGroupId] = useState('');
  const items = useItems(company.id, search.trim(), groupId ? Number(groupId) : undefined);
  const groups = useGroups(company.id);
  const searchRef = useAutoFocus<HTMLInputElement>();
  const list = items.data?.items ?? [];
  return (
    <Page
      title={t('inventory.pages.items')}
      intro={t('inventory.items.intro')}
      wide
      actions={
        canWrite(company, 'inventory') ? (
          <Button component="a" href={hrefFor(newItemPath)}>
            {t('inventory.items.new')}
          </Button>
        ) : null
      }
    >
      <Group align="flex-end">
        <TextInput
          ref={searchRef}
          label={t('inventory.items.search')}
          placeholder={t('inventory.items.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter opens the first hit, so number + Enter reaches a card without the mouse.
            if (event.key === 'Enter' && list[0]) navigate(itemCardPath(list[0].id));
          }}
          w={320}
        />
        <NativeSelect
          label={t('inventory.items.group')}
          data={[
            { value: '', label: t('inventory.items.allGroups') },
            ...(groups.data?.groups ?? []).map((g) => ({
              value: String(g.id),
              label: `${g.code} ${g.name}`,
            })),
          ]}
          value={groupId}
          onChange={(event) => setGroupId(event.currentTarget.value)}
          w={240}
        />
      </Group>
      {items.isError ? <LoadFailed error={items.error} /> : null}
      {items.isPending ? <Loading /> : null}
      {items.data && list.length === 0 ? <Text c="dimmed">{t('inventory.items.none')}</Text> : null}
      {list.length > 0 ? (
        <ReportTable label={t('inventory.pages.items')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('inventory.items.number')}</Table.Th>
              <Table.Th>{t('inventory.items.name')}</Table.Th>
              <Table.Th w={190}>{t('inventory.items.kind')}</Table.Th>
              <Table.Th w={80}>{t('inventory.items.unit')}</Table.Th>
              <Table.Th w={130} ta="right">
                {t('inventory.items.salesPrice')}
              </Table.Th>
              <Table.Th w={130} ta="right">
                {t('inventory.items.costPrice')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((item) => (
              <Table.Tr key={item.id} c={item.blocked ? 'dimmed' : undefined}>
                <Table.Td>
                  <Anchor href={hrefFor(itemCardPath(item.id))}>{item.number}</Anchor>
                </Table.Td>
                <Table.Td>{localName(item, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {t(`inventory.kinds.${item.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.unit}</Table.Td>
                <AmountCell ore={item.salesPrice} />
                <AmountCell ore={item.costPrice} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
    </Page>
  );
}
