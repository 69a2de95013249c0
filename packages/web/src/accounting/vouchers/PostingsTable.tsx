import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatAmount, formatDate } from '../../format';
import { AmountCell, DebitCreditCells } from '../Amount';
import { accountName } from '../accounts';
import { useAccounts, useDepartments, useParties, useProjects } from '../api';
import type { CurrencyAmount, Posting } from '../types';

/** The postings as the ledger keeps them, the VAT lines the server added included. */
export function PostingsTable({ postings }: { postings: Posting[] }) {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const names = new Map(
    (accounts.data ?? []).map((a) => [a.number, accountName(a, i18n.language)]),
  );
  const details = useDetailNames(postings);
  const debit = postings.reduce((sum, p) => sum + Math.max(p.amount, 0), 0);
  const credit = postings.reduce((sum, p) => sum + Math.max(-p.amount, 0), 0);

  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="xs" aria-label={t('vouchers.postings')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('accounting.account')}</Table.Th>
            <Table.Th>{t('accounting.name')}</Table.Th>
            <Table.Th>{t('accounting.text')}</Table.Th>
            <Table.Th w={150}>{t('accounting.vatCode')}</Table.Th>
            <Table.Th w={140} ta="right">
              {t('accounting.debit')}
            </Table.Th>
            <Table.Th w={140} ta="right">
              {t('accounting.credit')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {postings.map((posting) => (
            <Table.Tr key={posting.id ?? posting.lineNo}>
              <Table.Td>{posting.account}</Table.Td>
              <Table.Td>{names.get(posting.account) ?? ''}</Table.Td>
              <Table.Td>
                {posting.description}
                <PostingDetails posting={posting} names={details} />
              </Table.Td>
              <Table.Td>
                {posting.vatCode}
                {posting.vatKind === 'output' || posting.vatKind === 'input' ? (
                  <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {' '}
                    {t(`entry.vatKind.${posting.vatKind}`)}
                  </Text>
                ) : null}
              </Table.Td>
              <DebitCreditCells ore={posting.amount} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={4}>{t('accounting.total')}</Table.Td>
            <AmountCell ore={debit} />
            <AmountCell ore={credit} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}

interface DetailNames {
  departments: Map<number, string>;
  projects: Map<number, string>;
  parties: Map<number, string>;
}

/** Names for the departments, projects and parties the postings refer to by id. */
function useDetailNames(postings: Posting[]): DetailNames {
  const { company } = useSignedIn();
  const departments = useDepartments(company.id);
  const projects = useProjects(company.id);
  const customers = useParties(company.id, postings.some((p) => p.partyId) ? 'customer' : null);
  const suppliers = useParties(company.id, postings.some((p) => p.partyId) ? 'supplier' : null);
  const byId = (items: { id: number; code: string; name: string }[] = []) =>
    new Map(items.map((item) => [item.id, `${item.code} ${item.name}`]));
  return {
    departments: byId(departments.data),
    projects: byId(projects.data),
    parties: new Map(
      [...(customers.data ?? []), ...(suppliers.data ?? [])].map((p) => [p.id, p.name]),
    ),
  };
}

/** Department, project and open-item facts of a posting, on one dimmed line. */
function PostingDetails({ posting, names }: { posting: Posting; names: DetailNames }) {
  const { t } = useTranslation();
  const name = (map: Map<number, string>, id: number | null) =>
    id === null ? null : (map.get(id) ?? `#${id}`);
  const parts = [
    name(names.departments, posting.departmentId),
    name(names.projects, posting.projectId),
    name(names.parties, posting.partyId),
    posting.invoiceNumber ? t('vouchers.invoice', { number: posting.invoiceNumber }) : null,
    posting.dueDate ? t('vouchers.due', { date: formatDate(posting.dueDate) }) : null,
    posting.kid ? `KID ${posting.kid}` : null,
    posting.currency ? currencyText(posting.currency) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {parts.join(' · ')}
    </Text>
  );
}

/** "EUR 100,00 @ 11.5": the side is the column the posting is in. */
function currencyText({ code, amount, rate }: CurrencyAmount) {
  return `${code} ${formatAmount(Math.abs(amount))} @ ${rate}`;
}
