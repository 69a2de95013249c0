import { VAT_CODES, type VatDirection, vatCode } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

import { inDimensions, type ReportRange, total } from './report-common';

// VAT specification -----------------------------------------------------------------------

export interface VatItem {
  vatCode: string;
  nameNb: string;
  nameEn: string;
  direction: VatDirection;
  basis: number;
  /** Output VAT (payable, positive) and input VAT (deductible, negative). */
  outputVat: number;
  inputVat: number;
  vat: number;
}

export interface VatSpecification {
  items: VatItem[];
  totalVat: number;
}

/**
 * The VAT specification (spesifikasjon av merverdiavgift) per VAT code, from the postings.
 *
 * The basis is the sum of the code's base lines: on revenue accounts (class 3) a credit, so
 * its sign is turned; on purchases a debit, kept. VAT is the VAT lines with their sign turned:
 * output VAT (a credit) counts as payable, input VAT (a debit) as deductible. A service of
 * 10 000 bought abroad with code 86 gives basis 10 000, output 2 500, input −2 500, VAT 0.
 */
export async function vatSpecification(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange,
): Promise<VatSpecification> {
  const rows = await db
    .selectFrom('postings')
    .select((eb) => ['vat_code', 'vat_kind', 'account', eb.fn.sum('amount').as('amount')])
    .where('company_id', '=', companyId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .where('vat_code', 'is not', null)
    .where(inDimensions(range.filter, 'postings'))
    .groupBy(['vat_code', 'vat_kind', 'account'])
    .execute();
  const items = new Map<string, VatItem>();
  for (const r of rows) {
    const item = items.get(r.vat_code!) ?? emptyVatItem(r.vat_code!);
    addToVatItem(item, r.vat_kind, r.account, Number(r.amount));
    items.set(item.vatCode, item);
  }
  const order = (code: string) => VAT_CODES.findIndex((c) => c.code === code);
  const sorted = [...items.values()].sort((a, b) => order(a.vatCode) - order(b.vatCode));
  return { items: sorted, totalVat: total(sorted, (i) => i.vat) };
}

function emptyVatItem(code: string): VatItem {
  const known = vatCode(code);
  return {
    vatCode: code,
    nameNb: known?.nameNb ?? code,
    nameEn: known?.nameEn ?? code,
    direction: known?.direction ?? 'none',
    basis: 0,
    outputVat: 0,
    inputVat: 0,
    vat: 0,
  };
}

function addToVatItem(item: VatItem, kind: string | null, account: string, amount: number) {
  if (kind === 'base') item.basis += account[0] === '3' ? -amount : amount;
  if (kind === 'output') item.outputVat -= amount;
  if (kind === 'input') item.inputVat -= amount;
  item.vat = item.outputVat + item.inputVat;
}
