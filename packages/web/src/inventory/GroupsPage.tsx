import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useGroups, useSaveGroup } from './api';
import type { ItemGroup } from './types';

/** Groups in tree order with their depth, so sub-levels can be indented. */
function inTreeOrder(groups: ItemGroup[]) {
  const out: { group: ItemGroup; depth: number }[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const g of groups.filter((x) => x.parentId === parentId)) {
      out.push({ group: g, depth });
      visit(g.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

const EMPTY = {
  code: '',
  name: '',
  parentId: '',
  salesAccount: '',
  salesVatCode: '',
  purchaseAccount: '',
  purchaseVatCode: '',
};

/** Varegrupper: levels of groups, each giving its items default accounts and VAT codes. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const groups = useGroups(company.id);
  const save = useSaveGroup(company.id);
  const [editing, setEditing] = useState<number | null>(null);
  const [f, setF] = useState(EMPTY);
  const errors = fieldErrorsOf(save.error);
  const list = groups.data?.groups ?? [];
  const field = (key: keyof typeof EMPTY) => ({
    value: f[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setF((old) => ({ ...old, [key]: value }));
    },
    error: errors[key],
  });
  const edit = (g: ItemGroup) => {
    save.reset();
    setEditing(g.id);
    setF({
      code: g.code,
      name: g.name,
      parentId: g.parentId ? String(g.parentId) : '',
      salesAccount: g.salesAccount ?? '',
      salesVatCode: g.salesVatCode ?? '',
      purchaseAccount: g.purchaseAccount ?? '',
      purchaseVatCode: g.purchaseVatCode ?? '',
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const orNull = (s: string) => s.trim() || null;
    save.mutate(
      {
        ...(editing ? { id: editing } : {}),
        code: f.code.trim(),
        name: f.name.trim(),
        parentId: f.parentId ? Number(f.parentId) : null,
        salesAccount: orNull(f.salesAccount),
        salesVatCode: orNull(f.salesVatCode),
        purchaseAccount: orNull(f.purchaseAccount),
        purchaseVatCode: orNull(f.purchaseVatCode),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('inventory.groups.saved', { name: saved.name }));
          setEditing(null);
          setF(EMPTY);
        },
      },
    );
  };
  return (
    <Page title={t('inventory.pages.groups')} intro={t('inventory.groups.intro')} wide>
      {groups.isPending ? <Loading /> : null}
      {groups.isError ? <LoadFailed error={groups.error} /> : null}
      {groups.data && list.length === 0 ? (
        <Text c="dimmed">{t('inventory.groups.none')}</Text>
      ) : null}
      {list.length > 0 ? (
        <ReportTable label={t('inventory.pages.groups')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inventory.groups.code')}</Table.Th>
              <Table.Th>{t('inventory.groups.name')}</Table.Th>
              <Table.Th>{t('inventory.items.salesAccount')}</Table.Th>
              <Table.Th>{t('inventory.items.salesVatCode')}</Table.Th>
              <Table.Th>{t('inventory.items.purchaseAccount')}</Table.Th>
              <Table.Th>{t('inventory.items.purchaseVatCode')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inTreeOrder(list).map(({ group, depth }) => (
              <Table.Tr key={group.id}>
                <Table.Td pl={12 + depth * 24}>{group.code}</Table.Td>
                <Table.Td>{group.name}</Table.Td>
                <Table.Td>{group.salesAccount}</Table.Td>
                <Table.Td>{group.salesVatCode}</Table.Td>
                <Table.Td>{group.purchaseAccount}</Table.Td>
                <Table.Td>{group.purchaseVatCode}</Table.Td>
                <Table.Td>
                  {canWrite(company, 'inventory') ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => edit(group)}>
                      {t('inventory.change')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      {canWrite(company, 'inventory') ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {editing ? t('inventory.groups.edit') : t('inventory.groups.new')}
            </Title>
            <Group align="flex-start">
              <TextInput label={t('inventory.groups.code')} w={120} {...field('code')} />
              <TextInput label={t('inventory.groups.name')} w={220} {...field('name')} />
              <NativeSelect
                label={t('inventory.groups.parent')}
                data={[
                  { value: '', label: t('inventory.groups.noParent') },
                  ...list
                    .filter((g) => g.id !== editing)
                    .map((g) => ({ value: String(g.id), label: `${g.code} ${g.name}` })),
                ]}
                {...field('parentId')}
                w={220}
              />
            </Group>
            <Group align="flex-start">
              <TextInput
                label={t('inventory.items.salesAccount')}
                w={140}
                {...field('salesAccount')}
              />
              <TextInput
                label={t('inventory.items.salesVatCode')}
                w={140}
                {...field('salesVatCode')}
              />
              <TextInput
                label={t('inventory.items.purchaseAccount')}
                w={140}
                {...field('purchaseAccount')}
              />
              <TextInput
                label={t('inventory.items.purchaseVatCode')}
                w={140}
                {...field('purchaseVatCode')}
              />
            </Group>
            <ProblemAlert error={save.error} placedFields={Object.keys(EMPTY)} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('inventory.save')}
              </Button>
              {editing ? (
                <Button
                  variant="default"
                  onClick={() => {
                    setEditing(null);
                    setF(EMPTY);
                    save.reset();
                  }}
                >
                  {t('inventory.cancel')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : null}
    </Page>
  );
}
