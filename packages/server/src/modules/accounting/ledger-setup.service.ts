import { DEFAULT_CHART, fiscalYearOf, VAT_ACCOUNTS } from '@nordbok/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { openFiscalYear } from './period.service';

/** The voucher series every company starts with; each is numbered per fiscal year. */
export const DEFAULT_SERIES = [
  { code: 'A', nameNb: 'Diverse bilag', nameEn: 'General vouchers' },
  { code: 'B', nameNb: 'Bank', nameEn: 'Bank' },
  { code: 'S', nameNb: 'Salg', nameEn: 'Sales' },
  { code: 'K', nameNb: 'Kjøp', nameEn: 'Purchases' },
  { code: 'L', nameNb: 'Lønn', nameEn: 'Payroll' },
  { code: 'IB', nameNb: 'Inngående balanse', nameEn: 'Opening balance' },
] as const;

/**
 * A new company's ledger: the default chart of accounts, where each VAT code posts its VAT,
 * the voucher series and the fiscal year that contains `today`.
 */
export async function setUpLedger(
  db: Kysely<Database>,
  companyId: number,
  fiscalYearStartMonth: number,
  today: string,
) {
  await db
    .insertInto('accounts')
    .values(
      DEFAULT_CHART.map((a) => ({
        company_id: companyId,
        number: a.number,
        name_nb: a.nameNb,
        name_en: a.nameEn,
        kind: a.kind,
        vat_code: a.vatCode,
        grouping_category: a.groupingCategory,
        grouping_code: a.groupingCode,
        subledger: a.subledger,
      })),
    )
    .execute();
  await db
    .insertInto('vat_accounts')
    .values(
      Object.entries(VAT_ACCOUNTS).map(([code, accounts]) => ({
        company_id: companyId,
        vat_code: code,
        output_account: accounts.output ?? null,
        input_account: accounts.input ?? null,
      })),
    )
    .execute();
  await db
    .insertInto('voucher_series')
    .values(
      DEFAULT_SERIES.map((s) => ({
        company_id: companyId,
        code: s.code,
        name_nb: s.nameNb,
        name_en: s.nameEn,
      })),
    )
    .execute();
  await openFiscalYear(
    db,
    companyId,
    fiscalYearOf(today, fiscalYearStartMonth),
    fiscalYearStartMonth,
  );
}
