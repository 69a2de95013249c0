import { formatAmount, formatDate } from '../../format';
import { parseAmount, parseDateInput } from '../input';
import type { Account, Posting, Voucher, VoucherInput, VoucherLineInput } from '../types';
import { vatCodeInfo } from '../vat';

/** One line of the voucher as typed: text until it is saved, so nothing typed is lost. */
export interface LineDraft {
  key: number;
  /** What the account field shows: the typed search, or the number ("1920") once picked. */
  accountText: string;
  account: Account | null;
  description: string;
  debit: string;
  credit: string;
  vatCode: string;
  departmentId: string | null;
  projectId: string | null;
  partyId: string | null;
  invoiceNumber: string;
  dueDate: string;
  kid: string;
  /** False while the line holds nothing but what the screen filled in itself. */
  touched: boolean;
}

export interface VoucherDraft {
  series: string;
  date: string;
  description: string;
  /** An opening balance: the server puts it in series IB on the year's first day. */
  opening: boolean;
  lines: LineDraft[];
}

export type LineField =
  | 'account'
  | 'description'
  | 'debit'
  | 'credit'
  | 'vatCode'
  | 'departmentId'
  | 'projectId'
  | 'partyId'
  | 'invoiceNumber'
  | 'dueDate'
  | 'kid';

export const linePath = (index: number, field: LineField) => `lines.${index}.${field}`;

let nextKey = 1;

export function emptyLine(): LineDraft {
  return {
    key: nextKey++,
    accountText: '',
    account: null,
    description: '',
    debit: '',
    credit: '',
    vatCode: '',
    departmentId: null,
    projectId: null,
    partyId: null,
    invoiceNumber: '',
    dueDate: '',
    kid: '',
    touched: false,
  };
}

export function emptyDraft(series = 'A', date = ''): VoucherDraft {
  return { series, date, description: '', opening: false, lines: [emptyLine()] };
}

/** Amount fields for a signed amount: debit when positive, credit when negative. */
export function amountFields(amount: number): Pick<LineDraft, 'debit' | 'credit'> {
  if (amount === 0) return { debit: '', credit: '' };
  const text = formatAmount(Math.abs(amount));
  return amount > 0 ? { debit: text, credit: '' } : { debit: '', credit: text };
}

/** Debit minus credit in øre; 0 when both are empty, null when either cannot be read. */
export function lineAmount(line: Pick<LineDraft, 'debit' | 'credit'>): number | null {
  const debit = line.debit.trim() ? parseAmount(line.debit) : 0;
  const credit = line.credit.trim() ? parseAmount(line.credit) : 0;
  return debit === null || credit === null ? null : debit - credit;
}

/** What the lines add up to, debit positive: 0 when the voucher balances. */
export function balanceOf(lines: readonly LineDraft[]): number {
  return lines.reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0);
}

/** A new line whose amount is what makes the voucher balance. */
export function balancingLine(lines: readonly LineDraft[]): LineDraft {
  return { ...emptyLine(), ...amountFields(-balanceOf(lines)) };
}

/** The fields of a line in the order the keyboard visits them. */
export function lineFields(
  line: LineDraft,
  dimensions: { departments: boolean; projects: boolean },
) {
  const fields: LineField[] = ['account', 'description', 'debit', 'credit', 'vatCode'];
  if (dimensions.departments) fields.push('departmentId');
  if (dimensions.projects) fields.push('projectId');
  if (line.account?.subledger) fields.push('partyId', 'invoiceNumber', 'dueDate', 'kid');
  return fields;
}

export type DraftAction =
  | { type: 'header'; patch: Partial<Omit<VoucherDraft, 'lines'>> }
  | { type: 'line'; index: number; patch: Partial<Omit<LineDraft, 'key'>> }
  | { type: 'pickAccount'; index: number; account: Account }
  | { type: 'addLine' }
  | { type: 'copyPrevious'; index: number }
  | { type: 'removeLine'; index: number }
  | { type: 'saved' }
  | { type: 'load'; draft: VoucherDraft };

function replaceLine(draft: VoucherDraft, index: number, line: LineDraft): VoucherDraft {
  return { ...draft, lines: draft.lines.map((old, i) => (i === index ? line : old)) };
}

