import {
  addDays,
  CLAIM_KINDS,
  contributionMargin,
  type DocumentKind,
  documentPostings,
  documentStatus,
  documentTotals,
  FINAL_KINDS,
  formatAmount,
  LEDGER_KINDS,
  lineNet,
  lineStatus,
  NEXT_KINDS,
  STATUS,
  type Status,
  sideOf,
  toNok,
  vatCode,
} from '@nordbok/core';
import { composeKid } from '@nordbok/formats';
import { type Kysely, sql } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { listVatAccounts } from '../accounting/account.store';
import { type PostingContext, postRecordedVouchers } from '../accounting/voucher.service';
import type { LinePosting } from '../accounting/voucher-rules';
import { raiseContactEvent } from '../contacts/segment-events';
import { addTimelineEntry } from '../contacts/timeline.service';
import { findItemRow, listWarehouses, STOCKED } from '../inventory/catalog.service';
import { lookupPrice } from '../inventory/prices.service';
import { fromMilli, mulDiv, stockValue, toMilli } from '../inventory/quantity';
import { book } from '../inventory/stock.service';
import type {
  CarryForward,
  Document,
  DocumentQuery,
  DocumentSummary,
  ItemDocumentLine,
  NewDocument,
  NewLine,
} from './document.schemas';
import { savePayment } from './payment.service';
import { subscribeFromDocument } from './recurring.service';
import { getSalesSettings, type SalesSettings } from './sales-settings';

/** Words for documents in voucher texts and on the contact card. */
export const KIND_NAMES: Record<DocumentKind, string> = {
  quote: 'Tilbud',
  order: 'Ordre',
  shipment: 'Vareutsendelse',
  invoice: 'Faktura',
  credit_note: 'Kreditnota',
  reminder: 'Purring',
  interest_note: 'Rentenota',
  payment: 'Innbetaling',
  purchase_order: 'Bestilling',
  goods_receipt: 'Varemottak',
  bill: 'Regning',
  supplier_credit_note: 'Kreditnota fra leverandør',
  supplier_payment: 'Utbetaling',
};

/** Kinds a blocked customer or supplier still gets: what settles or reverses old business. */
const ALLOWED_WHEN_BLOCKED: readonly DocumentKind[] = [
  'credit_note',
  'payment',
  'reminder',
  'interest_note',
  'supplier_credit_note',
  'supplier_payment',
];

/** Editable until something has been carried forward from it. */
const DRAFT_KINDS: readonly DocumentKind[] = ['quote', 'order', 'purchase_order'];

/**
 * Reminders and interest notes are claims of their own with a KID and an invoice number in
 * the ledger: they take their numbers from the invoices' sequence, so no two claims of a
 * customer share a number or a KID.
 */
export const numberSeriesOf = (kind: DocumentKind): DocumentKind =>
  kind === 'reminder' || kind === 'interest_note' ? 'invoice' : kind;

/** The next number of a kind, taken inside the caller's transaction (no gaps, no doubles). */
export async function nextDocumentNumber(
  db: Kysely<Database>,
  companyId: number,
  kind: DocumentKind,
): Promise<number> {
  const row = await db
    .insertInto('document_numbers')
    .values({ company_id: companyId, kind, next: 1 })
    .onConflict((oc) =>
      oc.columns(['company_id', 'kind']).doUpdateSet({ next: sql`document_numbers.next + 1` }),
    )
    .returning('next')
    .executeTakeFirstOrThrow();
  return row.next;
}

interface ResolvedLine {
  itemId: number | null;
  itemKind: string | null;
  itemGroupId: number | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  discount: number;
  net: number;
  vatCode: string | null;
  account: string;
  departmentId: number | null;
  projectId: number | null;
  warehouseId: number | null;
  cost: number;
  /** The line it was carried forward from, with the kind of that line's document. */
  source?: { documentId: number; lineId: number; kind: DocumentKind };
}

/** Options the chain itself sets on a document it makes. */
export interface CreateOptions {
  sources?: ({ documentId: number; lineId: number; kind: DocumentKind } | undefined)[];
  creditsDocumentId?: number | null;
  recurringId?: number | null;
  reminderLevel?: number;
  /** Links without lines: a reminder's invoices, with the amount reminded. */
  documentLinks?: { documentId: number; amount: number }[];
}

async function checkSalesperson(
  db: Kysely<Database>,
  companyId: number,
  salespersonId: number | null | undefined,
) {
  if (!salespersonId) return;
  const found = await db
    .selectFrom('salespeople')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', salespersonId)
    .executeTakeFirst();
  if (!found) throw AppError.field('salespersonId', 'No such salesperson.', 'unknown');
}

/** The rate of a document or payment in a foreign currency: as entered, else the day's. */
export async function rateFor(
  db: Kysely<Database>,
  currency: string | null | undefined,
  rate: string | null | undefined,
  date: string,
): Promise<string | null> {
  if (!currency || currency === 'NOK') return null;
  if (rate) return rate;
  const row = await db
    .selectFrom('currency_rates')
    .select('rate')
    .where('currency', '=', currency)
    .where('date', '<=', date)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw AppError.field(
      'rate',
      `There is no ${currency} rate on or before ${date}: enter the rate or add it to the currency rates.`,
      'required',
    );
  }
  return row.rate;
}

