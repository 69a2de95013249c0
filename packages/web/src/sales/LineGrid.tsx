import { ActionIcon, Box, Table, TextInput, type TextInputProps } from '@mantine/core';
import { VAT_CODES } from '@nordbok/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountInput } from '../accounting/entry/AccountInput';
import type { Account } from '../accounting/types';
import { formatAmount } from '../format';
import { ItemPicker } from '../inventory/ItemPicker';
import type { Item } from '../inventory/types';
import {
  isBlankLine,
  LINE_COLUMNS,
  type LineColumn,
  type LineDraft,
  lineFigures,
  vatCodeLabel,
} from './draft';
import classes from './LineGrid.module.css';

interface LineGridProps {
  lines: LineDraft[];
  date: string;
  accounts: readonly Account[];
  /** Errors by draft line index and column. */
  errors: (index: number, column: LineColumn) => string | undefined;
  onChange: (index: number, patch: Partial<LineDraft>) => void;
  onItem: (index: number, item: Item | null) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Enter on an empty last line: the lines are done (the form moves on to saving). */
  onFinished: () => void;
}

const cellSelector = (index: number, column: LineColumn) =>
  `[data-line="${index}"][data-col="${column}"]`;

/** The field of a cell: the input (a picker's visible one) or the select inside it. */
function fieldOf(cell: Element | null): HTMLElement | null {
  return cell?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea') ?? null;
}

/**
 * Puts the cursor in a line's cell: at once when the cell is on screen, so quick keys are not
 * lost, else (or when `later`, for a line about to be filled in) once the next render is done.
 */
export function focusCell(
  container: HTMLElement | null,
  index: number,
  column: LineColumn,
  later = false,
) {
  const focus = () => {
    const field = fieldOf(container?.querySelector(cellSelector(index, column)) ?? null);
    if (!field) return false;
    field.focus();
    // A field reached from the keyboard is there to be typed over, as in a spreadsheet.
    if (field instanceof HTMLInputElement) field.select();
    return true;
  };
  if (later || !focus()) requestAnimationFrame(() => void focus());
}

/**
 * The lines of a document as a grid worked from the keyboard: Enter moves to the next field
 * like Tab; choosing an item jumps to its quantity; leaving the last field of the last line
 * starts a new line; Ctrl+Delete removes the line the cursor is in.
 */
