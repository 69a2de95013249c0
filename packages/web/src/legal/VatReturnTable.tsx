import { Alert, Anchor, Badge, List, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { formatAmount, formatDate } from '../format';
import { REPORT_PATHS, voucherPath } from '../shell/areas';
import { hrefFor } from '../shell/router';
import type { VatReturn, VatReturnLine, VatWarning } from './types';

/**
 * A line's name: the code's, and for a specification line (uttak, tap på krav, …) that too.
 * A code can come more than once: reverse-charge VAT (86, 88, …) has a line with the basis
 * for the output VAT and one for the deduction, and specification lines stand on their own.
 */
export function lineName(line: VatReturnLine, language: string, t: TFunction): string {
  const name = language === 'en' ? line.nameEn : line.nameNb;
  if (!line.specification) return name;
  return `${name} – ${t(`legal.vat.specifications.${line.specification}`)}`;
}

const rateFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** The lines of the return with their total; each code leads to the postings behind it. */
export function VatReturnTable({ vat }: { vat: VatReturn }) {
  const { t, i18n } = useTranslation();
  if (vat.lines.length === 0) return <Text>{t('legal.vat.noLines')}</Text>;
  const range = { from: vat.from, to: vat.to };
  return (
    <ReportTable label={t('legal.pages.vatReturn')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('legal.vat.code')}</Table.Th>
          <Table.Th>{t('legal.vat.name')}</Table.Th>
          <Table.Th ta="right">{t('legal.vat.basis')}</Table.Th>
          <Table.Th ta="right">{t('legal.vat.rate')}</Table.Th>
          <Table.Th ta="right">{t('legal.vat.vat')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {vat.lines.map((line) => (
          <Table.Tr key={line.key}>
            <Table.Td>
              <Anchor
                size="sm"
                href={hrefFor(REPORT_PATHS.vatSpecification, range)}
                aria-label={t('legal.vat.postingsOf', { code: line.code })}
              >
                {line.code}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {lineName(line, i18n.language, t)}
              {line.remark ? (
                <Text size="xs" c="dimmed">
                  {line.remark}
                </Text>
              ) : null}
              {line.remarkRequired && !line.remark ? (
                <Badge size="xs" color="yellow" variant="light" ml="xs">
                  {t('legal.vat.remarkMissing')}
                </Badge>
              ) : null}
            </Table.Td>
            <AmountCell ore={line.basis} />
            <Table.Td ta="right">
              {line.rate === null ? '' : `${rateFormat.format(line.rate)} %`}
            </Table.Td>
            <AmountCell ore={line.vat} />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td colSpan={4}>
            {t('legal.vat.total')}
            <Text size="xs" c="dimmed" fw={400}>
              {t('legal.vat.totalHint')}
            </Text>
          </Table.Td>
          <AmountCell ore={vat.total} />
        </Table.Tr>
      </Table.Tfoot>
    </ReportTable>
  );
}

/** Postings that may be missing a VAT code, each with a link to its voucher. */
export function VatWarnings({ warnings }: { warnings: VatWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('legal.vat.warningsTitle')}>
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={`${warning.voucherId}:${warning.account}:${warning.amount}`}>
            <Anchor size="sm" href={`#${voucherPath(warning.voucherId)}`}>
              {t('legal.vat.warningVoucher', { voucher: warning.voucher })}
            </Anchor>{' '}
            ({formatDate(warning.date)}, {formatAmount(warning.amount)}):{' '}
            {t('legal.vat.warning', {
              account: warning.account,
              code: warning.defaultVatCode,
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
