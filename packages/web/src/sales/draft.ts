// A document being written: header and lines as typed, and what they come to. The totals are
// worked out with the same functions the server uses (packages/core, sales/document.ts), so
// what the screen shows while typing is what is saved.
import {
  contributionMargin,
  type DocumentKind,
  documentTotals,
  lineNet,
  rateOn,
  VAT_CODES,
  type VatCode,
} from '@nordbok/core';
import { parseAmount } from '../accounting/input';
import { formatAmount } from '../format';
import { formatQuantity, parseQuantity } from '../inventory/parts';
import type { Document, DocumentLine, NewDocument, NewLine, Side } from './types';

export interface LineDraft {
  /** Stable while the line is on screen, so React keeps its fields when a line is removed. */
  key: number;
  itemId: number | null;
  /** The chosen item's number and name, so its picker shows it before any search. */
  item: { id: number; number: string; name: string } | null;
  description: string;
  quantity: string;
  unit: string;
  price: string;
  discount: string;
  vatCode: string;
  account: string;
  /** What one unit costs, for the margin shown while typing; null when unknown. */
  unitCost: number | null;
}

export const LINE_COLUMNS = [
  'item',
  'description',
  'quantity',
  'unit',
  'price',
  'discount',
  'vatCode',
  'account',
] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

let nextKey = 1;
export const newLineKey = () => nextKey++;

export function emptyLine(): LineDraft {
  return {
    key: newLineKey(),
    itemId: null,
    item: null,
    description: '',
    quantity: '',
    unit: '',
    price: '',
    discount: '',
    vatCode: '',
    account: '',
    unitCost: null,
  };
}

/** A line nothing has been typed into: left out when saving. */
export function isBlankLine(line: LineDraft): boolean {
  return (
    line.itemId === null && !line.description.trim() && !line.quantity.trim() && !line.price.trim()
  );
}

/** An amount for a field: "1234,50", without the grouping spaces that get in the way of typing. */
export const amountText = (ore: number) => formatAmount(ore).replace(/[\s\u00a0]/g, '');

/** Basis points as the percent typed: 1250 → "12,5"; none → "". */
export function discountText(basisPoints: number): string {
  if (!basisPoints) return '';
  return (basisPoints / 100).toLocaleString('nb-NO', { maximumFractionDigits: 2 });
}

/** "12,5" or "12.5" % as basis points (1250); null when it is no percent from 0 to 100. */
export function parseDiscount(text: string): number | null {
  const compact = text.trim().replace(/\s/g, '').replace(',', '.').replace('%', '');
  if (!compact) return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(compact)) return null;
  const basisPoints = Math.round(Number(compact) * 100);
  return basisPoints <= 10_000 ? basisPoints : null;
}

export function lineFromDocument(line: DocumentLine): LineDraft {
  return {
    key: newLineKey(),
    itemId: line.itemId,
    item:
      line.itemId === null
        ? null
        : { id: line.itemId, number: line.itemNumber ?? '', name: line.description },
    description: line.description,
    quantity: formatQuantity(line.quantity).replace(/[\s\u00a0]/g, ''),
    unit: line.unit,
    price: amountText(line.unitPrice),
    discount: discountText(line.discount),
    vatCode: line.vatCode ?? '',
    account: line.account ?? '',
    unitCost: line.quantity ? line.cost / line.quantity : null,
  };
}

/** Thousandths of a unit, as the core's line arithmetic takes them. */
const milli = (units: number) => Math.round(units * 1000);

export interface LineFigures {
  net: number | null;
  cost: number | null;
}

/** A line's net and cost as typed so far; null where a figure cannot be read yet. */
export function lineFigures(line: LineDraft): LineFigures {
  const quantity = parseQuantity(line.quantity);
  const price = line.price.trim() ? parseAmount(line.price) : null;
  const discount = parseDiscount(line.discount);
  if (quantity === null || price === null || discount === null) return { net: null, cost: null };
  const net = lineNet(milli(quantity), price, discount);
  const cost = line.unitCost === null ? null : Math.round(line.unitCost * quantity);
  return { net, cost };
}

export interface DraftTotals {
  net: number;
  vat: number;
  gross: number;
  byCode: { code: string; rate: number; base: number; vat: number }[];
  margin: number;
  marginPercent: number | null;
  /** Lines whose figures cannot be read yet: the totals leave them out. */
  incomplete: boolean;
  /** A VAT code on a line that is no VAT code. */
  unknownCode: string | null;
}