async function resolveLines(
  db: Kysely<Database>,
  companyId: number,
  settings: SalesSettings,
  doc: { kind: DocumentKind; partyId: number; date: string; currency: string | null },
  lines: readonly NewLine[],
): Promise<ResolvedLine[]> {
  const side = sideOf(doc.kind);
  const resolved: ResolvedLine[] = [];
  for (const [i, l] of lines.entries()) {
    const at = `lines.${i}`;
    const quantity = toMilli(l.quantity);
    if (quantity === 0) throw AppError.field(`${at}.quantity`, 'The quantity cannot be zero.');
    let item: Awaited<ReturnType<typeof findItemRow>> | null = null;
    let group: { sales_account: string | null; purchase_account: string | null } | undefined;
    if (l.itemId) {
      item = await findItemRow(db, companyId, l.itemId).catch(() => {
        throw AppError.field(`${at}.itemId`, 'No such item.', 'unknown');
      });
      if (item.blocked === 1 && side === 'sales') {
        throw AppError.field(`${at}.itemId`, `Item ${item.number} is blocked for sale.`);
      }
      group = item.group_id
        ? await db
            .selectFrom('item_groups')
            .select(['sales_account', 'purchase_account', 'sales_vat_code', 'purchase_vat_code'])
            .where('id', '=', item.group_id)
            .executeTakeFirst()
        : undefined;
    }
    let unitPrice = l.unitPrice;
    let discount = l.discount ?? 0;
    if (unitPrice === undefined) {
      if (!item) throw AppError.field(`${at}.unitPrice`, 'Enter a price.', 'required');
      if (side === 'sales') {
        const price = await lookupPrice(db, companyId, {
          itemId: item.id,
          customerId: doc.partyId,
          quantity: Math.abs(l.quantity),
          date: doc.date,
          currency: doc.currency ?? undefined,
        });
        unitPrice = price.unitPrice;
        if (l.discount === undefined) discount = Math.round(price.discountPercent * 100);
      } else {
        const supplier = await db
          .selectFrom('item_suppliers')
          .select('price')
          .where('item_id', '=', item.id)
          .where('party_id', '=', doc.partyId)
          .executeTakeFirst();
        unitPrice = supplier?.price ?? item.cost_price;
      }
    }
    const g = group as
      | {
          sales_account: string | null;
          purchase_account: string | null;
          sales_vat_code: string | null;
          purchase_vat_code: string | null;
        }
      | undefined;
    const account =
      l.account ??
      (side === 'sales'
        ? (item?.sales_account ?? g?.sales_account ?? settings.salesAccount)
        : (item?.purchase_account ?? g?.purchase_account ?? settings.purchaseAccount));
    const code =
      l.vatCode !== undefined
        ? l.vatCode
        : side === 'sales'
          ? (item?.sales_vat_code ?? g?.sales_vat_code ?? '3')
          : (item?.purchase_vat_code ?? g?.purchase_vat_code ?? '1');
    if (code) {
      const known = vatCode(code);
      if (!known) throw AppError.field(`${at}.vatCode`, `Unknown VAT code ${code}.`, 'unknown');
      const wrongSide =
        side === 'sales'
          ? known.direction === 'input' || known.direction === 'reverse'
          : known.direction === 'output';
      if (wrongSide) {
        throw AppError.field(
          `${at}.vatCode`,
          `VAT code ${code} is a ${side === 'sales' ? 'purchase' : 'sales'} code.`,
        );
      }
    }
    const net = lineNet(quantity, unitPrice, discount);
    resolved.push({
      itemId: item?.id ?? null,
      itemKind: item?.kind ?? null,
      itemGroupId: item?.group_id ?? null,
      description: l.description || item?.name || '',
      quantity,
      unit: l.unit ?? item?.unit ?? 'stk',
      unitPrice,
      discount,
      net,
      vatCode: code ?? null,
      account,
      departmentId: l.departmentId ?? null,
      projectId: l.projectId ?? null,
      warehouseId: l.warehouseId ?? null,
      cost: side === 'sales' ? (item ? stockValue(quantity, item.cost_price) : 0) : net,
    });
    if (!resolved.at(-1)!.description) {
      throw AppError.field(`${at}.description`, 'Describe the line.', 'required');
    }
  }
  return resolved;
}

/**
 * Creates a document. A kind that moves money or stock is posted in the same transaction:
 * its voucher (revenue or cost per account, VAT per code, the claim on the customer or
 * supplier), its stock movements, and for a cash sale or purchase its payment.
 */
export async function createDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewDocument,
  options: CreateOptions = {},
): Promise<Document> {
  const id = await saveDocument(db, ctx, input, options);
  return getDocument(db, ctx.companyId, id);
}

/** Creates a document as `createDocument` does and gives its id, for callers that go on working. */
export function saveDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewDocument,
  options: CreateOptions = {},
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { companyId } = ctx;
    const settings = await getSalesSettings(trx, companyId);
    const party = await trx
      .selectFrom('parties')
      .select(['id', 'name', 'blocked', 'customer_number', 'payment_terms_days'])
      .where('company_id', '=', companyId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw AppError.field('partyId', 'No such customer or supplier.', 'unknown');
    if (party.blocked === 1 && !ALLOWED_WHEN_BLOCKED.includes(input.kind)) {
      throw AppError.field(
        'partyId',
        `${party.name} is blocked: no new ${KIND_NAMES[input.kind].toLowerCase()} can be made for them.`,
        'blocked',
      );
    }
    if (input.kind === 'payment' || input.kind === 'supplier_payment') {
      throw AppError.field('kind', 'Register payments through the payment form.');
    }
    if (input.lines.length === 0 && !options.documentLinks?.length) {
      throw AppError.field('lines', 'A document needs at least one line.', 'required');
    }
    if (input.cash && !['invoice', 'bill'].includes(input.kind)) {
      throw AppError.field('cash', 'Only an invoice or a bill can be paid in cash at once.');
    }
    await checkSalesperson(trx, companyId, input.salespersonId);
    const currency = input.currency && input.currency !== 'NOK' ? input.currency : null;
    const rate = await rateFor(trx, currency, input.rate, input.date);
    const lines = await resolveLines(
      trx,
      companyId,
      settings,
      { kind: input.kind, partyId: input.partyId, date: input.date, currency },
      input.lines,
    );
    options.sources?.forEach((s, i) => {
      if (s && lines[i]) lines[i].source = s;
    });
    const totals = documentTotals(input.date, lines);
    const number = await nextDocumentNumber(trx, companyId, numberSeriesOf(input.kind));
    const claim = CLAIM_KINDS.includes(input.kind);
    const terms = party.payment_terms_days ?? settings.paymentTermsDays;
    const dueDate = claim
      ? (input.dueDate ?? (input.cash ? input.date : addDays(input.date, terms)))
      : (input.dueDate ?? null);
    const kid =
      sideOf(input.kind) === 'sales' && claim && input.kind !== 'credit_note'
        ? customerKid(settings, party.customer_number, number)
        : (input.kid ?? null);
    const stamp = now();
    const doc = await trx
      .insertInto('documents')
      .values({
        company_id: companyId,
        kind: input.kind,
        number,
        party_id: input.partyId,
        date: input.date,
        due_date: dueDate,
        currency,
        rate,
        our_reference: input.ourReference ?? '',
        your_reference: input.yourReference ?? '',
        salesperson_id: input.salespersonId ?? null,
        department_id: input.departmentId ?? null,
        project_id: input.projectId ?? null,
        warehouse_id: input.warehouseId ?? null,
        kid,
        external_number: input.externalNumber ?? null,
        text: input.text ?? '',
        cash: input.cash ? 1 : 0,
        payment_account: input.paymentAccount ?? null,
        attachment_id: input.attachmentId ?? null,
        credits_document_id: options.creditsDocumentId ?? null,
        recurring_id: options.recurringId ?? null,
        reminder_level: options.reminderLevel ?? 0,
        net: totals.net,
        vat: totals.vat,
        gross: totals.gross,
        gross_nok: 0,
        cost: lines.reduce((s, l) => s + l.cost, 0),
        created_by: ctx.userId,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lineIds = await insertLines(trx, companyId, doc.id, lines, input);
    for (const [i, line] of lines.entries()) {
      if (!line.source) continue;
      await trx
        .insertInto('document_links')
        .values({
          company_id: companyId,
          source_document_id: line.source.documentId,
          source_line_id: line.source.lineId,
          target_document_id: doc.id,
          target_line_id: lineIds[i]!,
          quantity: line.quantity,
        })
        .execute();
    }
    for (const link of options.documentLinks ?? []) {
      await trx
        .insertInto('document_links')
        .values({
          company_id: companyId,
          source_document_id: link.documentId,
          source_line_id: null,
          target_document_id: doc.id,
          target_line_id: null,
          amount: link.amount,
        })
        .execute();
    }
    const name = `${KIND_NAMES[input.kind]} ${number}`;
    await addEvent(trx, ctx, doc.id, 'created', `${name} registrert`);
    if (FINAL_KINDS.includes(input.kind)) {
      await postDocument(trx, ctx, settings, {
        id: doc.id,
        kind: input.kind,
        number,
        partyId: input.partyId,
        date: input.date,
        dueDate,
        kid,
        externalNumber: input.externalNumber ?? null,
        currency,
        rate,
        warehouseId: input.warehouseId ?? null,
        departmentId: input.departmentId ?? null,
        projectId: input.projectId ?? null,
        name: `${name} ${party.name}`,
        lines: lines.map((l, i) => ({ ...l, id: lineIds[i]! })),
        claimReference: options.creditsDocumentId
          ? await claimReferenceOf(trx, options.creditsDocumentId)
          : null,
      });
    }
    await addTimelineEntry(trx, companyId, input.partyId, {
      kind: 'document',
      title: `${name}`,
      occurredAt: momentOf(input.date),
      body: totals.gross !== 0 ? `${formatAmount(totals.gross)} ${currency ?? 'NOK'}` : '',
      source: 'document',
      sourceId: doc.id,
      userId: ctx.userId,
    });
    if (input.kind === 'invoice') {
      const groups = await itemGroupCodes(
        trx,
        lines.map((l) => l.itemGroupId),
      );
      for (const itemGroup of groups) {
        await raiseContactEvent(trx, companyId, input.partyId, {
          type: 'sale.item-group',
          itemGroup,
        });
      }
    }
    if (input.cash) {
      const gross = (await trx
        .selectFrom('documents')
        .select('gross')
        .where('id', '=', doc.id)
        .executeTakeFirstOrThrow())!.gross;
      await savePayment(trx, ctx, {
        direction: input.kind === 'invoice' ? 'in' : 'out',
        partyId: input.partyId,
        date: input.date,
        amount: Number(gross),
        account: input.paymentAccount ?? settings.cashAccount,
        currency,
        rate,
        allocations: [{ documentId: doc.id, amount: Number(gross) }],
      });
    }
    for (const source of new Set(lines.flatMap((l) => (l.source ? [l.source.documentId] : [])))) {
      await refreshStatus(trx, companyId, source);
    }
    for (const link of options.documentLinks ?? [])
      await refreshStatus(trx, companyId, link.documentId);
    await refreshStatus(trx, companyId, doc.id);
    // A subscription item sold starts a subscription; a recurring run's documents renew
    // an existing arrangement instead.
    if ((input.kind === 'invoice' || input.kind === 'order') && !options.recurringId) {
      await subscribeFromDocument(trx, ctx, doc.id);
    }
    return doc.id;
  });
}

