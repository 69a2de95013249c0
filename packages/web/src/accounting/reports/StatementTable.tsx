import { Table } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../Amount';
import type { StatementSection, StatementSubtotal } from '../types';
import { ReportTable } from './ReportParts';

interface Figures {
  amount: number;
  lastYear?: number | null | undefined;
  budget?: number | null | undefined;
}

export interface StatementTotal extends Figures {
  label: string;
}

interface StatementTableProps {
  label: string;
  sections: StatementSection[];
  subtotals?: StatementSubtotal[] | undefined;
  /** The bottom lines: the result, or the balance sheet's two sides. */
  totals?: StatementTotal[];
}

const nonZero = (value: number | null | undefined) =>
  value !== null && value !== undefined && value !== 0;

/** A section with no accounts and nothing in it is left out; the subtotals after it stay. */
const hasFigures = (section: StatementSection) =>
  section.lines.length > 0 || nonZero(section.total) || nonZero(section.lastYearTotal);

/**
 * Sections of accounts with their totals, as in the income statement and the balance sheet.
 * Last year's figures and the budget get a column only when the report has any.
 */
export function StatementTable({
  label,
  sections,
  subtotals = [],
  totals = [],
}: StatementTableProps) {
  const { t, i18n } = useTranslation();
  const name = (named: { nameNb: string; nameEn: string }) =>
    i18n.language === 'en' ? named.nameEn : named.nameNb;
  const lines = sections.flatMap((s) => s.lines);
  const lastYear = lines.some((l) => nonZero(l.lastYear));
  const budget = lines.some((l) => nonZero(l.budget));
  const columns = 3 + (lastYear ? 1 : 0) + (budget ? 1 : 0);
  const figures = (values: Figures) => (
    <>
      <AmountCell ore={values.amount} />
      {lastYear ? <AmountCell ore={values.lastYear} /> : null}
      {budget ? <AmountCell ore={values.budget} /> : null}
    </>
  );
  const totalRow = (key: string, text: string, values: Figures) => (
    <Table.Tr key={key} fw={700}>
      <Table.Td colSpan={2}>{text}</Table.Td>
      {figures(values)}
    </Table.Tr>
  );

  return (
    <ReportTable label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('accounting.account')}</Table.Th>
          <Table.Th>{t('accounting.name')}</Table.Th>
          <Table.Th ta="right">{t('accounting.amount')}</Table.Th>
          {lastYear ? <Table.Th ta="right">{t('reports.lastYear')}</Table.Th> : null}
          {budget ? <Table.Th ta="right">{t('reports.budget')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sections.map((section) => (
          <Fragment key={section.key}>
            {hasFigures(section) ? (
              <>
                <Table.Tr bg="gray.0">
                  <Table.Th colSpan={columns} scope="colgroup">
                    {name(section)}
                  </Table.Th>
                </Table.Tr>
                {section.lines.map((line) => (
                  <Table.Tr key={line.account ?? line.name}>
                    <Table.Td>{line.account ?? ''}</Table.Td>
                    <Table.Td>{line.name}</Table.Td>
                    {figures(line)}
                  </Table.Tr>
                ))}
                <Table.Tr fw={600}>
                  <Table.Td />
                  <Table.Td>{t('reports.sectionTotal')}</Table.Td>
                  {figures({
                    amount: section.total,
                    lastYear: section.lastYearTotal,
                    budget: section.budgetTotal,
                  })}
                </Table.Tr>
              </>
            ) : null}
            {subtotals
              .filter((subtotal) => subtotal.after === section.key)
              .map((subtotal) => totalRow(subtotal.key, name(subtotal), subtotal))}
          </Fragment>
        ))}
      </Table.Tbody>
      {totals.length > 0 ? (
        <Table.Tfoot>
          {totals.map((total) => totalRow(total.label, total.label, total))}
        </Table.Tfoot>
      ) : null}
    </ReportTable>
  );
}
