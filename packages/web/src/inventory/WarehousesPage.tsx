import { Button, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
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
import { useInventorySettings, useSaveSettings, useSaveWarehouse, useWarehouses } from './api';

/** Lagre: the company's warehouses, and the inventory settings that go with them. */
export function WarehousesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const warehouses = useWarehouses(company.id);
  const save = useSaveWarehouse(company.id);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(editing ? { id: editing } : {}), code: code.trim(), name: name.trim() },
      {
        onSuccess: (saved) => {
          notifySuccess(t('inventory.warehouses.saved', { name: saved.name }));
          setCode('');
          setName('');
          setEditing(null);
        },
      },
    );
  };
  const list = warehouses.data?.warehouses ?? [];
  return (
    <Page title={t('inventory.pages.warehouses')} intro={t('inventory.warehouses.intro')}>
      {warehouses.isPending ? <Loading /> : null}
      {warehouses.isError ? <LoadFailed error={warehouses.error} /> : null}
      {warehouses.data && list.length === 0 ? (
        <Text c="dimmed">{t('inventory.warehouses.none')}</Text>
      ) : null}
      {list.length > 0 ? (
        <ReportTable label={t('inventory.pages.warehouses')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('inventory.groups.code')}</Table.Th>
              <Table.Th>{t('inventory.groups.name')}</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{w.code}</Table.Td>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>
                  {canWrite(company, 'inventory') ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => {
                        save.reset();
                        setEditing(w.id);
                        setCode(w.code);
                        setName(w.name);
                      }}
                    >
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
              {editing ? t('inventory.warehouses.edit') : t('inventory.warehouses.new')}
            </Title>
            <Group align="flex-start">
              <TextInput
                label={t('inventory.groups.code')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errors.code}
                w={120}
              />
              <TextInput
                label={t('inventory.groups.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                w={240}
              />
            </Group>
            <ProblemAlert error={save.error} placedFields={['code', 'name']} />
            <Button type="submit" w="fit-content" loading={save.isPending}>
              {editing ? t('inventory.save') : t('inventory.warehouses.add')}
            </Button>
          </Stack>
        </form>
      ) : null}
      <SettingsSection />
    </Page>
  );
}

/** Negative stock and the ledger accounts stock is posted to; changed by settings writers. */
function SettingsSection() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const settings = useInventorySettings(company.id);
  const save = useSaveSettings(company.id);
  if (!settings.data) return null;
  const s = settings.data;
  const writer = canWrite(company, 'settings');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('inventory.settings.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('inventory.settings.accounts', { stock: s.stockAccount, change: s.changeAccount })}
      </Text>
      <Switch
        label={t('inventory.settings.allowNegative')}
        checked={s.allowNegativeStock}
        disabled={!writer || save.isPending}
        onChange={(event) => save.mutate({ ...s, allowNegativeStock: event.currentTarget.checked })}
      />
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