async function insertLines(
  db: Kysely<Database>,
  companyId: number,
  documentId: number,
  lines: readonly ResolvedLine[],
  input: NewDocument,
): Promise<number[]> {
  if (lines.length === 0) return [];
  const rows = await db
    .insertInto('document_lines')
    .values(
      lines.map((l, i) => ({
        company_id: companyId,
        document_id: documentId,
        line_no: i + 1,
        item_id: l.itemId,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        unit_price: l.unitPrice,
        discount: l.discount,
        net: l.net,
        vat_code: l.vatCode,
        account: l.account,
        department_id: l.departmentId ?? input.departmentId ?? null,
        project_id: l.projectId ?? input.projectId ?? null,
        warehouse_id: l.warehouseId,
        cost: l.cost,
      })),
    )
    .returning(['id', 'line_no'])
    .execute();
  return rows.sort((a, b) => a.line_no - b.line_no).map((r) => r.id);
}

/** The codes of the item groups the lines' items are in, and of every group above them. */
async function itemGroupCodes(db: Kysely<Database>, ids: (number | null)[]) {
  const codes = new Set<string>();
  let wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  const seen = new Set<number>();
  while (wanted.length > 0) {
    const rows = await db
      .selectFrom('item_groups')
      .select(['id', 'code', 'parent_id'])
      .where('id', 'in', wanted)
      .execute();
    for (const r of rows) {
      seen.add(r.id);
      codes.add(r.code);
    }
    wanted = rows.map((r) => r.parent_id).filter((p): p is number => p !== null && !seen.has(p));
  }
  return [...codes];
}

/**
 * The KID of a customer invoice in the company's layout. A MOD11 check of 10 would be
 * written "-", which OCR payments cannot carry: that one invoice gets a MOD10 check instead.
 */
function customerKid(settings: SalesSettings, customerNumber: number | null, number: number) {
  const layout = {
    method: settings.kidMethod,
    customerNumber: settings.kidCustomerDigits > 0 ? (customerNumber ?? 0) : null,
    customerDigits: settings.kidCustomerDigits,
    invoiceNumber: number,
    invoiceDigits: settings.kidInvoiceDigits,
  };
  try {
    return composeKid(layout);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    if (settings.kidMethod === 'mod11') {
      try {
        return composeKid({ ...layout, method: 'mod10' });
      } catch {
        // fall through to the field error below
      }
    }
    throw AppError.field('kid', `No KID can be made: ${e.message}`);
  }
}

/**
 * Where a document goes in a contact's timeline: at its own date, so a back-dated invoice
 * stands among what happened then; one dated today at the moment it was made.
 */
export function momentOf(date: string): string | undefined {
  return date === now().slice(0, 10) ? undefined : `${date}T12:00:00.000Z`;
}

function formatQuantity(milli: number) {
  return String(fromMilli(milli)).replace('.', ',');
}

interface PostingDocument {
  id: number;
  kind: DocumentKind;
  number: number;
  partyId: number;
  date: string;
  dueDate: string | null;
  kid: string | null;
  externalNumber: string | null;
  currency: string | null;
  rate: string | null;
  warehouseId: number | null;
  departmentId: number | null;
  projectId: number | null;
  name: string;
  lines: (ResolvedLine & { id: number })[];
  /** A credit note's claim carries the credited document's invoice number and KID. */
  claimReference: { invoiceNumber: string; kid: string | null } | null;
}

async function claimReferenceOf(db: Kysely<Database>, documentId: number) {
  const d = await db
    .selectFrom('documents')
    .select(['kind', 'number', 'external_number', 'kid'])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  return {
    invoiceNumber:
      sideOf(d.kind as DocumentKind) === 'sales'
        ? String(d.number)
        : (d.external_number ?? String(d.number)),
    kid: d.kid,
  };
}