export function draftTotals(date: string, lines: readonly LineDraft[]): DraftTotals {
  let incomplete = false;
  let cost = 0;
  const counted: { net: number; vatCode: string | null }[] = [];
  let unknownCode: string | null = null;
  for (const line of lines) {
    if (isBlankLine(line)) continue;
    const figures = lineFigures(line);
    if (figures.net === null) {
      incomplete = true;
      continue;
    }
    cost += figures.cost ?? 0;
    const code = line.vatCode.trim() || null;
    if (code && !VAT_CODES.some((c) => c.code === code)) {
      unknownCode = code;
      counted.push({ net: figures.net, vatCode: null });
    } else counted.push({ net: figures.net, vatCode: code });
  }
  const totals = documentTotals(date, counted);
  const margin = contributionMargin(totals.net, cost);
  return {
    net: totals.net,
    vat: totals.vat,
    gross: totals.gross,
    byCode: totals.byCode,
    margin: margin.amount,
    marginPercent: margin.percent,
    incomplete,
    unknownCode,
  };
}

/** The VAT codes that belong on a side's lines: output codes on sales, input codes on purchases. */
export function vatCodesFor(side: Side): VatCode[] {
  return VAT_CODES.filter((c) =>
    side === 'sales'
      ? c.direction === 'output' || (c.direction === 'none' && c.code !== '85')
      : c.direction === 'input' || c.direction === 'reverse' || c.code === '0' || c.code === '85',
  );
}

/** "3 · 25 %": a VAT code with its rate on a date. */
export function vatCodeLabel(code: VatCode, date: string): string {
  const rate = code.direction === 'none' ? 0 : rateOn(code.rateType, date);
  return `${code.code} · ${(rate / 100).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;
}

export interface HeaderDraft {
  kind: DocumentKind;
  partyId: number | null;
  partyName: string;
  date: string | null;
  dueDate: string | null;
  ourReference: string;
  yourReference: string;
  salespersonId: number | null;
  currency: string;
  rate: string;
  text: string;
  cash: boolean;
  paymentAccount: string;
  externalNumber: string;
  kid: string;
}

export function headerFromDocument(doc: Document): HeaderDraft {
  return {
    kind: doc.kind,
    partyId: doc.partyId,
    partyName: doc.partyName,
    date: doc.date,
    dueDate: doc.dueDate,
    ourReference: doc.ourReference,
    yourReference: doc.yourReference,
    salespersonId: doc.salespersonId,
    currency: doc.currency ?? '',
    rate: doc.rate ?? '',
    text: doc.text,
    cash: doc.cash,
    paymentAccount: doc.paymentAccount ?? '',
    externalNumber: doc.externalNumber ?? '',
    kid: doc.kid ?? '',
  };
}

/** Kinds that can be settled at once, in cash or by card: a cash sale or a cash purchase. */
export const CASH_KINDS: readonly DocumentKind[] = ['invoice', 'bill'];

export interface Built {
  document: NewDocument;
  /** For each line sent, the index of the draft line it came from (field errors name the former). */
  sentFrom: number[];
}

/**
 * The document as the API takes it. Text that is no number is sent as NaN, so the server's
 * answer names the field; empty optional fields are left out for the server's defaults.
 */
export function buildDocument(header: HeaderDraft, lines: readonly LineDraft[]): Built {
  const sentFrom: number[] = [];
  const sent: NewLine[] = [];
  lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    sentFrom.push(index);
    const out: NewLine = { quantity: parseQuantity(line.quantity) ?? Number.NaN };
    if (line.itemId !== null) out.itemId = line.itemId;
    if (line.description.trim()) out.description = line.description.trim();
    if (line.unit.trim()) out.unit = line.unit.trim();
    if (line.price.trim()) out.unitPrice = parseAmount(line.price) ?? Number.NaN;
    const discount = parseDiscount(line.discount);
    out.discount = discount ?? Number.NaN;
    if (line.vatCode.trim()) out.vatCode = line.vatCode.trim();
    if (line.account.trim()) out.account = line.account.trim();
    sent.push(out);
  });
  const cash = CASH_KINDS.includes(header.kind) && header.cash;
  const document: NewDocument = {
    kind: header.kind,
    partyId: header.partyId ?? 0,
    date: header.date ?? '',
    dueDate: header.dueDate,
    currency: header.currency.trim() ? header.currency.trim().toUpperCase() : null,
    rate: header.rate.trim() ? header.rate.trim().replace(',', '.') : null,
    ourReference: header.ourReference.trim(),
    yourReference: header.yourReference.trim(),
    salespersonId: header.salespersonId,
    text: header.text.trim(),
    cash,
    paymentAccount: cash && header.paymentAccount.trim() ? header.paymentAccount.trim() : null,
    lines: sent,
  };
  if (header.kind === 'bill' || header.kind === 'supplier_credit_note') {
    document.externalNumber = header.externalNumber.trim() || null;
    document.kid = header.kid.trim() || null;
  }
  return { document, sentFrom };
}
