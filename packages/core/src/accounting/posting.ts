import type { Ore } from '../money';
import { rateOn, type VatCode, vatCode, vatFromGross, vatFromNet } from './vat';

/**
 * Turning the lines a person enters into the postings a voucher keeps: a line with a VAT
 * code becomes its base line plus the VAT line(s), then debit must equal credit.
 *
 * Amounts are signed øre: debit positive, credit negative. A sale of 12 500,00 entered gross
 * on 3000 with code 3 at 25 %:
 *
 *   1500  +12 500,00                (the customer line, no VAT code)
 *   3000  −10 000,00  code 3  base
 *   2700   −2 500,00  code 3  output VAT
 *
 * A service of 10 000,00 bought abroad on 6700 with code 86 (reverse charge, deductible):
 *
 *   6700  +10 000,00  code 86 base
 *   2704   −2 500,00  code 86 output VAT (computed by the buyer)
 *   2714   +2 500,00  code 86 input VAT (deducted again)
 *   2400  −10 000,00               (the supplier line)
 */
export interface EntryLine {
  account: string;
  amount: Ore;
  vatCode?: string | null | undefined;
  /** Whether `amount` includes the VAT (gross, the default) or not (net). */
  entry?: 'gross' | 'net' | undefined;
}

export type VatKind = 'base' | 'output' | 'input';

export interface Posting {
  /** Index of the entry line this posting came from. */
  line: number;
  account: string;
  amount: Ore;
  vatCode: string | null;
  vatKind: VatKind | null;
}

/** Where the VAT lines of each code go: output and input VAT accounts. */
export type VatAccounts = Readonly<Record<string, { output?: string; input?: string }>>;

export class PostingError extends Error {
  override name = 'PostingError';
  constructor(
    message: string,
    /** The entry line at fault, or null for the voucher as a whole. */
    readonly line: number | null,
    readonly field: 'account' | 'amount' | 'vatCode' | 'lines',
  ) {
    super(message);
  }
}

export function expandLines(
  date: string,
  lines: readonly EntryLine[],
  vat: VatAccounts,
): Posting[] {
  if (lines.length < 2)
    throw new PostingError('A voucher needs at least two lines.', null, 'lines');
  const postings = lines.flatMap((line, index) => expandLine(date, line, index, vat));
  const total = postings.reduce((s, p) => s + p.amount, 0);
  if (total !== 0) {
    const side = total > 0 ? 'debit exceeds credit' : 'credit exceeds debit';
    throw new PostingError(
      `The voucher does not balance: ${side} by ${Math.abs(total)} øre.`,
      null,
      'lines',
    );
  }
  return postings;
}

function expandLine(date: string, line: EntryLine, index: number, vat: VatAccounts): Posting[] {
  if (!Number.isSafeInteger(line.amount) || line.amount === 0) {
    throw new PostingError(
      'An amount must be a whole number of øre and not zero.',
      index,
      'amount',
    );
  }
  if (!line.vatCode) return [posting(index, line.account, line.amount, null, null)];
  const code = vatCode(line.vatCode);
  if (!code) throw new PostingError(`Unknown VAT code ${line.vatCode}.`, index, 'vatCode');
  if (code.direction === 'none')
    return [posting(index, line.account, line.amount, code.code, 'base')];
  const rate = rateOn(code.rateType, date);
  return code.direction === 'reverse'
    ? reverseCharge(line, index, code, rate, vat)
    : ordinaryVat(line, index, code, rate, vat);
}

function ordinaryVat(
  line: EntryLine,
  index: number,
  code: VatCode,
  rate: number,
  vat: VatAccounts,
) {
  const direction = code.direction === 'output' ? 'output' : 'input';
  const vatAccount = vatAccountFor(vat, code, direction, index);
  const gross = line.entry !== 'net';
  const vatAmount = gross ? vatFromGross(line.amount, rate) : vatFromNet(line.amount, rate);
  const base = gross ? line.amount - vatAmount : line.amount;
  return [
    posting(index, line.account, base, code.code, 'base'),
    posting(index, vatAccount, vatAmount, code.code, direction),
  ];
}

function reverseCharge(
  line: EntryLine,
  index: number,
  code: VatCode,
  rate: number,
  vat: VatAccounts,
) {
  const vatAmount = vatFromNet(line.amount, rate);
  const output = vatAccountFor(vat, code, 'output', index);
  const result = [
    posting(index, line.account, line.amount, code.code, 'base'),
    posting(index, output, -vatAmount, code.code, 'output'),
  ];
  if (code.deductible) {
    result.push(
      posting(index, vatAccountFor(vat, code, 'input', index), vatAmount, code.code, 'input'),
    );
  } else {
    // Without a deduction the VAT the buyer computed is a cost on the same account.
    result.push(posting(index, line.account, vatAmount, null, null));
  }
  return result;
}

function vatAccountFor(
  vat: VatAccounts,
  code: VatCode,
  direction: 'output' | 'input',
  line: number,
) {
  const account = vat[code.code]?.[direction];
  if (!account) {
    throw new PostingError(
      `No ${direction} VAT account is set up for VAT code ${code.code}.`,
      line,
      'vatCode',
    );
  }
  return account;
}

function posting(
  line: number,
  account: string,
  amount: Ore,
  code: string | null,
  kind: VatKind | null,
): Posting {
  return { line, account, amount, vatCode: code, vatKind: kind };
}

/**
 * Whether a VAT code may be used on an account of a class: sales codes on revenue (class
 * 3), purchase codes on costs and assets (classes 1, 4–7), none on balance-sheet debts and
 * equity (class 2) or on financial items (class 8), which are outside VAT.
 */
export function vatCodeFitsAccount(accountNumber: string, code: string): boolean {
  const vat = vatCode(code);
  if (!vat) return false;
  const accountClass = accountNumber[0];
  const isSale = vat.direction === 'output' || ['5', '51', '52', '6', '7'].includes(code);
  const isPurchase =
    vat.direction === 'input' || vat.direction === 'reverse' || ['0', '85'].includes(code);
  if (accountClass === '3') return isSale;
  if (accountClass === '1' || ['4', '5', '6', '7'].includes(accountClass ?? '')) return isPurchase;
  return false;
}