/**
 * Posts a saved document: the voucher of its lines (invoice, credit note, reminder,
 * interest note, bill, supplier credit note) and the stock its stock items move. Stock
 * moves once along a chain: at the shipment or goods receipt when there is one, else at
 * the invoice or bill; a credit note returns to stock what its invoice took.
 */
async function postDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  settings: SalesSettings,
  doc: PostingDocument,
) {
  const { companyId } = ctx;
  const sales = sideOf(doc.kind) === 'sales';
  let voucherId: number | null = null;
  let grossNok = 0;
  if (LEDGER_KINDS.includes(doc.kind)) {
    const vatRows = await listVatAccounts(db, companyId);
    const vatAccounts = Object.fromEntries(
      vatRows.map((r) => [
        r.vat_code,
        {
          ...(r.output_account ? { output: r.output_account } : {}),
          ...(r.input_account ? { input: r.input_account } : {}),
        },
      ]),
    );
    let postings: ReturnType<typeof documentPostings>;
    try {
      postings = documentPostings({
        kind: doc.kind,
        date: doc.date,
        claimAccount: sales ? settings.customerAccount : settings.supplierAccount,
        rate: doc.rate,
        lines: doc.lines.map((l) => ({
          net: l.net,
          vatCode: l.vatCode,
          account: l.account,
          departmentId: l.departmentId ?? doc.departmentId,
          projectId: l.projectId ?? doc.projectId,
          description: l.description,
        })),
        vatAccounts,
        text: doc.name,
      });
    } catch (e) {
      if (e instanceof RangeError) throw AppError.field('lines', e.message);
      throw e;
    }
    const invoiceNumber =
      doc.claimReference?.invoiceNumber ??
      (sales ? String(doc.number) : (doc.externalNumber ?? String(doc.number)));
    const claimKid = doc.claimReference ? doc.claimReference.kid : doc.kid;
    const lines: LinePosting[] = postings.map((p, i) => ({
      line: i,
      account: p.account,
      amount: p.amount,
      vatCode: p.vatCode,
      vatKind: p.vatKind,
      description: p.description,
      departmentId: p.departmentId,
      projectId: p.projectId,
      partyId: p.claim ? doc.partyId : null,
      invoiceNumber: p.claim ? invoiceNumber : null,
      dueDate: p.claim ? doc.dueDate : null,
      kid: p.claim ? claimKid : null,
      currency:
        doc.currency && doc.rate && p.currencyAmount !== null
          ? { code: doc.currency, amount: p.currencyAmount, rate: doc.rate }
          : null,
    }));
    const nonZero = lines.filter((l) => l.amount !== 0);
    if (nonZero.length > 0) {
      const [voucher] = await postRecordedVouchers(db, ctx, [
        {
          series: sales ? settings.salesSeries : settings.purchaseSeries,
          date: doc.date,
          description: doc.name,
          postings: nonZero.map((l, i) => ({ ...l, line: i })),
        },
      ]).catch((e: unknown) => {
        throw withDocumentFields(e);
      });
      voucherId = voucher!.id;
      grossNok = Math.abs(postings.find((p) => p.claim)?.amount ?? 0);
    }
  }

  // Stock: lines of stock items that no earlier document of the chain has moved.
  const movedBefore: readonly DocumentKind[] = ['shipment', 'goods_receipt'];
  const creditReturnsStock = async (l: ResolvedLine) => {
    if (!l.source) return true;
    // A credit note returns stock only when the invoice it credits took it.
    const taken = await db
      .selectFrom('document_links')
      .innerJoin('documents', 'documents.id', 'document_links.source_document_id')
      .select('documents.kind')
      .where('document_links.target_line_id', '=', l.source.lineId)
      .execute();
    return !taken.some((t) => movedBefore.includes(t.kind as DocumentKind));
  };
  const stockLines: (ResolvedLine & { id: number })[] = [];
  for (const l of doc.lines) {
    if (!l.itemId || !l.itemKind || !STOCKED.includes(l.itemKind)) continue;
    if (doc.kind === 'shipment' || doc.kind === 'goods_receipt') stockLines.push(l);
    else if (doc.kind === 'credit_note' || doc.kind === 'supplier_credit_note') {
      if (await creditReturnsStock(l)) stockLines.push(l);
    } else if (['invoice', 'bill'].includes(doc.kind)) {
      if (!l.source || !movedBefore.includes(l.source.kind)) stockLines.push(l);
    }
  }
  let batchId: number | null = null;
  if (stockLines.length > 0) {
    const warehouses = await listWarehouses(db, companyId);
    const fallback = warehouses[0]?.id;
    const incoming = ['goods_receipt', 'bill', 'credit_note'].includes(doc.kind);
    const booking = await book(db, ctx, {
      kind: incoming ? 'receipt' : 'issue',
      date: doc.date,
      reference: `${KIND_NAMES[doc.kind]} ${doc.number}`,
      description: `${doc.name}: lager`,
      lines: stockLines.map((l) => {
        const warehouseId = l.warehouseId ?? doc.warehouseId ?? fallback;
        if (!warehouseId) {
          throw AppError.field('warehouseId', 'The company has no warehouse to move stock in.');
        }
        const quantity = Math.abs(l.quantity);
        const unitCost =
          doc.kind === 'credit_note'
            ? mulDiv(l.cost, 1000, quantity)
            : incoming
              ? mulDiv(toNok(Math.abs(l.net), doc.rate), 1000, quantity)
              : undefined;
        return {
          itemId: l.itemId!,
          warehouseId,
          kind: incoming ? ('receipt' as const) : ('issue' as const),
          quantity: incoming ? quantity : -quantity,
          ...(unitCost === undefined ? {} : { unitCost }),
        };
      }),
      indexOf: (n) => doc.lines.indexOf(stockLines[n]!),
    }).catch((e: unknown) => {
      throw withDocumentFields(e);
    });
    batchId = booking.batchId;
    if (sales && !incoming) {
      // The margin uses what the goods actually cost: the value that left the stock.
      // Each line made one movement, in the order of the lines.
      const movements = [...booking.movements].sort((a, b) => a.id - b.id);
      for (const [n, l] of stockLines.entries()) {
        const movement = movements[n];
        if (movement?.itemId !== l.itemId) continue;
        await db
          .updateTable('document_lines')
          .set({ cost: Math.abs(movement.value) })
          .where('id', '=', l.id)
          .execute();
      }
    }
  }
  if (sales && ['invoice', 'credit_note'].includes(doc.kind)) {
    // Lines whose goods a shipment took carry the shipment line's cost.
    for (const l of doc.lines) {
      if (l.source?.kind !== 'shipment') continue;
      const src = await db
        .selectFrom('document_lines')
        .select(['cost', 'quantity'])
        .where('id', '=', l.source.lineId)
        .executeTakeFirst();
      if (src && src.quantity !== 0) {
        await db
          .updateTable('document_lines')
          .set({ cost: mulDiv(Number(src.cost), l.quantity, Number(src.quantity)) })
          .where('id', '=', l.id)
          .execute();
      }
    }
  }
  const cost = await db
    .selectFrom('document_lines')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cost'), eb.lit(0)).as('cost'))
    .where('document_id', '=', doc.id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('documents')
    .set({
      voucher_id: voucherId,
      stock_batch_id: batchId,
      gross_nok: grossNok,
      cost: Number(cost.cost),
    })
    .where('id', '=', doc.id)
    .execute();
  await addEvent(
    db,
    ctx,
    doc.id,
    'posted',
    voucherId ? `Bokført` : batchId ? 'Lagerført' : 'Lagret',
  );
}

/** Field errors from the voucher or stock rules point at the document's own fields. */
function withDocumentFields(e: unknown) {
  if (!(e instanceof AppError)) return e;
  if (e.fields.length === 0) return e;
  return new AppError(
    e.code,
    e.message,
    e.fields.map((f) => ({
      ...f,
      field: /^lines\.\d+\.(account|vatCode|quantity|itemId|warehouseId)$/.test(f.field)
        ? f.field
        : f.field.startsWith('lines.')
          ? 'lines'
          : f.field === 'date' || f.field === 'series'
            ? 'date'
            : f.field,
    })),
  );
}

export async function addEvent(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
  kind: string,
  text: string,
  lineId: number | null = null,
) {
  await db
    .insertInto('document_events')
    .values({
      company_id: ctx.companyId,
      document_id: documentId,
      line_id: lineId,
      kind,
      text,
      at: now(),
      user_id: ctx.userId,
    })
    .execute();
}

/** Recomputes the status of a document's lines and of the document. */
export async function refreshStatus(db: Kysely<Database>, companyId: number, documentId: number) {
  const doc = await db
    .selectFrom('documents')
    .select(['kind', 'status', 'gross', 'paid', 'reminder_level'])
    .where('company_id', '=', companyId)
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  const kind = doc.kind as DocumentKind;
  const lines = await db
    .selectFrom('document_lines')
    .select(['id', 'quantity', 'carried', 'status'])
    .where('document_id', '=', documentId)
    .execute();
  const statuses: Status[] = [];
  for (const l of lines) {
    const status = lineStatus(kind, {
      quantity: Number(l.quantity),
      carried: Number(l.carried),
      cancelled: l.status === STATUS.cancelled,
    });
    statuses.push(status);
    if (status !== l.status) {
      await db.updateTable('document_lines').set({ status }).where('id', '=', l.id).execute();
    }
  }
  const sent = await db
    .selectFrom('document_events')
    .select('id')
    .where('document_id', '=', documentId)
    .where('kind', '=', 'sent')
    .limit(1)
    .executeTakeFirst();
  const status = documentStatus(kind, {
    lineStatuses: statuses,
    gross: Number(doc.gross),
    paid: Number(doc.paid),
    sent: Boolean(sent),
    reminded: doc.reminder_level > 0,
    cancelled: doc.status === STATUS.cancelled,
  });
  if (status !== doc.status) {
    await db
      .updateTable('documents')
      .set({ status, updated_at: now() })
      .where('id', '=', documentId)
      .execute();
  }
}

/**
 * Carries lines of a document forward to a document of a next kind: all that remains, or
 * the quantities given. Each line's remaining quantity is taken with one conditional update,
 * so two people carrying the same line forward at once cannot take more than is left.
 */
export async function carryForward(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
  input: CarryForward,
): Promise<Document> {
  const targetId = await inTransaction(db, async (trx) => {
    const source = await getDocument(trx, ctx.companyId, documentId);
    if (!NEXT_KINDS[source.kind].includes(input.kind)) {
      throw AppError.field(
        'kind',
        `A ${KIND_NAMES[source.kind].toLowerCase()} cannot be carried forward to ${KIND_NAMES[input.kind].toLowerCase()}.`,
      );
    }
    if (source.status === STATUS.cancelled) {
      throw new AppError('conflict', `${KIND_NAMES[source.kind]} ${source.number} is cancelled.`);
    }
    const wanted =
      input.lines ??
      source.lines
        .filter((l) => l.remaining !== 0 && l.status !== STATUS.cancelled)
        .map((l) => ({ lineId: l.id, quantity: l.remaining }));
    const taken: { line: (typeof source.lines)[number]; quantity: number }[] = [];
    for (const [i, w] of wanted.entries()) {
      const line = source.lines.find((l) => l.id === w.lineId);
      if (!line) throw AppError.field(`lines.${i}.lineId`, 'The line is not on this document.');
      const quantity = toMilli(w.quantity);
      if (quantity === 0) continue;
      const sign = Math.sign(toMilli(line.quantity));
      if (Math.sign(quantity) !== sign) {
        throw AppError.field(`lines.${i}.quantity`, 'Carry forward in the line’s own direction.');
      }
      const result = await trx
        .updateTable('document_lines')
        .set({ carried: sql`carried + ${quantity}` })
        .where('id', '=', line.id)
        .where('status', '!=', STATUS.cancelled)
        .where(
          sign > 0
            ? sql<boolean>`quantity - carried >= ${quantity}`
            : sql<boolean>`quantity - carried <= ${quantity}`,
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        const now = await trx
          .selectFrom('document_lines')
          .select(['quantity', 'carried'])
          .where('id', '=', line.id)
          .executeTakeFirstOrThrow();
        throw AppError.field(
          `lines.${i}.quantity`,
          `Line ${line.lineNo} has ${fromMilli(Number(now.quantity) - Number(now.carried))} ${line.unit} left to carry forward; ${w.quantity} is more than that.`,
          'too-much',
        );
      }
      taken.push({ line, quantity });
    }
    if (taken.length === 0) {
      throw AppError.field('lines', 'Nothing is left to carry forward.', 'nothing');
    }
    const target = await claimSummary(
      trx,
      ctx.companyId,
      await saveDocument(
        trx,
        ctx,
        {
          kind: input.kind,
          partyId: source.partyId,
          date: input.date,
          dueDate: input.dueDate ?? null,
          currency: source.currency,
          rate: source.rate,
          ourReference: source.ourReference,
          yourReference: source.yourReference,
          salespersonId: source.salespersonId,
          departmentId: source.departmentId,
          projectId: source.projectId,
          warehouseId: source.warehouseId,
          text: input.text ?? source.text,
          lines: taken.map(({ line, quantity }) => ({
            itemId: line.itemId,
            description: line.description,
            quantity: fromMilli(quantity),
            unit: line.unit,
            unitPrice: line.unitPrice,
            discount: line.discount,
            vatCode: line.vatCode,
            account: line.account,
            departmentId: line.departmentId,
            projectId: line.projectId,
            warehouseId: line.warehouseId,
          })),
        },
        {
          sources: taken.map(({ line }) => ({
            documentId: source.id,
            lineId: line.id,
            kind: source.kind,
          })),
          creditsDocumentId: ['credit_note', 'supplier_credit_note'].includes(input.kind)
            ? source.id
            : null,
        },
      ),
    );
    const to = `${KIND_NAMES[target.kind].toLowerCase()} ${target.number}`;
    await addEvent(trx, ctx, source.id, 'carried-forward', `Overført til ${to}`);
    for (const { line, quantity } of taken) {
      await addEvent(
        trx,
        ctx,
        source.id,
        'carried-forward',
        `Linje ${line.lineNo}: ${formatQuantity(quantity)} ${line.unit} overført til ${to}`,
        line.id,
      );
    }
    if (['credit_note', 'supplier_credit_note'].includes(input.kind)) {
      await creditClaim(trx, ctx, source.id, target.id);
    }
    return target.id;
  });
  return getDocument(db, ctx.companyId, targetId);
}

/**
 * A credit note settles what it credits: its claim posting carries the credited invoice's
 * number and KID, so the ledger sets it against the invoice's open item as it posts, and
 * both documents count the settled amount as paid.
 */
async function creditClaim(
  db: Kysely<Database>,
  ctx: PostingContext,
  creditedId: number,
  creditId: number,
) {
  const credited = await claimSummary(db, ctx.companyId, creditedId);
  const credit = await claimSummary(db, ctx.companyId, creditId);
  const amount = Math.min(credited.open, Math.abs(credit.gross));
  if (amount <= 0) return;
  for (const [d, text] of [
    [credited, `Kreditert ${formatAmount(amount)} med kreditnota ${credit.number}`],
    [credit, `Motregnet ${formatAmount(amount)} mot faktura ${credited.number}`],
  ] as const) {
    await db
      .updateTable('documents')
      .set({ paid: sql`paid + ${amount}` })
      .where('id', '=', d.id)
      .execute();
    await addEvent(db, ctx, d.id, 'credited', text);
    await refreshStatus(db, ctx.companyId, d.id);
  }
}

/** One invoice for all that remains on several orders or shipments of one customer. */
export async function groupInvoice(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: { documentIds: number[]; date: string },
): Promise<Document> {
  const id = await inTransaction(db, async (trx) => {
    const sources = [];
    for (const [i, documentId] of input.documentIds.entries()) {
      const d = await getDocument(trx, ctx.companyId, documentId).catch(() => {
        throw AppError.field(`documentIds.${i}`, 'No such document.', 'unknown');
      });
      if (!['order', 'shipment'].includes(d.kind)) {
        throw AppError.field(
          `documentIds.${i}`,
          'Only orders and shipments are invoiced together.',
        );
      }
      if (sources[0] && d.partyId !== sources[0].partyId) {
        throw AppError.field(`documentIds.${i}`, 'All documents must be for the same customer.');
      }
      if (sources[0] && d.currency !== sources[0].currency) {
        throw AppError.field(`documentIds.${i}`, 'All documents must be in the same currency.');
      }
      sources.push(d);
    }
    const first = sources[0]!;
    const picked = sources.flatMap((d) =>
      d.lines
        .filter((l) => l.remaining !== 0 && l.status !== STATUS.cancelled)
        .map((l) => ({ d, l })),
    );
    if (picked.length === 0) throw AppError.field('documentIds', 'Nothing is left to invoice.');
    for (const { l } of picked) {
      const q = toMilli(l.remaining);
      const r = await trx
        .updateTable('document_lines')
        .set({ carried: sql`carried + ${q}` })
        .where('id', '=', l.id)
        .where(sql<boolean>`quantity - carried = ${q}`)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        throw new AppError('conflict', 'Someone carried these lines forward meanwhile: try again.');
      }
    }
    const invoice = await claimSummary(
      trx,
      ctx.companyId,
      await saveDocument(
        trx,
        ctx,
        {
          kind: 'invoice',
          partyId: first.partyId,
          date: input.date,
          currency: first.currency,
          rate: first.rate,
          yourReference: first.yourReference,
          salespersonId: first.salespersonId,
          text: `Samlefaktura for ${sources.map((d) => `${KIND_NAMES[d.kind].toLowerCase()} ${d.number}`).join(', ')}`,
          lines: picked.map(({ l }) => ({
            itemId: l.itemId,
            description: l.description,
            quantity: l.remaining,
            unit: l.unit,
            unitPrice: l.unitPrice,
            discount: l.discount,
            vatCode: l.vatCode,
            account: l.account,
            departmentId: l.departmentId,
            projectId: l.projectId,
            warehouseId: l.warehouseId,
          })),
        },
        { sources: picked.map(({ d, l }) => ({ documentId: d.id, lineId: l.id, kind: d.kind })) },
      ),
    );
    for (const d of sources) {
      await addEvent(
        trx,
        ctx,
        d.id,
        'carried-forward',
        `Samlefakturert på faktura ${invoice.number}`,
      );
    }
    return invoice.id;
  });
  return getDocument(db, ctx.companyId, id);
}

