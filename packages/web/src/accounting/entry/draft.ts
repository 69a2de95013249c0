import { formatAmount, formatDate } from '../../format';
import { nokAmount, parseCurrencyCode, parseRate } from '../currency';
import { parseAmount, parseDateInput, todayIso } from '../input';
import type {
  Account,
  CurrencyAmount,
  Posting,
  Voucher,
  VoucherInput,
  VoucherLineInput,
} from '../types';
import { type VatLineSpecification, vatCodeInfo, vatOnTop } from '../vat';

/** A line's amount in a foreign currency, as typed. */
export interface CurrencyDraft {
  code: string;
  amount: string;
  rate: string;
  /** The amount column the NOK amount goes in: the one the user last typed in. */
  side: 'debit' | 'credit';
}

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
  /** Set on a currency line, whose debit or credit is then the NOK amount worked out. */
  currency: CurrencyDraft | null;
  /**
   * The VAT return's specification line (uttak, tap på krav, …): null while its field is
   * not shown, '' when shown with none chosen.
   */
  vatSpecification: VatLineSpecification | '' | null;
  /** False while the line holds nothing but what the screen filled in itself. */
  touched: boolean;
}

export interface VoucherDraft {
  series: string;
  date: string;
  description: string;
  /** An opening balance: the server puts it in series IB on the year's first day. */
  opening: boolean;
  /** Amounts on lines with a VAT code are net, the VAT put on top when saving. */
  net: boolean;
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
  | 'kid'
  | 'currencyCode'
  | 'currencyAmount'
  | 'currencyRate'
  | 'vatSpecification';

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
    currency: null,
    vatSpecification: null,
    touched: false,
  };
}

export function emptyDraft(series = 'A', date = '', net = false): VoucherDraft {
  return { series, date, description: '', opening: false, net, lines: [emptyLine()] };
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

/** How a voucher's amounts are read: net or gross, and the date deciding the VAT rates. */
export interface AmountBasis {
  net: boolean;
  date: string;
}

/** What a line comes to in the ledger: its amount, plus the VAT put on top of a net amount. */
export function postedAmount(line: LineDraft, basis: AmountBasis): number {
  const amount = lineAmount(line) ?? 0;
  const entry = basis.net ? 'net' : 'gross';
  return amount + vatOnTop(amount, line.vatCode, basis.date, entry);
}

/** What the lines add up to, debit positive: 0 when the voucher balances. */
export function balanceOf(lines: readonly LineDraft[], basis: AmountBasis): number {
  return lines.reduce((sum, line) => sum + postedAmount(line, basis), 0);
}

/** A new line whose amount is what makes the voucher balance. */
export function balancingLine(lines: readonly LineDraft[], basis: AmountBasis): LineDraft {
  return { ...emptyLine(), ...amountFields(-balanceOf(lines, basis)) };
}

/** The basis of a draft, its date read as the form reads it. */
export function basisOf(draft: VoucherDraft): AmountBasis {
  const today = todayIso();
  return { net: draft.net, date: parseDateInput(draft.date, today) ?? today };
}

/** The currency amount in cents, signed by its side (credit negative); null if unreadable. */
export function currencyMinor(currency: CurrencyDraft): number | null {
  const amount = parseAmount(currency.amount);
  if (amount === null) return null;
  return currency.side === 'credit' ? -amount : amount;
}

/**
 * A currency line with its NOK amount worked out again. Typing in the debit or credit cell
 * of such a line only chooses the side: the amount there always follows from the currency.
 */
function withNokAmount(line: LineDraft, patch: Partial<LineDraft>): LineDraft {
  if (!line.currency) return line;
  let side = line.currency.side;
  if (patch.debit?.trim()) side = 'debit';
  if (patch.credit?.trim()) side = 'credit';
  const currency = { ...line.currency, side };
  const minor = currencyMinor(currency);
  const rate = parseRate(currency.rate);
  const nok = minor === null || rate === null ? null : nokAmount(minor, rate);
  const cells = nok === null ? { debit: '', credit: '' } : amountFields(nok);
  return { ...line, ...cells, currency };
}

/** The fields of a line in the order the keyboard visits them. */
export function lineFields(
  line: LineDraft,
  dimensions: { departments: boolean; projects: boolean },
) {
  const fields: LineField[] = ['account', 'description', 'debit', 'credit', 'vatCode'];
  if (dimensions.departments) fields.push('departmentId');
  if (dimensions.projects) fields.push('projectId');
  if (line.currency) fields.push('currencyCode', 'currencyAmount', 'currencyRate');
  if (line.account?.subledger) fields.push('partyId', 'invoiceNumber', 'dueDate', 'kid');
  if (line.vatSpecification !== null) fields.push('vatSpecification');
  return fields;
}

export type DraftAction =
  | { type: 'header'; patch: Partial<Omit<VoucherDraft, 'lines'>> }
  | { type: 'line'; index: number; patch: Partial<Omit<LineDraft, 'key'>> }
  | { type: 'pickAccount'; index: number; account: Account }
  | { type: 'addLine' }
  | { type: 'copyPrevious'; index: number }
  | { type: 'removeLine'; index: number }
  | { type: 'openCurrency'; index: number }
  | { type: 'closeCurrency'; index: number }
  | { type: 'toggleSpecification'; index: number }
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
      const changed = { ...line, ...action.patch, touched: true };
      return replaceLine(draft, action.index, withNokAmount(changed, action.patch));
    }
    case 'openCurrency':
    case 'closeCurrency':
      return toggleCurrency(draft, action.index, action.type === 'openCurrency');
    case 'toggleSpecification': {
      // Closing the field drops the choice, so what is sent is what the screen shows.
      const line = draft.lines[action.index];
      if (!line) return draft;
      const vatSpecification = line.vatSpecification === null ? '' : null;
      return replaceLine(draft, action.index, { ...line, vatSpecification, touched: true });
    }
    case 'pickAccount':
      return pickAccount(draft, action.index, action.account);
    case 'addLine':
      return { ...draft, lines: [...draft.lines, balancingLine(draft.lines, basisOf(draft))] };
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
      // Series, date and net entry stay: the next voucher is likely of the same kind.
      return emptyDraft(draft.series, draft.date, draft.net);
    case 'load':
      return action.draft;
  }
}

