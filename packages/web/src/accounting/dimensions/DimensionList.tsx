import { Button, Group, NativeSelect, Switch, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { canWrite } from '../../shell/areas';
import { notifyError, notifySuccess } from '../../ui/notify';
import { errorText, fieldErrorsOf } from '../../ui/problems';
import { ReportTable } from '../reports/ReportParts';
import type { Dimension } from '../types';
import { type DimensionTable, inTreeOrder, useDimensionMutations } from './api';

interface ListProps {
  table: DimensionTable;
  items: Dimension[];
}

/** The levels as a table, sub-levels indented, with the parent and the block editable. */
export function DimensionList({ table, items }: ListProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'accounting');
  const { change } = useDimensionMutations(company.id, table);
  const parents = (except: number | null) => [
    { value: '', label: t('dimensions.noParent') },
    ...items
      .filter((item) => item.id !== except)
      .map((item) => ({ value: String(item.id), label: `${item.code} ${item.name}` })),
  ];
  const save = (item: Dimension, changes: Partial<Dimension>) =>
    change.mutate(
      { id: item.id, ...changes },
      {
        onSuccess: (saved) => notifySuccess(t('dimensions.changed', { name: saved.name })),
        onError: (error) =>
          notifyError(
            t('dimensions.changeParent', { name: item.name }),
            fieldErrorsOf(error).parentId ?? errorText(error, t),
          ),
      },
    );

  return (
    <>
      {items.length === 0 ? <Text c="dimmed">{t('dimensions.none')}</Text> : null}
      {items.length > 0 ? (
        <ReportTable label={t(`dimensions.${table}`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={240}>{t('dimensions.code')}</Table.Th>
              <Table.Th>{t('dimensions.name')}</Table.Th>
              <Table.Th w={260}>{t('dimensions.parent')}</Table.Th>
              <Table.Th w={110}>{t('dimensions.blocked')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inTreeOrder(items).map(({ item, depth }) => (
              <Table.Tr key={item.id} c={item.blocked ? 'dimmed' : undefined}>
                <Table.Td pl={12 + depth * 24}>{item.code}</Table.Td>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    aria-label={t('dimensions.changeParent', { name: item.name })}
                    data={parents(item.id)}
                    value={item.parentId === null ? '' : String(item.parentId)}
                    disabled={!writer}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      save(item, { parentId: value ? Number(value) : null });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('dimensions.block', { name: item.name })}
                    checked={item.blocked}
                    disabled={!writer}
                    onChange={(event) => save(item, { blocked: event.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      {writer ? <NewDimensionForm table={table} parents={parents(null)} /> : null}
    </>
  );
}

interface FormProps {
  table: DimensionTable;
  parents: { value: string; label: string }[];
}

function NewDimensionForm({ table, parents }: FormProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { add } = useDimensionMutations(company.id, table);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const errors = fieldErrorsOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      code: code.trim(),
      name: name.trim(),
      parentId: parent ? Number(parent) : null,
    };
    add.mutate(input, {
      onSuccess: (saved) => {
        notifySuccess(t('dimensions.added', { name: saved.name }));
        setCode('');
        setName('');
        setParent('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t(`dimensions.${table}`)}>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('dimensions.code')}
          w={140}
          value={code}
          error={errors.code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <TextInput
          label={t('dimensions.name')}
          w={240}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('dimensions.parent')}
          w={240}
          data={parents}
          value={parent}
          error={errors.parentId}
          onChange={(event) => setParent(event.currentTarget.value)}
        />
        <Button type="submit" mt={25} variant="light" loading={add.isPending}>
          {t('dimensions.add')}
        </Button>
      </Group>
    </form>
  );
}