export async function updateDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
  input: NewDocument,
): Promise<Document> {
  await inTransaction(db, async (trx) => {
    const current = await getDocument(trx, ctx.companyId, documentId);
    if (!current.editable) {
      throw new AppError(
        'conflict',
        `${KIND_NAMES[current.kind]} ${current.number} can no longer be changed: it is ${FINAL_KINDS.includes(current.kind) ? 'posted' : 'carried forward or cancelled'}.`,
      );
    }
    if (input.kind !== current.kind) throw AppError.field('kind', 'The kind cannot change.');
    await checkSalesperson(trx, ctx.companyId, input.salespersonId);
    const settings = await getSalesSettings(trx, ctx.companyId);
    const currency = input.currency && input.currency !== 'NOK' ? input.currency : null;
    const rate = await rateFor(trx, currency, input.rate, input.date);
    const lines = await resolveLines(
      trx,
      ctx.companyId,
      settings,
      { kind: input.kind, partyId: input.partyId, date: input.date, currency },
      input.lines,
    );
    if (lines.length === 0) throw AppError.field('lines', 'A document needs at least one line.');
    const totals = documentTotals(input.date, lines);
    await trx.deleteFrom('document_lines').where('document_id', '=', documentId).execute();
    await insertLines(trx, ctx.companyId, documentId, lines, input);
    await trx
      .updateTable('documents')
      .set({
        party_id: input.partyId,
        date: input.date,
        due_date: input.dueDate ?? null,
        currency,
        rate,
        our_reference: input.ourReference ?? '',
        your_reference: input.yourReference ?? '',
        salesperson_id: input.salespersonId ?? null,
        department_id: input.departmentId ?? null,
        project_id: input.projectId ?? null,
        warehouse_id: input.warehouseId ?? null,
        text: input.text ?? '',
        net: totals.net,
        vat: totals.vat,
        gross: totals.gross,
        cost: lines.reduce((s, l) => s + l.cost, 0),
        updated_at: now(),
      })
      .where('id', '=', documentId)
      .execute();
    await addEvent(trx, ctx, documentId, 'changed', 'Endret');
    await refreshStatus(trx, ctx.companyId, documentId);
  });
  return getDocument(db, ctx.companyId, documentId);
}

