import type { VatAccounts, VatKind } from '../accounting/posting';
import { rateOn, vatCode } from '../accounting/vat';
import { divideRounded, type Ore } from '../money';

/**
 * The document chain. Every step of selling and buying is a document of one kind with
 * lines; lines are carried forward to documents of the next kinds, fully or partly, and the
 * kinds that move money or stock post a voucher when they are saved.
 */
export const SALES_KINDS = [
  'quote',
  'order',
  'shipment',
  'invoice',
  'credit_note',
  'reminder',
  'interest_note',
  'payment',
] as const;
export const PURCHASE_KINDS = [
  'purchase_order',
  'goods_receipt',
  'bill',
  'supplier_credit_note',
  'supplier_payment',
] as const;
export const DOCUMENT_KINDS = [...SALES_KINDS, ...PURCHASE_KINDS] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const sideOf = (kind: DocumentKind): 'sales' | 'purchase' =>
  (SALES_KINDS as readonly string[]).includes(kind) ? 'sales' : 'purchase';

/** The kinds a document's lines can be carried forward to. */
export const NEXT_KINDS: Readonly<Record<DocumentKind, readonly DocumentKind[]>> = {
  quote: ['order', 'invoice'],
  order: ['shipment', 'invoice'],
  shipment: ['invoice'],
  invoice: ['credit_note'],
  credit_note: [],
  reminder: [],
  interest_note: [],
  payment: [],
  purchase_order: ['goods_receipt', 'bill'],
  goods_receipt: ['bill'],
  bill: ['supplier_credit_note'],
  supplier_credit_note: [],
  supplier_payment: [],
};

/** Kinds that are open claims in the sub-ledger once saved (they can be paid). */
export const CLAIM_KINDS: readonly DocumentKind[] = [
  'invoice',
  'credit_note',
  'reminder',
  'interest_note',
  'bill',
  'supplier_credit_note',
];

/** Kinds whose lines post revenue or cost and VAT (or a fee, or interest) when saved. */
export const LEDGER_KINDS: readonly DocumentKind[] = [
  'invoice',
  'credit_note',
  'reminder',
  'interest_note',
  'bill',
  'supplier_credit_note',
];

/** Kinds whose claim is the customer's or supplier's debt to us: they credit their lines. */
const CREDITING_KINDS: readonly DocumentKind[] = [
  'invoice',
  'reminder',
  'interest_note',
  'supplier_credit_note',
];

/** Kinds that move stock items in or out when saved. */
export const STOCK_KINDS: readonly DocumentKind[] = [
  'shipment',
  'goods_receipt',
  'invoice',
  'credit_note',
  'bill',
  'supplier_credit_note',
];

/** Kinds that are saved once and then only carried forward, paid or credited. */
export const FINAL_KINDS: readonly DocumentKind[] = [
  'invoice',
  'credit_note',
  'bill',
  'supplier_credit_note',
  'shipment',
  'goods_receipt',
  'reminder',
  'interest_note',
  'payment',
  'supplier_payment',
];

/**
 * Status 0–9, the same scale on documents and lines. A document's status follows its lines
 * and payments; the screens colour each and explain it.
 */
