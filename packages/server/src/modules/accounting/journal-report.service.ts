import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

import { accountNames, inDimensions, type ReportRange } from './report-common';

// Voucher journal -------------------------------------------------------------------------

export interface JournalPosting {
  postingId: number;
  lineNo: number;
  account: string;
  accountName: string;
  amount: number;
  vatCode: string | null;
  vatKind: string | null;
  description: string;
  departmentId: number | null;
  projectId: number | null;
}

export interface JournalVoucher {
  id: number;
  series: string;
  number: number;
  date: string;
  description: string;
  status: 'posted' | 'deleted';
  postings: JournalPosting[];
}

/**
 * The voucher journal (bokføringsspesifikasjon): every voucher in the range in date and
 * number order with all its postings. Deleted vouchers stay, without postings, so the
 * series can be seen to be complete. With a department or project filter it lists the
 * vouchers that touch it, each still whole so that it balances.
 */
export async function voucherJournalReport(
  db: Kysely<Database>,
  companyId: number,
  range: ReportRange,
): Promise<JournalVoucher[]> {
  const [vouchers, postings, names] = await Promise.all([
    journalVouchers(db, companyId, range),
    journalPostings(db, companyId, range),
    accountNames(db, companyId, range.language),
  ]);
  const byVoucher = new Map<number, JournalPosting[]>();
  for (const p of postings) {
    const posting = toJournalPosting(p, names.get(p.account) ?? '');
    byVoucher.set(p.voucher_id, [...(byVoucher.get(p.voucher_id) ?? []), posting]);
  }
  return vouchers.map((v) => ({
    id: v.id,
    series: v.series,
    number: v.number,
    date: v.date,
    description: v.description,
    status: v.status === 'deleted' ? 'deleted' : 'posted',
    postings: byVoucher.get(v.id) ?? [],
  }));
}

function journalVouchers(db: Kysely<Database>, companyId: number, range: ReportRange) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .$if(Boolean(range.filter?.departments || range.filter?.projects), (qb) =>
      qb.where('id', 'in', (eb) =>
        eb
          .selectFrom('postings')
          .select('voucher_id')
          .where('company_id', '=', companyId)
          .where(inDimensions(range.filter, 'postings')),
      ),
    )
    .orderBy('date')
    .orderBy('series')
    .orderBy('number')
    .execute();
}

/** The postings of the range's vouchers, by joining on the dates rather than a list of ids. */
function journalPostings(db: Kysely<Database>, companyId: number, range: ReportRange) {
  return db
    .selectFrom('postings')
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .selectAll('postings')
    .where('vouchers.company_id', '=', companyId)
    .where('postings.company_id', '=', companyId)
    .where('vouchers.date', '>=', range.from)
    .where('vouchers.date', '<=', range.to)
    .orderBy('postings.voucher_id')
    .orderBy('postings.line_no')
    .execute();
}

function toJournalPosting(
  p: Awaited<ReturnType<typeof journalPostings>>[number],
  accountName: string,
): JournalPosting {
  return {
    postingId: p.id,
    lineNo: p.line_no,
    account: p.account,
    accountName,
    amount: Number(p.amount),
    vatCode: p.vat_code,
    vatKind: p.vat_kind,
    description: p.description,
    departmentId: p.department_id,
    projectId: p.project_id,
  };
}