export function draftReducer(draft: VoucherDraft, action: DraftAction): VoucherDraft {
  switch (action.type) {
    case 'header':
      return { ...draft, ...action.patch };
    case 'line': {
      const line = draft.lines[action.index];
      if (!line) return draft;
      return replaceLine(draft, action.index, { ...line, ...action.patch, touched: true });
    }
    case 'pickAccount':
      return pickAccount(draft, action.index, action.account);
    case 'addLine':
      return { ...draft, lines: [...draft.lines, balancingLine(draft.lines)] };
    case 'copyPrevious': {
      const previous = draft.lines[action.index - 1];
      if (!previous || !draft.lines[action.index]) return draft;
      return replaceLine(draft, action.index, { ...previous, key: nextKey++, touched: true });
    }
    case 'removeLine': {
      const lines = draft.lines.filter((_, i) => i !== action.index);
      return { ...draft, lines: lines.length > 0 ? lines : [emptyLine()] };
    }
    case 'saved':
      return emptyDraft(draft.series, draft.date);
    case 'load':
      return action.draft;
  }
}

function pickAccount(draft: VoucherDraft, index: number, account: Account) {
  const line = draft.lines[index];
  if (!line) return draft;
  const same = line.account?.number === account.number;
  const picked: LineDraft = {
    ...line,
    account,
    accountText: account.number,
    // A new account brings its own default VAT code; re-picking the same one keeps an edit.
    vatCode: same ? line.vatCode : (account.vatCode ?? ''),
    touched: true,
  };
  if (!same && line.account?.subledger !== account.subledger) {
    Object.assign(picked, { partyId: null, invoiceNumber: '', dueDate: '', kid: '' });
  }
  return replaceLine(draft, index, picked);
}

/** A line with nothing in it that a voucher could use, typed or not. */
export function isBlank(line: LineDraft): boolean {
  return [line.accountText, line.debit, line.credit, line.description].every((t) => !t.trim());
}

/** Why the screen itself refuses to send a voucher: text that cannot be read. */
export type InputProblem = 'date' | 'amount' | 'bothAmounts' | 'dueDate';

export type Prepared =
  | { ok: true; input: VoucherInput; lineIndex: number[] }
  | { ok: false; problems: Record<string, InputProblem> };

/**
 * The request body for the lines that hold anything typed. Everything else (accounts,
 * balance, VAT codes, periods) is left for the server to judge, so its rules live in one
 * place; `lineIndex` maps each sent line back to its row on screen.
 */
export function toVoucherInput(draft: VoucherDraft, today: string): Prepared {
  const problems: Record<string, InputProblem> = {};
  const date = parseDateInput(draft.date, today);
  if (!date) problems.date = 'date';
  const lines: VoucherLineInput[] = [];
  const lineIndex: number[] = [];
  draft.lines.forEach((line, index) => {
    if (!line.touched || isBlank(line)) return;
    const prepared = toLineInput(line, index, today, problems);
    if (prepared) {
      lines.push(prepared);
      lineIndex.push(index);
    }
  });
  if (!date || Object.keys(problems).length > 0) return { ok: false, problems };
  const input: VoucherInput = draft.opening
    ? { opening: true, date, description: draft.description, lines }
    : { series: draft.series, date, description: draft.description, lines };
  return { ok: true, input, lineIndex };
}

function toLineInput(
  line: LineDraft,
  index: number,
  today: string,
  problems: Record<string, InputProblem>,
): VoucherLineInput | null {
  if (line.debit.trim() && line.credit.trim()) {
    problems[linePath(index, 'credit')] = 'bothAmounts';
    return null;
  }
  const amount = lineAmount(line);
  if (amount === null) {
    problems[linePath(index, line.debit.trim() ? 'debit' : 'credit')] = 'amount';
    return null;
  }
  const dueDate = line.dueDate.trim() ? parseDateInput(line.dueDate, today) : null;
  if (line.dueDate.trim() && !dueDate) problems[linePath(index, 'dueDate')] = 'dueDate';
  const result: VoucherLineInput = {
    account: line.account?.number ?? line.accountText.trim().split(/\s/)[0] ?? '',
    amount,
    vatCode: line.vatCode.trim() || null,
  };
  if (line.description.trim()) result.description = line.description.trim();
  if (line.departmentId) result.departmentId = Number(line.departmentId);
  if (line.projectId) result.projectId = Number(line.projectId);
  if (line.partyId) result.partyId = Number(line.partyId);
  if (line.invoiceNumber.trim()) result.invoiceNumber = line.invoiceNumber.trim();
  if (dueDate) result.dueDate = dueDate;
  if (line.kid.trim()) result.kid = line.kid.trim();
  return result;
}

