import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { formatRate } from '../accounting/vat';

export interface TotalsFigures {
  net: number;
  vat: number;
  gross: number;
  byCode: { code: string; rate: number; base: number; vat: number }[];
  margin: number;
  marginPercent: number | null;
}

/** A margin in basis points as "38,5 %"; nothing when the net is zero. */
export function formatMarginPercent(basisPoints: number | null): string {
  return basisPoints === null ? '' : formatRate(basisPoints);
}

/**
 * A document's totals: the base and VAT of each VAT code, then net, VAT and the total to pay,
 * and the contribution margin (dekningsbidrag) on sales.
 */
export function Totals({
  totals,
  currency,
  showMargin,
  label,
}: {
  totals: TotalsFigures;
  currency: string | null;
  showMargin: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const unit = currency ?? 'NOK';
  return (
    <Paper withBorder radius="md" p="sm" maw={560} ml="auto" w="100%">
      <Table verticalSpacing={3} aria-label={label ?? t('sales.totals.title')}>
        {totals.byCode.length > 0 ? (
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.totals.vatCode')}</Table.Th>
              <Table.Th ta="right">{t('sales.totals.rate')}</Table.Th>
              <Table.Th ta="right">{t('sales.totals.base')}</Table.Th>
              <Table.Th ta="right">{t('sales.totals.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
        ) : null}
        <Table.Tbody>
          {totals.byCode.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td>{row.code}</Table.Td>
              <Table.Td ta="right">{formatRate(row.rate)}</Table.Td>
              <AmountCell ore={row.base} />
              <AmountCell ore={row.vat} />
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th colSpan={3}>{t('sales.totals.net')}</Table.Th>
            <AmountCell ore={totals.net} />
          </Table.Tr>
          <Table.Tr>
            <Table.Th colSpan={3}>{t('sales.totals.totalVat')}</Table.Th>
            <AmountCell ore={totals.vat} />
          </Table.Tr>
          <Table.Tr>
            <Table.Th colSpan={3}>
              <Text fw={700} size="sm">
                {t('sales.totals.gross', { currency: unit })}
              </Text>
            </Table.Th>
            <AmountCell
              ore={totals.gross}
              fw={700}
              aria-label={t('sales.totals.gross', { currency: unit })}
            />
          </Table.Tr>
          {showMargin ? (
            <Table.Tr>
              <Table.Th colSpan={2}>{t('sales.totals.margin')}</Table.Th>
              <Table.Td ta="right" c="dimmed">
                {formatMarginPercent(totals.marginPercent)}
              </Table.Td>
              <AmountCell ore={totals.margin} />
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