export async function cancelDocument(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
): Promise<Document> {
  await inTransaction(db, async (trx) => {
    const d = await getDocument(trx, ctx.companyId, documentId);
    if (!DRAFT_KINDS.includes(d.kind)) {
      throw new AppError(
        'conflict',
        `A ${KIND_NAMES[d.kind].toLowerCase()} is posted: credit it instead of cancelling.`,
      );
    }
    if (d.status === STATUS.cancelled) return;
    // What was carried forward stays; the rest of each line is cancelled.
    await trx
      .updateTable('documents')
      .set({ status: STATUS.cancelled, updated_at: now() })
      .where('id', '=', documentId)
      .execute();
    await trx
      .updateTable('document_lines')
      .set({ status: STATUS.cancelled })
      .where('document_id', '=', documentId)
      .where(sql<boolean>`carried = 0`)
      .execute();
    await addEvent(trx, ctx, documentId, 'cancelled', 'Kansellert');
  });
  return getDocument(db, ctx.companyId, documentId);
}

export async function recordEvent(
  db: Kysely<Database>,
  ctx: PostingContext,
  documentId: number,
  input: { kind: 'sent' | 'viewed' | 'note'; text?: string | undefined },
): Promise<Document> {
  await inTransaction(db, async (trx) => {
    const d = await getDocument(trx, ctx.companyId, documentId);
    const words = { sent: 'Sendt', viewed: 'Åpnet av mottaker', note: 'Notat' };
    await addEvent(trx, ctx, d.id, input.kind, input.text || words[input.kind]);
    await addTimelineEntry(trx, ctx.companyId, d.partyId, {
      kind: 'document',
      title: `${KIND_NAMES[d.kind]} ${d.number}: ${words[input.kind].toLowerCase()}`,
      body: input.text ?? null,
      source: 'document',
      sourceId: d.id,
      userId: ctx.userId,
    });
    await refreshStatus(trx, ctx.companyId, d.id);
  });
  return getDocument(db, ctx.companyId, documentId);
}