function toggleCurrency(draft: VoucherDraft, index: number, open: boolean) {
  const line = draft.lines[index];
  if (!line || Boolean(line.currency) === open) return draft;
  if (!open) return replaceLine(draft, index, { ...line, currency: null });
  const side = line.credit.trim() && !line.debit.trim() ? 'credit' : 'debit';
  const currency: CurrencyDraft = { code: '', amount: '', rate: '', side };
  return replaceLine(draft, index, { ...line, currency, touched: true });
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
export type InputProblem =
  | 'date'
  | 'amount'
  | 'bothAmounts'
  | 'dueDate'
  | 'currencyCode'
  | 'currencyRate';

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
    if (prepared && draft.net && prepared.vatCode) prepared.entry = 'net';
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
  const amount = line.currency ? null : plainAmount(line, index, problems);
  const currency = line.currency ? currencyInput(line.currency, index, problems) : null;
  if (amount === null && currency === null) return null;
  const dueDate = line.dueDate.trim() ? parseDateInput(line.dueDate, today) : null;
  if (line.dueDate.trim() && !dueDate) problems[linePath(index, 'dueDate')] = 'dueDate';
  const result: VoucherLineInput = {
    account: line.account?.number ?? line.accountText.trim().split(/\s/)[0] ?? '',
    vatCode: line.vatCode.trim() || null,
  };
  // A currency line goes without its NOK amount: the server works it out from the rate.
  if (currency) result.currency = currency;
  else if (amount !== null) result.amount = amount;
  if (line.description.trim()) result.description = line.description.trim();
  if (line.departmentId) result.departmentId = Number(line.departmentId);
  if (line.projectId) result.projectId = Number(line.projectId);
  if (line.partyId) result.partyId = Number(line.partyId);
  if (line.invoiceNumber.trim()) result.invoiceNumber = line.invoiceNumber.trim();
  if (dueDate) result.dueDate = dueDate;
  if (line.kid.trim()) result.kid = line.kid.trim();
  if (line.vatSpecification) result.vatSpecification = line.vatSpecification;
  return result;
}

function plainAmount(line: LineDraft, index: number, problems: Record<string, InputProblem>) {
  if (line.debit.trim() && line.credit.trim()) {
    problems[linePath(index, 'credit')] = 'bothAmounts';
    return null;
  }
  const amount = lineAmount(line);
  if (amount === null) {
    problems[linePath(index, line.debit.trim() ? 'debit' : 'credit')] = 'amount';
  }
  return amount;
}

function currencyInput(
  currency: CurrencyDraft,
  index: number,
  problems: Record<string, InputProblem>,
): CurrencyAmount | null {
  const code = parseCurrencyCode(currency.code);
  const amount = currencyMinor(currency);
  const rate = parseRate(currency.rate);
  if (!code) problems[linePath(index, 'currencyCode')] = 'currencyCode';
  if (amount === null) problems[linePath(index, 'currencyAmount')] = 'amount';
  if (!rate) problems[linePath(index, 'currencyRate')] = 'currencyRate';
  return code && amount !== null && rate ? { code, amount, rate } : null;
}

const CURRENCY_FIELDS: Record<string, LineField> = {
  code: 'currencyCode',
  amount: 'currencyAmount',
  rate: 'currencyRate',
};

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
  'vatSpecification',
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
  const match = /^lines\.(\d+)\.(\w+)(?:\.(\w+))?/.exec(field);
  const row = match ? lineIndex[Number(match[1])] : undefined;
  if (!match || row === undefined) return null;
  const [, , name = '', part = ''] = match;
  if (LINE_FIELDS.has(name)) return `lines.${row}.${name}`;
  // On a currency line the NOK amount is not typed, so its complaints go to the currency.
  if (draft.lines[row]?.currency && (name === 'currency' || name === 'amount')) {
    return linePath(row, CURRENCY_FIELDS[part] ?? 'currencyAmount');
  }
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
      currency: posting.currency ? currencyDraftOf(posting.currency) : null,
      vatSpecification: posting.vatSpecification ?? null,
      touched: true,
    };
  });
  return {
    series: voucher.series,
    date: formatDate(voucher.date),
    description: voucher.description,
    opening: voucher.series === 'IB',
    // Whether the lines were typed net is not kept; the joined gross lines are what is shown.
    net: false,
    lines: [...lines, emptyLine()],
  };
}

function currencyDraftOf(currency: CurrencyAmount): CurrencyDraft {
  return {
    code: currency.code,
    amount: formatAmount(Math.abs(currency.amount)),
    rate: currency.rate,
    side: currency.amount < 0 ? 'credit' : 'debit',
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
