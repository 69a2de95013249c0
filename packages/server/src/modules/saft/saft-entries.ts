import { rateOn, vatCode } from '@nordbok/core';
import type { SaftLine, SaftTransaction, SaftWriter } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  type ExportRange,
  type PostingPageRow,
  postingsOf,
  type VoucherPageRow,
  voucherPage,
} from './saft.store';

/** AnalysisType codes: `A` for departments (avdeling) and `P` for projects, as is usual. */
export const DEPARTMENT_ANALYSIS = 'A';
export const PROJECT_ANALYSIS = 'P';

/** Vouchers read per query; their postings come in one more query. */
const PAGE = 2_000;

/** What turns posting rows into SAF-T lines, read once per export. */
export interface LineContext {
  /** Control account → the kind of sub-ledger on it. */
  subledgers: Map<string, 'customer' | 'supplier'>;
  customerIds: Map<number, string>;
  supplierIds: Map<number, string>;
  departments: Map<number, string>;
  projects: Map<number, string>;
  authors: Map<number, string>;
}

interface JournalsInput {
  range: ExportRange;
  writer: SaftWriter;
  context: LineContext;
  series: { series: string; name_nb: string | null }[];
  onProgress?: ((vouchers: number) => void) | undefined;
  progressEvery: number;
}

/**
 * Writes one journal per voucher series, paging through its vouchers by id, so that at most
 * one page of vouchers and their postings is in memory. Returns what was written, for the
 * caller to check against the totals written before the journals.
 */
export async function streamJournals(db: Kysely<Database>, companyId: number, j: JournalsInput) {
  const written = { vouchers: 0, lines: 0, debit: 0, credit: 0 };
  for (const { series, name_nb } of j.series) {
    j.writer.journal({ id: series, description: name_nb ?? series, type: series });
    let afterId = 0;
    for (;;) {
      const vouchers = await voucherPage(db, companyId, {
        ...j.range,
        series,
        afterId,
        limit: PAGE,
      });
      if (vouchers.length === 0) break;
      const postings = await postingsOf(
        db,
        companyId,
        vouchers.map((v) => v.id),
      );
      for (const t of transactions(vouchers, postings, j.context)) {
        await j.writer.transaction(t);
        count(written, t);
        if (written.vouchers % j.progressEvery === 0) j.onProgress?.(written.vouchers);
      }
      afterId = vouchers[vouchers.length - 1]?.id ?? afterId;
    }
  }
  return written;
}

function count(
  written: { vouchers: number; lines: number; debit: number; credit: number },
  t: SaftTransaction,
) {
  written.vouchers += 1;
  written.lines += t.lines.length;
  for (const l of t.lines) {
    if (l.amount > 0) written.debit += l.amount;
    else written.credit -= l.amount;
  }
}

function transactions(
  vouchers: VoucherPageRow[],
  postings: PostingPageRow[],
  context: LineContext,
): SaftTransaction[] {
  const byVoucher = new Map<number, PostingPageRow[]>();
  for (const p of postings) {
    const list = byVoucher.get(p.voucher_id);
    if (list) list.push(p);
    else byVoucher.set(p.voucher_id, [p]);
  }
  return vouchers.map((v) => transaction(v, byVoucher.get(v.id) ?? [], context));
}

function transaction(
  v: VoucherPageRow,
  postings: PostingPageRow[],
  context: LineContext,
): SaftTransaction {
  const id = `${v.series}${v.number}`;
  const entered = v.created_at.slice(0, 10);
  const modified = v.modified_at.slice(0, 10);
  return {
    id,
    period: v.period,
    periodYear: v.fiscal_year,
    date: v.date,
    sourceId: (v.created_by !== null && context.authors.get(v.created_by)) || 'Nordbok',
    description: v.description || id,
    systemEntryDate: entered,
    glPostingDate: entered,
    modificationDate: v.modified_at !== v.created_at ? modified : null,
    lines: linesOf(v, postings, context),
  };
}

/**
 * The VAT of a line goes in TaxInformation on its base line (the revenue or cost), as in
 * the Tax Administration's example file: the basis, and one tax amount per VAT posting the
 * base produced (for reverse charge the computed output VAT and the deducted input VAT).
 * A code without VAT postings (zero-rated, exempt) still shows its basis with 0 VAT.
 */
function linesOf(v: VoucherPageRow, postings: PostingPageRow[], context: LineContext): SaftLine[] {
  const lines: SaftLine[] = [];
  const bases: { line: SaftLine; code: string }[] = [];
  const latestBase = new Map<string, SaftLine>();
  for (const p of postings) {
    const line = lineOf(v, p, context);
    lines.push(line);
    const code = p.vat_code;
    if (code === null) continue;
    if (p.vat_kind === 'base') {
      bases.push({ line, code });
      latestBase.set(code, line);
      continue;
    }
    // A VAT posting follows the base line it was computed from.
    const base = latestBase.get(code);
    if (base) base.tax.push(taxOf(code, v.date, base.amount, p.amount));
    else line.tax.push(taxOf(code, v.date, 0, p.amount));
  }
  for (const { line, code } of bases) {
    if (line.tax.length === 0) line.tax.push(taxOf(code, v.date, line.amount, 0));
  }
  return lines;
}

function taxOf(code: string, date: string, base: number, amount: number) {
  return { code, rate: rateAt(code, date), base, amount: Number(amount) };
}

function lineOf(v: VoucherPageRow, p: PostingPageRow, context: LineContext): SaftLine {
  const kind = context.subledgers.get(p.account);
  const party = p.party_id;
  const analysis = [];
  const department =
    p.department_id === null ? undefined : context.departments.get(p.department_id);
  const project = p.project_id === null ? undefined : context.projects.get(p.project_id);
  if (department) analysis.push({ type: DEPARTMENT_ANALYSIS, id: department });
  if (project) analysis.push({ type: PROJECT_ANALYSIS, id: project });
  return {
    recordId: String(p.line_no),
    accountId: p.account,
    analysis,
    sourceDocumentId: p.invoice_number,
    customerId: kind === 'customer' && party !== null ? context.customerIds.get(party) : null,
    supplierId: kind === 'supplier' && party !== null ? context.supplierIds.get(party) : null,
    description: p.description || v.description,
    amount: Number(p.amount),
    currency:
      p.currency && p.currency_amount !== null && p.exchange_rate
        ? { code: p.currency, amount: Number(p.currency_amount), rate: p.exchange_rate }
        : null,
    tax: [],
    cid: p.kid,
    dueDate: p.due_date,
  };
}

/** A code's rate in basis points on a date; 0 for an unknown code or a date before it. */
export function rateAt(code: string, date: string): number {
  const known = vatCode(code);
  if (!known) return 0;
  try {
    return rateOn(known.rateType, date);
  } catch {
    return 0;
  }
}