type DocumentRow = Awaited<ReturnType<typeof documentRows>>[number];

function documentRows(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('documents as d')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .selectAll('d')
    .select('p.name as party_name')
    .where('d.company_id', '=', companyId)
    .execute();
}

function toSummary(r: DocumentRow): DocumentSummary {
  const kind = r.kind as DocumentKind;
  return {
    id: r.id,
    kind,
    number: r.number,
    date: r.date,
    dueDate: r.due_date,
    partyId: r.party_id,
    partyName: r.party_name,
    status: r.status,
    currency: r.currency,
    net: Number(r.net),
    gross: Number(r.gross),
    open: CLAIM_KINDS.includes(kind) ? Math.abs(Number(r.gross)) - Number(r.paid) : 0,
    salespersonId: r.salesperson_id,
    yourReference: r.your_reference,
  };
}

/** What the chain itself needs to know of a document: its header and what is open on it. */
export async function claimSummary(db: Kysely<Database>, companyId: number, documentId: number) {
  const r = await db
    .selectFrom('documents')
    .select([
      'id',
      'kind',
      'number',
      'party_id',
      'currency',
      'rate',
      'gross',
      'paid',
      'kid',
      'external_number',
      'voucher_id',
    ])
    .where('company_id', '=', companyId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!r) throw new AppError('not-found', `Document ${documentId} does not exist.`);
  const kind = r.kind as DocumentKind;
  return {
    id: r.id,
    kind,
    number: r.number,
    partyId: r.party_id,
    currency: r.currency,
    rate: r.rate,
    gross: Number(r.gross),
    open: CLAIM_KINDS.includes(kind) ? Math.abs(Number(r.gross)) - Number(r.paid) : 0,
    kid: r.kid,
    externalNumber: r.external_number,
    voucherId: r.voucher_id,
  };
}
export type ClaimSummary = Awaited<ReturnType<typeof claimSummary>>;