export const STATUS = {
  open: 0,
  sent: 1,
  partlyCarried: 2,
  carried: 3,
  posted: 4,
  partlyPaid: 5,
  paid: 6,
  reminded: 7,
  credited: 8,
  cancelled: 9,
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** A line's status from what has been carried forward of it. */
export function lineStatus(
  kind: DocumentKind,
  line: { quantity: number; carried: number; cancelled?: boolean },
): Status {
  if (line.cancelled) return STATUS.cancelled;
  if (CLAIM_KINDS.includes(kind)) {
    if (line.quantity !== 0 && Math.abs(line.carried) >= Math.abs(line.quantity))
      return STATUS.credited;
    return STATUS.posted;
  }
  if (line.carried === 0) return FINAL_KINDS.includes(kind) ? STATUS.posted : STATUS.open;
  return Math.abs(line.carried) >= Math.abs(line.quantity) ? STATUS.carried : STATUS.partlyCarried;
}

/** A document's status from its lines, what is paid of it and whether it was sent or reminded. */
export function documentStatus(
  kind: DocumentKind,
  doc: {
    lineStatuses: readonly Status[];
    gross: Ore;
    paid: Ore;
    sent: boolean;
    reminded: boolean;
    cancelled: boolean;
  },
): Status {
  if (doc.cancelled) return STATUS.cancelled;
  const lines = doc.lineStatuses.filter((s) => s !== STATUS.cancelled);
  if (CLAIM_KINDS.includes(kind)) {
    if (lines.length > 0 && lines.every((s) => s === STATUS.credited)) return STATUS.credited;
    if (doc.gross !== 0 && Math.abs(doc.paid) >= Math.abs(doc.gross)) return STATUS.paid;
    if (doc.paid !== 0) return STATUS.partlyPaid;
    if (doc.reminded) return STATUS.reminded;
    return STATUS.posted;
  }
  if (kind === 'payment' || kind === 'supplier_payment') return STATUS.paid;
  if (lines.length > 0 && lines.every((s) => s === STATUS.carried)) return STATUS.carried;
  if (lines.some((s) => s === STATUS.carried || s === STATUS.partlyCarried))
    return STATUS.partlyCarried;
  if (FINAL_KINDS.includes(kind)) return STATUS.posted;
  return doc.sent ? STATUS.sent : STATUS.open;
}

/**
 * A line's net amount: quantity (thousandths) × unit price (øre) less the discount (basis
 * points), rounded once, half away from zero. 2,5 × 199,90 less 10 % = 449,78.
 */
export function lineNet(quantity: number, unitPrice: Ore, discount: number): Ore {
  if (!Number.isInteger(discount) || discount < 0 || discount > 10_000) {
    throw new RangeError('A discount is between 0 and 100 %.');
  }
  return divideRounded(
    BigInt(quantity) * BigInt(unitPrice) * BigInt(10_000 - discount),
    10_000_000n,
  );
}

export interface TotalsLine {
  net: Ore;
  vatCode: string | null;
}

export interface VatTotal {
  code: string;
  /** Basis points: 2500 = 25 %. */
  rate: number;
  base: Ore;
  vat: Ore;
  /** Whether the VAT is paid to the seller (false for reverse charge, which the buyer computes). */
  charged: boolean;
}

export interface Totals {
  net: Ore;
  vat: Ore;
  gross: Ore;
  byCode: VatTotal[];
}

/**
 * A document's totals as EN 16931 computes them: the line nets are summed per VAT code and
 * the VAT of each code is its sum times its rate, rounded once (not line by line).
 */
export function documentTotals(date: string, lines: readonly TotalsLine[]): Totals {
  const byCode = new Map<string, VatTotal>();
  let net = 0;
  for (const line of lines) {
    net += line.net;
    if (!line.vatCode) continue;
    const code = vatCode(line.vatCode);
    if (!code) throw new RangeError(`Unknown VAT code ${line.vatCode}.`);
    const total = byCode.get(code.code) ?? {
      code: code.code,
      rate: code.direction === 'none' ? 0 : rateOn(code.rateType, date),
      base: 0,
      vat: 0,
      charged: code.direction === 'output' || code.direction === 'input',
    };
    total.base += line.net;
    byCode.set(code.code, total);
  }
  let vat = 0;
  for (const total of byCode.values()) {
    total.vat = divideRounded(BigInt(total.base) * BigInt(total.rate), 10_000n);
    if (total.charged) vat += total.vat;
  }
  return { net, vat, gross: net + vat, byCode: [...byCode.values()] };
}

/** Contribution margin (dekningsbidrag): net less cost, and as basis points of the net. */
export function contributionMargin(net: Ore, cost: Ore): { amount: Ore; percent: number | null } {
  const amount = net - cost;
  return {
    amount,
    percent: net === 0 ? null : divideRounded(BigInt(amount) * 10_000n, BigInt(net)),
  };
}

/** NOK for an amount in a currency at a rate written like "11.4532" (NOK per unit). */
export function toNok(amount: Ore, rate: string | null): Ore {
  if (!rate) return amount;
  const [whole = '0', fraction = ''] = rate.split('.');
  const scale = 10n ** BigInt(fraction.length);
  return divideRounded(BigInt(amount) * BigInt(whole + fraction), scale);
}

export interface PostingLine {
  net: Ore;
  vatCode: string | null;
  account: string;
  departmentId: number | null;
  projectId: number | null;
  description: string;
}

export interface DocumentPosting {
  account: string;
  /** NOK øre, debit positive. */
  amount: Ore;
  vatCode: string | null;
  vatKind: VatKind | null;
  description: string;
  departmentId: number | null;
  projectId: number | null;
  /** Set on the sub-ledger line. */
  claim: boolean;
  /** The amount in the document's currency, on lines of a foreign-currency document. */
  currencyAmount: Ore | null;
}

/**
 * The voucher an invoice, credit note, bill or supplier credit note posts: one line per
 * account, VAT code and dimensions with the summed nets, one VAT line per code (output VAT
 * on sales, input VAT on purchases, both for reverse charge), and the claim on the customer
 * or supplier for the gross. In a foreign currency each amount is converted at the
 * document's rate and the claim takes what balances the voucher, so the NOK sides agree.
 */
export function documentPostings(input: {
  kind: DocumentKind;
  date: string;
  claimAccount: string;
  rate: string | null;
  lines: readonly PostingLine[];
  vatAccounts: VatAccounts;
  text: string;
}): DocumentPosting[] {
  const sign = CREDITING_KINDS.includes(input.kind) ? -1 : 1;
  const purchase = sideOf(input.kind) === 'purchase';
  const totals = documentTotals(input.date, input.lines);
  const groups = new Map<string, DocumentPosting>();
  for (const line of input.lines) {
    const key = [line.account, line.vatCode, line.departmentId, line.projectId].join('|');
    const group = groups.get(key) ?? {
      account: line.account,
      amount: 0,
      vatCode: line.vatCode,
      vatKind: line.vatCode ? 'base' : null,
      description: input.text,
      departmentId: line.departmentId,
      projectId: line.projectId,
      claim: false,
      currencyAmount: 0,
    };
    group.currencyAmount = (group.currencyAmount ?? 0) + line.net;
    groups.set(key, group);
  }
  const postings: DocumentPosting[] = [];
  const add = (p: Omit<DocumentPosting, 'amount'> & { currencyAmount: Ore }) => {
    const amount = sign * toNok(p.currencyAmount, input.rate);
    if (amount === 0 && p.currencyAmount === 0) return;
    postings.push({
      ...p,
      amount,
      currencyAmount: input.rate ? sign * p.currencyAmount : null,
    });
  };
  for (const g of groups.values()) add({ ...g, currencyAmount: g.currencyAmount ?? 0 });
  for (const t of totals.byCode) {
    if (t.vat === 0) continue;
    const code = vatCode(t.code)!;
    const accounts = input.vatAccounts[t.code] ?? {};
    const vatLine = (account: string | undefined, kind: VatKind, amount: Ore) => {
      if (!account)
        throw new RangeError(`No ${kind} VAT account is set up for VAT code ${t.code}.`);
      add({
        account,
        vatCode: t.code,
        vatKind: kind,
        description: input.text,
        departmentId: null,
        projectId: null,
        claim: false,
        currencyAmount: amount,
      });
    };
    if (code.direction === 'reverse') {
      // The buyer computes the VAT: output VAT owed, input VAT deducted when allowed.
      vatLine(accounts.output, 'output', -t.vat);
      if (code.deductible) vatLine(accounts.input, 'input', t.vat);
      else
        add({
          account: input.lines.find((l) => l.vatCode === t.code)!.account,
          vatCode: null,
          vatKind: null,
          description: input.text,
          departmentId: null,
          projectId: null,
          claim: false,
          currencyAmount: t.vat,
        });
    } else {
      vatLine(purchase ? accounts.input : accounts.output, purchase ? 'input' : 'output', t.vat);
    }
  }
  const nok = postings.reduce((s, p) => s + p.amount, 0);
  const gross = totals.gross;
  postings.unshift({
    account: input.claimAccount,
    amount: -nok,
    vatCode: null,
    vatKind: null,
    description: input.text,
    departmentId: null,
    projectId: null,
    claim: true,
    currencyAmount: input.rate ? -sign * gross : null,
  });
  return postings;
}
