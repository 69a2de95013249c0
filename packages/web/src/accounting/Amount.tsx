import { Table, type TableTdProps } from '@mantine/core';
import { formatAmount } from '../format';

const figures = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

interface AmountCellProps extends TableTdProps {
  ore: number | null | undefined;
  /** Leaves the cell empty for zero, as a debit or credit column does. */
  blankZero?: boolean;
}

/** An amount in a table, right-aligned with digits in columns. */
export function AmountCell({ ore, blankZero = false, ...props }: AmountCellProps) {
  const empty = ore === null || ore === undefined || (blankZero && ore === 0);
  return (
    <Table.Td ta="right" style={figures} {...props}>
      {empty ? '' : formatAmount(ore)}
    </Table.Td>
  );
}

/** A signed amount split into its debit and credit columns. */
export function DebitCreditCells({ ore }: { ore: number }) {
  return (
    <>
      <AmountCell ore={ore > 0 ? ore : 0} blankZero />
      <AmountCell ore={ore < 0 ? -ore : 0} blankZero />
    </>
  );
}