export async function getDocument(
  db: Kysely<Database>,
  companyId: number,
  documentId: number,
): Promise<Document> {
  const r = await db
    .selectFrom('documents as d')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .selectAll('d')
    .select('p.name as party_name')
    .where('d.company_id', '=', companyId)
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!r) throw new AppError('not-found', `Document ${documentId} does not exist.`);
  const kind = r.kind as DocumentKind;
  const [lines, links, events] = await Promise.all([
    db
      .selectFrom('document_lines as l')
      .leftJoin('items as i', 'i.id', 'l.item_id')
      .selectAll('l')
      .select('i.number as item_number')
      .where('l.document_id', '=', documentId)
      .orderBy('l.line_no')
      .execute(),
    db
      .selectFrom('document_links as k')
      .innerJoin('documents as s', 's.id', 'k.source_document_id')
      .innerJoin('documents as t', 't.id', 'k.target_document_id')
      .select([
        'k.source_document_id',
        'k.source_line_id',
        'k.target_document_id',
        'k.target_line_id',
        'k.quantity',
        'k.amount',
        's.kind as source_kind',
        's.number as source_number',
        't.kind as target_kind',
        't.number as target_number',
      ])
      .where((eb) =>
        eb.or([
          eb('k.source_document_id', '=', documentId),
          eb('k.target_document_id', '=', documentId),
        ]),
      )
      .orderBy('k.id')
      .execute(),
    db
      .selectFrom('document_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.line_id', 'e.kind', 'e.text', 'e.at', 'u.name as user_name'])
      .where('e.document_id', '=', documentId)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
  ]);
  const totals = documentTotals(
    r.date,
    lines.map((l) => ({ net: Number(l.net), vatCode: l.vat_code })),
  );
  const net = Number(r.net);
  const cost = Number(r.cost);
  const margin = contributionMargin(net, cost);
  const summary = toSummary(r);
  const draft = DRAFT_KINDS.includes(kind);
  const anyCarried = lines.some((l) => Number(l.carried) !== 0);
  return {
    ...summary,
    ourReference: r.our_reference,
    departmentId: r.department_id,
    projectId: r.project_id,
    warehouseId: r.warehouse_id,
    rate: r.rate,
    kid: r.kid,
    externalNumber: r.external_number,
    text: r.text,
    cash: r.cash === 1,
    paymentAccount: r.payment_account,
    attachmentId: r.attachment_id,
    voucherId: r.voucher_id,
    creditsDocumentId: r.credits_document_id,
    reminderLevel: r.reminder_level,
    vat: Number(r.vat),
    grossNok: Number(r.gross_nok),
    cost,
    margin: margin.amount,
    marginPercent: margin.percent,
    paid: Number(r.paid),
    vatByCode: totals.byCode.map((t) => ({ code: t.code, rate: t.rate, base: t.base, vat: t.vat })),
    lines: lines.map((l) => {
      const lm = contributionMargin(Number(l.net), Number(l.cost));
      return {
        id: l.id,
        lineNo: l.line_no,
        itemId: l.item_id,
        itemNumber: l.item_number,
        description: l.description,
        quantity: fromMilli(Number(l.quantity)),
        unit: l.unit,
        unitPrice: Number(l.unit_price),
        discount: l.discount,
        net: Number(l.net),
        vatCode: l.vat_code,
        account: l.account,
        departmentId: l.department_id,
        projectId: l.project_id,
        warehouseId: l.warehouse_id,
        cost: Number(l.cost),
        margin: lm.amount,
        marginPercent: lm.percent,
        carried: fromMilli(Number(l.carried)),
        remaining:
          l.status === STATUS.cancelled ? 0 : fromMilli(Number(l.quantity) - Number(l.carried)),
        status: l.status,
      };
    }),
    sources: links
      .filter((k) => k.target_document_id === documentId)
      .map((k) => ({
        documentId: k.source_document_id,
        kind: k.source_kind as DocumentKind,
        number: k.source_number,
        lineId: k.source_line_id,
        ownLineId: k.target_line_id,
        quantity: fromMilli(Number(k.quantity)),
        amount: Number(k.amount),
      })),
    targets: links
      .filter((k) => k.source_document_id === documentId)
      .map((k) => ({
        documentId: k.target_document_id,
        kind: k.target_kind as DocumentKind,
        number: k.target_number,
        lineId: k.target_line_id,
        ownLineId: k.source_line_id,
        quantity: fromMilli(Number(k.quantity)),
        amount: Number(k.amount),
      })),
    events: events.map((e) => ({
      id: e.id,
      lineId: e.line_id,
      kind: e.kind,
      text: e.text,
      at: e.at,
      userName: e.user_name,
    })),
    nextKinds:
      r.status === STATUS.cancelled
        ? []
        : NEXT_KINDS[kind].filter(() =>
            lines.some(
              (l) => l.status !== STATUS.cancelled && Number(l.quantity) !== Number(l.carried),
            ),
          ),
    editable: draft && !anyCarried && r.status !== STATUS.cancelled,
  };
}

/**
 * Lists documents newest first, a page at a time: the cursor is the last row's date and id,
 * so a page costs the same however deep it is.
 */
export async function listDocuments(
  db: Kysely<Database>,
  companyId: number,
  query: DocumentQuery,
): Promise<{ items: DocumentSummary[]; nextCursor: string | null; total: number | null }> {
  const limit = query.limit ?? 50;
  let q = db
    .selectFrom('documents as d')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .where('d.company_id', '=', companyId);
  if (query.kind) q = q.where('d.kind', '=', query.kind);
  if (query.side) {
    const { SALES_KINDS, PURCHASE_KINDS } = await import('@nordbok/core');
    q = q.where('d.kind', 'in', [...(query.side === 'sales' ? SALES_KINDS : PURCHASE_KINDS)]);
  }
  if (query.status !== undefined) q = q.where('d.status', '=', query.status);
  if (query.partyId) q = q.where('d.party_id', '=', query.partyId);
  if (query.salespersonId) q = q.where('d.salesperson_id', '=', query.salespersonId);
  if (query.from) q = q.where('d.date', '>=', query.from);
  if (query.to) q = q.where('d.date', '<=', query.to);
  if (query.unpaid) {
    q = q
      .where('d.kind', 'in', [...CLAIM_KINDS])
      .where(sql<boolean>`abs(d.gross) - d.paid <> 0`)
      .where('d.status', '!=', STATUS.credited);
  }
  if (query.q) {
    // Digits are a document number or a KID, found through their indexes; other text is a
    // part of the customer's or supplier's name, looked up among the parties first.
    const text = query.q.trim();
    if (/^\d{1,25}$/.test(text)) {
      const asNumber = text.length <= 9 ? Number(text) : null;
      q = q.where((eb) =>
        eb.or([
          ...(asNumber !== null ? [eb('d.number', '=', asNumber)] : []),
          eb('d.kid', '=', text),
        ]),
      );
    } else {
      const parties = await db
        .selectFrom('parties')
        .select('id')
        .where('company_id', '=', companyId)
        .where(sql<boolean>`lower(name) like ${`%${text.toLowerCase()}%`}`)
        .limit(1000)
        .execute();
      const ids = parties.map((r) => r.id);
      q = ids.length > 0 ? q.where('d.party_id', 'in', ids) : q.where(sql<boolean>`1 = 0`);
    }
  }
  // Counting every match costs as much as the filter; later pages do without it.
  const total = query.cursor
    ? null
    : await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = q.selectAll('d').select('p.name as party_name');
  if (query.cursor) {
    const [date, id] = query.cursor.split('|');
    if (!date || !id || !/^\d+$/.test(id)) throw AppError.field('cursor', 'Unknown cursor.');
    page = page.where((eb) =>
      eb.or([
        eb('d.date', '<', date),
        eb.and([eb('d.date', '=', date), eb('d.id', '<', Number(id))]),
      ]),
    );
  }
  const rows = await page
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toSummary);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? `${last.date}|${last.id}` : null,
    total: total ? Number(total.n) : null,
  };
}

/** An item's lines on documents of the given kinds, newest first. */
export async function linesOfItem(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
  kinds: readonly DocumentKind[],
  limit = 200,
): Promise<ItemDocumentLine[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('document_lines as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .select([
      'd.id as document_id',
      'd.kind',
      'd.number',
      'd.date',
      'd.party_id',
      'p.name as party_name',
      'd.currency',
      'l.quantity',
      'l.unit',
      'l.unit_price',
      'l.discount',
      'l.net',
      'l.status',
    ])
    .where('l.company_id', '=', companyId)
    .where('l.item_id', '=', itemId)
    .where('d.kind', 'in', [...kinds])
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .orderBy('l.line_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    documentId: r.document_id,
    kind: r.kind as DocumentKind,
    number: r.number,
    date: r.date,
    partyId: r.party_id,
    partyName: r.party_name,
    quantity: fromMilli(Number(r.quantity)),
    unit: r.unit,
    unitPrice: Number(r.unit_price),
    discount: r.discount,
    net: Number(r.net),
    currency: r.currency,
    status: r.status,
  }));
}