export function LineGrid(props: LineGridProps) {
  const { lines, date, accounts, errors, onChange, onItem, onAdd, onRemove, onFinished } = props;
  const { t, i18n } = useTranslation();

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-col]');
    const grid = event.currentTarget;
    if (!cell) return;
    const index = Number(cell.dataset.line);
    const column = cell.dataset.col as LineColumn;
    const line = lines[index];
    if (!line) return;
    if ((event.ctrlKey || event.metaKey) && event.key === 'Delete') {
      event.preventDefault();
      onRemove(index);
      focusCell(grid, Math.max(0, Math.min(index, lines.length - 2)), 'item');
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const last = index === lines.length - 1;
    const nextLine = () => {
      event.preventDefault();
      if (!last) return focusCell(grid, index + 1, 'item');
      if (isBlankLine(line)) return onFinished();
      onAdd();
      focusCell(grid, index + 1, 'item');
    };
    if (event.key === 'Tab' && column === 'account' && last && !isBlankLine(line)) {
      return nextLine();
    }
    if (event.key !== 'Enter') return;
    if (column === 'item') {
      // With an option highlighted the picker has just taken it: on to the quantity.
      const picked = event.defaultPrevented;
      event.preventDefault();
      if (picked) return focusCell(grid, index, 'quantity', true);
      if (line.itemId !== null) return focusCell(grid, index, 'quantity');
      if (isBlankLine(line)) return onFinished();
      return focusCell(grid, index, 'description');
    }
    if (column === 'account') return nextLine();
    event.preventDefault();
    const next = LINE_COLUMNS[LINE_COLUMNS.indexOf(column) + 1];
    if (next) focusCell(grid, index, next);
  };

  const label = (column: LineColumn, index: number) =>
    t('sales.editor.cell', { field: t(`sales.editor.columns.${column}`), line: index + 1 });
  const text = (
    index: number,
    column: Exclude<LineColumn, 'item' | 'account'>,
    extra: TextInputProps = {},
  ) => {
    const line = lines[index]!;
    return (
      <Box data-line={index} data-col={column}>
        <TextInput
          aria-label={label(column, index)}
          autoComplete="off"
          value={line[column]}
          error={errors(index, column)}
          onChange={(event) => onChange(index, { [column]: event.currentTarget.value })}
          {...extra}
        />
      </Box>
    );
  };
  const right = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };

  return (
    <Box onKeyDown={onKeyDown} role="group" aria-label={t('sales.editor.lines')}>
      <Table.ScrollContainer minWidth={1080}>
        <Table className={classes.grid} verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>{t('sales.editor.columns.item')}</Table.Th>
              <Table.Th>{t('sales.editor.columns.description')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('sales.editor.columns.quantity')}
              </Table.Th>
              <Table.Th w={70}>{t('sales.editor.columns.unit')}</Table.Th>
              <Table.Th w={110} ta="right">
                {t('sales.editor.columns.price')}
              </Table.Th>
              <Table.Th w={72} ta="right">
                {t('sales.editor.columns.discount')}
              </Table.Th>
              <Table.Th w={72}>{t('sales.editor.columns.vatCode')}</Table.Th>
              <Table.Th w={120}>{t('sales.editor.columns.account')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('sales.editor.columns.net')}
              </Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const figures = lineFigures(line);
              const vat = VAT_CODES.find((c) => c.code === line.vatCode.trim());
              const picked = accounts.find((a) => a.number === line.account.trim()) ?? null;
              return (
                <Table.Tr key={line.key} data-testid={`line-${index + 1}`}>
                  <Table.Td>
                    <Box data-line={index} data-col="item" className={classes.itemCell}>
                      <ItemPicker
                        label={label('item', index)}
                        value={line.itemId}
                        known={line.item}
                        onChange={(item) => onItem(index, item)}
                        error={errors(index, 'item')}
                        w={222}
                      />
                    </Box>
                  </Table.Td>
                  <Table.Td>{text(index, 'description')}</Table.Td>
                  <Table.Td>
                    {text(index, 'quantity', { inputMode: 'decimal', styles: right })}
                  </Table.Td>
                  <Table.Td>{text(index, 'unit', { maxLength: 20 })}</Table.Td>
                  <Table.Td>
                    {text(index, 'price', { inputMode: 'decimal', styles: right })}
                  </Table.Td>
                  <Table.Td>
                    {text(index, 'discount', { inputMode: 'decimal', styles: right })}
                  </Table.Td>
                  <Table.Td>
                    {text(index, 'vatCode', {
                      inputMode: 'numeric',
                      maxLength: 3,
                      title: vat ? (i18n.language === 'en' ? vat.nameEn : vat.nameNb) : undefined,
                      description: vat ? vatCodeLabel(vat, date).split(' · ')[1] : undefined,
                      inputWrapperOrder: ['label', 'input', 'description', 'error'],
                      error:
                        errors(index, 'vatCode') ??
                        (line.vatCode.trim() && !vat
                          ? t('sales.editor.unknownVatCode')
                          : undefined),
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Box data-line={index} data-col="account">
                      <AccountInput
                        accounts={accounts}
                        text={line.account}
                        picked={picked}
                        onText={(value) => onChange(index, { account: value })}
                        onPick={(account) => onChange(index, { account: account.number })}
                        label={label('account', index)}
                        error={errors(index, 'account')}
                        fieldProps={{}}
                      />
                    </Box>
                  </Table.Td>
                  <Table.Td className={classes.figure}>
                    {figures.net === null ? '' : formatAmount(figures.net)}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      tabIndex={-1}
                      title="Ctrl+Delete"
                      aria-label={t('sales.editor.removeLine', { line: index + 1 })}
                      onClick={() => onRemove(index)}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