const LINE_FIELDS = new Set<string>([
  'account',
  'description',
  'vatCode',
  'departmentId',
  'projectId',
  'partyId',
  'invoiceNumber',
  'dueDate',
  'kid',
]);

/**
 * Where on screen each of the server's field errors belongs: "lines.2.amount" of the sent
 * body becomes the debit or credit cell of the row it came from. Errors with no place on
 * the screen are left out, for the alert above the form to tell.
 */
export function placeErrors(
  errors: readonly { field: string; message: string }[],
  draft: VoucherDraft,
  lineIndex: readonly number[],
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const { field, message } of errors) {
    const path = screenPath(field, draft, lineIndex);
    if (path) placed[path] ??= message;
  }
  return placed;
}

function screenPath(field: string, draft: VoucherDraft, lineIndex: readonly number[]) {
  if (['series', 'date', 'description', 'lines'].includes(field)) return field;
  const match = /^lines\.(\d+)\.(\w+)/.exec(field);
  const row = match ? lineIndex[Number(match[1])] : undefined;
  if (!match || row === undefined) return null;
  const [, , name = ''] = match;
  if (LINE_FIELDS.has(name)) return `lines.${row}.${name}`;
  if (name === 'amount' || name === 'currency' || name === 'entry') {
    const credit = draft.lines[row]?.credit.trim() && !draft.lines[row]?.debit.trim();
    return linePath(row, credit ? 'credit' : 'debit');
  }
  return `lines.${row}.account`;
}

/**
 * A saved voucher back as lines to correct. The server keeps postings, with the VAT split
 * out; each base posting is joined again with the VAT postings that came from it, giving the
 * gross line that was entered.
 */
export function draftFromVoucher(
  voucher: Voucher,
  accounts: ReadonlyMap<string, Account>,
): VoucherDraft {
  const lines = entryLinesOf(voucher.postings).map(({ posting, amount }) => {
    const account = accounts.get(posting.account) ?? null;
    return {
      ...emptyLine(),
      accountText: posting.account,
      account,
      description: posting.description,
      ...amountFields(amount),
      vatCode: posting.vatCode ?? '',
      departmentId: posting.departmentId === null ? null : String(posting.departmentId),
      projectId: posting.projectId === null ? null : String(posting.projectId),
      partyId: posting.partyId === null ? null : String(posting.partyId),
      invoiceNumber: posting.invoiceNumber ?? '',
      dueDate: posting.dueDate ? formatDate(posting.dueDate) : '',
      kid: posting.kid ?? '',
      touched: true,
    };
  });
  return {
    series: voucher.series,
    date: formatDate(voucher.date),
    description: voucher.description,
    opening: voucher.series === 'IB',
    lines: [...lines, emptyLine()],
  };
}

export function entryLinesOf(postings: readonly Posting[]) {
  const used = new Set<number>();
  const take = (from: number, test: (p: Posting) => boolean) => {
    const index = postings.findIndex((p, i) => i > from && !used.has(i) && test(p));
    if (index === -1) return 0;
    used.add(index);
    return postings[index]?.amount ?? 0;
  };
  const result: { posting: Posting; amount: number }[] = [];
  postings.forEach((posting, i) => {
    if (used.has(i)) return;
    used.add(i);
    const info = posting.vatKind === 'base' ? vatCodeInfo(posting.vatCode ?? '') : undefined;
    let amount = posting.amount;
    const sameCode = (kind: string) => (p: Posting) =>
      p.vatCode === posting.vatCode && p.vatKind === kind;
    if (info?.direction === 'input' || info?.direction === 'output') {
      amount += take(i, sameCode(info.direction));
    } else if (info?.direction === 'reverse') {
      const output = take(i, sameCode('output'));
      if (info.deductible) take(i, sameCode('input'));
      else
        take(i, (p) => p.vatKind === null && p.account === posting.account && p.amount === -output);
    }
    result.push({ posting, amount });
  });
  return result;
}
