import { Alert, Badge, Button, FileInput, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useImportItems, usePreviewImport } from './api';

/** Vareimport: items from a CSV file, previewed row by row before anything is saved. */
export function ImportPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const preview = usePreviewImport(company.id);
  const run = useImportItems(company.id);
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    const text = chosen ? await chosen.text() : '';
    setCsv(text);
    run.reset();
    if (text) preview.mutate(text);
    else preview.reset();
  };
  const data = preview.data;
  return (
    <Page title={t('inventory.pages.import')} intro={t('inventory.import.intro')} wide>
      <Text size="sm" c="dimmed">
        {t('inventory.import.columns')}
      </Text>
      <FileInput
        label={t('inventory.import.file')}
        placeholder={t('inventory.import.filePlaceholder')}
        accept=".csv,text/csv,text/plain"
        value={file}
        onChange={(chosen) => void choose(chosen)}
        clearable
        maw={420}
      />
      <ProblemAlert error={preview.error} title={t('inventory.import.failed')} />
      {data ? (
        <>
          <Alert color={data.valid ? 'green' : 'red'} variant="light" role="status">
            {data.valid
              ? t('inventory.import.valid', { creates: data.creates, updates: data.updates })
              : t('inventory.import.invalid')}
          </Alert>
          <ReportTable label={t('inventory.import.preview')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('inventory.import.line')}</Table.Th>
                <Table.Th w={110}>{t('inventory.items.number')}</Table.Th>
                <Table.Th>{t('inventory.items.name')}</Table.Th>
                <Table.Th>{t('inventory.items.kind')}</Table.Th>
                <Table.Th>{t('inventory.items.unit')}</Table.Th>
                <Table.Th ta="right">{t('inventory.items.salesPrice')}</Table.Th>
                <Table.Th ta="right">{t('inventory.items.costPrice')}</Table.Th>
                <Table.Th>{t('inventory.import.action')}</Table.Th>
                <Table.Th>{t('inventory.import.errors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr
                  key={r.line}
                  bg={r.errors.length ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    {t(`inventory.kinds.${r.kind as 'stock'}`, { defaultValue: r.kind })}
                  </Table.Td>
                  <Table.Td>{r.unit}</Table.Td>
                  <AmountCell ore={r.salesPrice} />
                  <AmountCell ore={r.costPrice} />
                  <Table.Td>
                    <Badge variant="light" color={r.action === 'create' ? 'green' : 'blue'}>
                      {t(`inventory.import.actions.${r.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td c="red">{r.errors.join(' ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
          <Group>
            <Button
              disabled={!data.valid || run.isSuccess}
              loading={run.isPending}
              onClick={() => run.mutate(csv)}
            >
              {t('inventory.import.run', { count: data.rows.length })}
            </Button>
          </Group>
        </>
      ) : null}
      <ProblemAlert error={run.error} title={t('inventory.import.failed')} />
      {run.data ? (
        <Alert color="green" variant="light" role="status">
          {t('inventory.import.done', { created: run.data.created, updated: run.data.updated })}
        </Alert>
      ) : null}
    </Page>
  );
}
