import { fiscalYearOf, fiscalYearSpan } from '@nordbok/core';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts, listAccounts } from './account.store';
import { withSubLevels } from './dimension.service';

/**
 * The general-ledger reports: trial balance (saldobalanse), general ledger
 * (kontospesifikasjon), income statement, balance sheet, VAT specification and the voucher
 * journal (bokføringsspesifikasjon). All amounts are signed øre; the ledger's own sign is
 * debit positive, and each statement says where it turns that round.
 */

export type Language = 'nb' | 'en';

export interface Dimension {
  id: number;
  code: string;
  name: string;
}

/**
 * A filter on a department and/or a project. It stands for the one asked for and every
 * level below it: department 3 with sub-departments 7 and 9 filters on 3, 7 and 9.
 */
export interface DimensionFilter {
  departments: number[] | null;
  projects: number[] | null;
  department: Dimension | null;
  project: Dimension | null;
}

export interface ReportRange {
  from: string;
  to: string;
  startMonth: number;
  language: Language;
  filter?: DimensionFilter | undefined;
}

export async function dimensionFilter(
  db: Kysely<Database>,
  companyId: number,
  ids: { departmentId?: number | undefined; projectId?: number | undefined },
): Promise<DimensionFilter> {
  const [department, project] = await Promise.all([
    subtree(db, companyId, 'departments', ids.departmentId),
    subtree(db, companyId, 'projects', ids.projectId),
  ]);
  return {
    departments: department?.ids ?? null,
    projects: project?.ids ?? null,
    department: department?.root ?? null,
    project: project?.root ?? null,
  };
}

async function subtree(
  db: Kysely<Database>,
  companyId: number,
  table: 'departments' | 'projects',
  id: number | undefined,
) {
  if (id === undefined) return null;
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code', 'name', 'parent_id'])
    .where('company_id', '=', companyId)
    .execute();
  const root = rows.find((r) => r.id === id);
  if (!root) {
    const [field, noun] =
      table === 'departments' ? ['departmentId', 'Department'] : ['projectId', 'Project'];
    throw AppError.field(field, `${noun} ${id} does not exist.`);
  }
  return {
    root: { id: root.id, code: root.code, name: root.name },
    ids: withSubLevels(
      rows.map((r) => ({ id: r.id, parentId: r.parent_id })),
      id,
    ),
  };
}

/** `department_id in (…) and project_id in (…)` on a table, or plain true without a filter. */
export function inDimensions(
  filter: DimensionFilter | undefined,
  table: 'account_day_totals' | 'postings',
): Expression<SqlBool> {
  const parts = [];
  if (filter?.departments) {
    parts.push(sql`${sql.ref(`${table}.department_id`)} in (${sql.join(filter.departments)})`);
  }
  if (filter?.projects) {
    parts.push(sql`${sql.ref(`${table}.project_id`)} in (${sql.join(filter.projects)})`);
  }
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`1 = 1`;
}

export function sumWhen(condition: ReturnType<typeof sql>, value: unknown) {
  return sql<number>`coalesce(sum(case when ${condition} then ${value} else 0 end), 0)`;
}

/** Turns a sign round without ever producing −0, which tests and JSON treat differently. */
export function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}

export function total<T>(items: readonly T[], amount: (item: T) => number): number {
  return items.reduce((s, item) => s + amount(item), 0);
}

export function yearStartOf(date: string, startMonth: number): string {
  return fiscalYearSpan(fiscalYearOf(date, startMonth), startMonth).startDate;
}

/**
 * The same date a year earlier. A month's last day stays its last day, so a report to
 * 2025-02-28 compares with 2024-02-29 and 2024-02-29 with 2023-02-28.
 */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const lastDay = (y: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const earlier = day === lastDay(year) ? lastDay(year - 1) : Math.min(day, lastDay(year - 1));
  return `${year - 1}-${date.slice(5, 7)}-${String(earlier).padStart(2, '0')}`;
}

export async function accountNames(db: Kysely<Database>, companyId: number, language: Language) {
  const accounts = await listAccounts(db, companyId);
  return new Map(accounts.map((a) => [a.number, language === 'en' ? a.name_en : a.name_nb]));
}

export async function requireAccount(db: Kysely<Database>, companyId: number, account: string) {
  if ((await findAccounts(db, companyId, [account])).length === 0) {
    throw AppError.field('account', `Account ${account} does not exist.`);
  }
}

export const isBalanceSheetAccount = (account: string) => account[0] === '1' || account[0] === '2';
