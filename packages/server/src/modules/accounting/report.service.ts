import { fiscalYearOf, fiscalYearSpan, toDecimalString } from '@nordbok/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { listAccounts } from './account.store';

export interface TrialBalanceRow {
  account: string;
  name: string;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

/**
 * The trial balance (saldobalanse) for any dates. Balance-sheet accounts (classes 1–2)
 * open with everything before `from`; income-statement accounts open with what was posted
 * earlier in the same fiscal year; an opening balance on the first day is opening, not
 * movement. Read from the per-day totals, never from every posting.
 */
export async function trialBalance(
  db: Kysely<Database>,
  companyId: number,
  range: { from: string; to: string; startMonth: number; language: 'nb' | 'en' },
): Promise<TrialBalanceRow[]> {
  const yearStart = fiscalYearSpan(
    fiscalYearOf(range.from, range.startMonth),
    range.startMonth,
  ).startDate;
  const { from, to } = range;
  // What opens the range: everything dated before it, and an opening balance dated its first day.
  const opens = sql`(date < ${from} or (opening = 1 and date = ${from}))`;
  const totals = await db
    .selectFrom('account_day_totals')
    .select((eb) => [
      'account',
      sumWhen(opens, sql`debit - credit`).as('before'),
      sumWhen(sql`date >= ${yearStart} and ${opens}`, sql`debit - credit`).as('before_in_year'),
      sumWhen(sql`not ${opens}`, eb.ref('debit')).as('debit'),
      sumWhen(sql`not ${opens}`, eb.ref('credit')).as('credit'),
    ])
    .where('company_id', '=', companyId)
    .where('date', '<=', to)
    .groupBy('account')
    .execute();
  const names = new Map((await listAccounts(db, companyId)).map((a) => [a.number, a]));

  return totals
    .map((t) => {
      const balanceSheet = t.account[0] === '1' || t.account[0] === '2';
      const opening = Number(balanceSheet ? t.before : t.before_in_year);
      const debit = Number(t.debit);
      const credit = Number(t.credit);
      const row = names.get(t.account);
      const name = (range.language === 'en' ? row?.name_en : row?.name_nb) ?? '';
      return {
        account: t.account,
        name,
        opening,
        debit,
        credit,
        closing: opening + debit - credit,
      };
    })
    .filter((r) => r.opening !== 0 || r.debit !== 0 || r.credit !== 0)
    .sort((a, b) => a.account.localeCompare(b.account));
}

function sumWhen(condition: ReturnType<typeof sql>, value: unknown) {
  return sql<number>`coalesce(sum(case when ${condition} then ${value} else 0 end), 0)`;
}

/** account,name,opening,debit,credit,closing with amounts in NOK, a dot and two decimals. */
export function trialBalanceCsv(rows: TrialBalanceRow[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = rows.map((r) =>
    [
      r.account,
      quote(r.name),
      ...[r.opening, r.debit, r.credit, r.closing].map(toDecimalString),
    ].join(','),
  );
  return `${['account,name,opening,debit,credit,closing', ...lines].join('\n')}\n`;
}
