import { fiscalYearSpan } from '@nordbok/core';
import { GROUPING_CODES, isGroupingCode } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { listAccounts } from './account.store';
import { trialBalance } from './report.service';
import type { Language } from './report-common';

/**
 * Næringsspesifikasjon: every account rolled up by its grouping code for a fiscal year.
 * Balance-sheet accounts give their closing balance, income-statement accounts the year's
 * movement; amounts keep the ledger's sign (debit positive). An account whose grouping
 * pair is not in the Tax Administration's list is flagged, so it can be mended before the
 * SAF-T file or the tax return is made.
 */
export interface NaeringLine {
  category: string;
  code: string;
  name: string;
  amount: number;
  accounts: { account: string; name: string; amount: number }[];
}

export interface NaeringSpecification {
  year: number;
  from: string;
  to: string;
  lines: NaeringLine[];
  /** Accounts with postings or a balance whose grouping pair is not a valid code. */
  invalid: { account: string; name: string; category: string; code: string; amount: number }[];
}

export async function naeringsspesifikasjon(
  db: Kysely<Database>,
  companyId: number,
  scope: { year: number; startMonth: number; language: Language },
): Promise<NaeringSpecification> {
  const { startDate: from, endDate: to } = fiscalYearSpan(scope.year, scope.startMonth);
  const years = await db
    .selectFrom('fiscal_years')
    .select('year')
    .where('company_id', '=', companyId)
    .where('year', '=', scope.year)
    .executeTakeFirst();
  if (!years) throw AppError.field('year', `Fiscal year ${scope.year} is not open.`);
  const [rows, accounts] = await Promise.all([
    trialBalance(db, companyId, {
      from,
      to,
      startMonth: scope.startMonth,
      language: scope.language,
    }),
    listAccounts(db, companyId),
  ]);
  const byNumber = new Map(accounts.map((a) => [a.number, a]));
  const lines = new Map<string, NaeringLine>();
  const invalid: NaeringSpecification['invalid'] = [];
  for (const row of rows) {
    const account = byNumber.get(row.account);
    if (!account) continue;
    const balanceSheet = row.account[0] === '1' || row.account[0] === '2';
    const amount = balanceSheet ? row.closing : row.debit - row.credit;
    const { grouping_category: category, grouping_code: code } = account;
    if (!isGroupingCode(category, code)) {
      invalid.push({ account: row.account, name: row.name, category, code, amount });
      continue;
    }
    const key = `${category}/${code}`;
    const line = lines.get(key) ?? {
      category,
      code,
      name: groupingName(category, code, scope.language),
      amount: 0,
      accounts: [],
    };
    line.amount += amount;
    line.accounts.push({ account: row.account, name: row.name, amount });
    lines.set(key, line);
  }
  const sorted = [...lines.values()].sort(
    (a, b) => a.category.localeCompare(b.category) || a.code.localeCompare(b.code),
  );
  return { year: scope.year, from, to, lines: sorted, invalid };
}

function groupingName(category: string, code: string, language: Language) {
  const found = GROUPING_CODES.find((g) => g.category === category && g.code === code);
  return (language === 'en' ? found?.nameEn : found?.nameNb) ?? '';
}
