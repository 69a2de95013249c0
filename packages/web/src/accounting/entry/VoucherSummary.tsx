import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../format';
import { formatRate, type VatLine, vatCodeInfo, vatCodeName, vatLinesOf } from '../vat';
import { type AmountBasis, type LineDraft, lineAmount, postedAmount } from './draft';

interface VoucherSummaryProps {
  lines: readonly LineDraft[];
  basis: AmountBasis;
  /** The server's complaint about the voucher as a whole, e.g. that it does not balance. */
  error?: string | undefined;
}

/** Totals, the running difference and the VAT lines the server will add on saving. */
export function VoucherSummary({ lines, basis, error }: VoucherSummaryProps) {
  const { t } = useTranslation();
  // As posted, so net amounts count with the VAT that will be put on top of them.
  const amounts = lines.map((line) => postedAmount(line, basis));
  const debit = amounts.filter((a) => a > 0).reduce((s, a) => s + a, 0);
  const credit = amounts.filter((a) => a < 0).reduce((s, a) => s - a, 0);
  const difference = debit - credit;
  const vat = vatPreview(lines, basis);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <VatPreview lines={vat} net={basis.net} />
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Total label={t('entry.totalDebit')} amount={debit} />
          <Total label={t('entry.totalCredit')} amount={credit} />
          <Group justify="space-between">
            <Text fw={700}>{t('entry.difference')}</Text>
            <Text
              role="status"
              aria-label={t('entry.difference')}
              fw={700}
              c={difference === 0 ? 'green.8' : 'red.7'}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {formatAmount(difference)}
            </Text>
          </Group>
          {error ? (
            <Text c="red.7" size="sm" role="alert">
              {error}
            </Text>
          ) : null}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function Total({ label, amount }: { label: string; amount: number }) {
  return (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatAmount(amount)}
      </Text>
    </Group>
  );
}

/** The VAT lines of all voucher lines, added up per code and direction. */
function vatPreview(lines: readonly LineDraft[], { net, date }: AmountBasis): VatLine[] {
  const totals = new Map<string, VatLine>();
  for (const line of lines) {
    const amount = lineAmount(line);
    if (!amount || !line.vatCode.trim()) continue;
    for (const vat of vatLinesOf(amount, line.vatCode, date, net ? 'net' : 'gross')) {
      const key = `${vat.code}:${vat.kind}`;
      const sum = totals.get(key);
      totals.set(key, sum ? { ...sum, amount: sum.amount + vat.amount } : vat);
    }
  }
  return [...totals.values()];
}

function VatPreview({ lines, net }: { lines: VatLine[]; net: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('entry.vatPreview')}>
      <Stack gap="xs">
        <Text fw={700}>{t('entry.vatPreview')}</Text>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('entry.noVat')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {lines.map((line) => {
                const info = vatCodeInfo(line.code);
                return (
                  <Table.Tr key={`${line.code}:${line.kind}`}>
                    <Table.Td title={info ? vatCodeName(info, i18n.language) : undefined}>
                      {t('entry.vatLine', {
                        kind: t(`entry.vatKind.${line.kind}`),
                        code: line.code,
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{formatRate(line.rate)}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatAmount(line.amount)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {t(net ? 'entry.vatNoteNet' : 'entry.vatNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
