import { Alert, Anchor, Group, List, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatAmount } from '../format';
import { ACCOUNTING_PATHS } from '../shell/areas';
import { hrefFor, navigate, useSearchParams } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { naeringFileUrl, useNaering } from './api';
import { FileLinks } from './FileLinks';
import { categoryKey, sortNaeringLines } from './naeringCategories';
import { LEGAL_PATHS } from './paths';
import type { NaeringLine, NaeringSpec } from './types';
import { YearSelect } from './VatReturnPage';

/** Næringsspesifikasjon: the year's figures by the codes the tax return asks for. */
export function NaeringPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(useSearchParams().get('year')) || thisYear;
  const spec = useNaering(company.id, year);
  const files = ['csv', 'xlsx', 'pdf'].map((format) => ({
    format,
    href: naeringFileUrl(company.id, year, format),
  }));
  return (
    <Page title={t('legal.pages.naering')} intro={t('legal.naering.intro')} wide>
      <Group justify="space-between" align="flex-end">
        <YearSelect
          year={year}
          extra={[thisYear]}
          onChange={(next) => navigate(LEGAL_PATHS.naering, { year: next })}
        />
        <FileLinks files={files} />
      </Group>
      {spec.isPending ? <Loading /> : null}
      {spec.isError ? <LoadFailed error={spec.error} /> : null}
      {spec.data ? <InvalidCodes invalid={spec.data.invalid} /> : null}
      {spec.data ? <NaeringTable spec={spec.data} /> : null}
    </Page>
  );
}

/** Accounts whose code the specification does not know: their amounts are missing below. */
function InvalidCodes({ invalid }: { invalid: NaeringSpec['invalid'] }) {
  const { t } = useTranslation();
  if (invalid.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('legal.naering.invalidTitle')} role="alert">
      <List size="sm" spacing={2}>
        {invalid.map((row) => (
          <List.Item key={row.account}>
            {t('legal.naering.invalid', row)} ({formatAmount(row.amount)})
          </List.Item>
        ))}
      </List>
      <Anchor size="sm" href={hrefFor(ACCOUNTING_PATHS.accounts)}>
        {t('legal.naering.fixInChart')}
      </Anchor>
    </Alert>
  );
}

function NaeringTable({ spec }: { spec: NaeringSpec }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const lines = sortNaeringLines(spec.lines);
  if (lines.length === 0) return <Text>{t('legal.naering.empty')}</Text>;
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <ReportTable label={t('legal.pages.naering')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{t('legal.naering.category')}</Table.Th>
          <Table.Th w={90}>{t('legal.naering.code')}</Table.Th>
          <Table.Th>{t('legal.naering.name')}</Table.Th>
          <Table.Th ta="right">{t('legal.naering.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, index) => (
          <NaeringRows
            key={line.code}
            line={line}
            // The category is written once, at the first of its lines.
            firstOfCategory={lines[index - 1]?.category !== line.category}
            expanded={open.has(line.code)}
            onToggle={() => toggle(line.code)}
          />
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

interface NaeringRowsProps {
  line: NaeringLine;
  firstOfCategory: boolean;
  expanded: boolean;
  onToggle: () => void;
}

function NaeringRows({ line, firstOfCategory, expanded, onToggle }: NaeringRowsProps) {
  const { t } = useTranslation();
  const key = categoryKey(line.category);
  const category = key ? t(`legal.naering.categories.${key}`) : line.category;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td fw={600}>{firstOfCategory ? category : ''}</Table.Td>
        <Table.Td>
          <UnstyledButton
            onClick={onToggle}
            aria-expanded={expanded}
            aria-label={t('legal.naering.showAccounts', { code: line.code })}
            c="blue.8"
            fz="sm"
          >
            {expanded ? '▾' : '▸'} {line.code}
          </UnstyledButton>
        </Table.Td>
        <Table.Td>{line.name}</Table.Td>
        <AmountCell ore={line.amount} />
      </Table.Tr>
      {expanded
        ? line.accounts.map((account) => (
            <Table.Tr key={account.account} bg="gray.0">
              <Table.Td />
              <Table.Td />
              <Table.Td pl="xl" fz="sm">
                {account.account} {account.name}
              </Table.Td>
              <AmountCell ore={account.amount} fz="sm" />
            </Table.Tr>
          ))
        : null}
    </Fragment>
  );
}
