import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { findAccounts } from '../accounting/account.store';
import { listDimensions } from '../accounting/dimension.service';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { postVoucher } from '../accounting/voucher.service';
import { readSetting, saveSetting } from '../admin/settings.store';
import {
  PayrollFileError,
  type PayrollMapping,
  type PayrollRow,
  parsePayrollCsv,
} from './payroll-csv';

const MAPPING_KEY = 'payroll-import.mapping';

/** What the common Norwegian payroll exports call their columns. */
export const DEFAULT_MAPPING: PayrollMapping = {
  date: 'Dato',
  account: 'Konto',
  amount: 'Beløp',
  department: 'Avdeling',
  project: 'Prosjekt',
  text: 'Tekst',
};

const column = z.string().trim().min(1).max(60);
export const mappingSchema = z.strictObject({
  date: column,
  account: column,
  amount: column,
  department: column.optional(),
  project: column.optional(),
  text: column.optional(),
});

export const payrollImportSchema = z.strictObject({
  csv: z.string().min(1, 'Choose a file.').max(5_000_000, 'The file is larger than 5 MB.'),
  mapping: mappingSchema.optional(),
  /** The voucher's date; by default the latest date in the file. */
  date: isoDateSchema.optional(),
  description: z.string().trim().max(200).optional(),
});
export type PayrollImport = z.infer<typeof payrollImportSchema>;

export interface PayrollPreview {
  mapping: PayrollMapping;
  rows: (PayrollRow & { departmentId: number | null; projectId: number | null })[];
  debit: number;
  credit: number;
  date: string | null;
  valid: boolean;
}

export async function rememberedMapping(db: Kysely<Database>, companyId: number) {
  return (await readSetting<PayrollMapping>(db, companyId, MAPPING_KEY)) ?? DEFAULT_MAPPING;
}

/** Reads the file and checks every row against the ledger, without posting anything. */
export async function previewPayroll(
  db: Kysely<Database>,
  companyId: number,
  input: PayrollImport,
): Promise<PayrollPreview> {
  const mapping = input.mapping ?? (await rememberedMapping(db, companyId));
  let parsed: PayrollRow[];
  try {
    parsed = parsePayrollCsv(input.csv, mapping);
  } catch (error) {
    if (error instanceof PayrollFileError) throw AppError.field('csv', error.message);
    throw error;
  }
  const rows = await checkRows(db, companyId, parsed);
  const debit = rows.filter((r) => r.amount > 0).reduce((s, r) => s + r.amount, 0);
  const credit = -rows.filter((r) => r.amount < 0).reduce((s, r) => s + r.amount, 0);
  const date =
    input.date ??
    rows
      .map((r) => r.date)
      .filter(Boolean)
      .sort()
      .at(-1) ??
    null;
  const valid = rows.length > 0 && rows.every((r) => r.errors.length === 0) && debit === credit;
  return { mapping, rows, debit, credit, date, valid };
}

async function checkRows(db: Kysely<Database>, companyId: number, rows: PayrollRow[]) {
  const [accounts, departments, projects] = await Promise.all([
    findAccounts(db, companyId, [...new Set(rows.map((r) => r.account))]),
    listDimensions(db, 'departments', companyId),
    listDimensions(db, 'projects', companyId),
  ]);
  return rows.map((row) => {
    const errors = [...row.errors];
    const account = accounts.find((a) => a.number === row.account);
    if (row.account && !account) errors.push(`Account ${row.account} does not exist.`);
    if (account?.blocked === 1) errors.push(`Account ${row.account} is blocked.`);
    if (account?.subledger)
      errors.push(`Account ${row.account} is a customer or supplier account.`);
    const department = departments.find((d) => d.code === row.department);
    if (row.department && !department) errors.push(`Department ${row.department} does not exist.`);
    const project = projects.find((p) => p.code === row.project);
    if (row.project && !project) errors.push(`Project ${row.project} does not exist.`);
    return { ...row, errors, departmentId: department?.id ?? null, projectId: project?.id ?? null };
  });
}

/** Posts the file as one payroll voucher (series L) and remembers the column mapping. */
export async function importPayroll(
  db: Kysely<Database>,
  ctx: { companyId: number; userId: number | null },
  input: PayrollImport,
) {
  const preview = await previewPayroll(db, ctx.companyId, input);
  const bad = preview.rows.find((r) => r.errors.length > 0);
  if (bad) throw AppError.field('csv', `Line ${bad.line}: ${bad.errors[0]}`);
  if (preview.rows.length === 0 || !preview.date)
    throw AppError.field('csv', 'The file has no postings.');
  if (preview.debit !== preview.credit) {
    throw AppError.field(
      'csv',
      `The file does not balance: debit ${preview.debit} øre, credit ${preview.credit} øre.`,
    );
  }
  const voucher = await postVoucher(db, ctx, {
    series: 'L',
    date: preview.date,
    description: input.description || 'Lønn (importert)',
    lines: preview.rows.map((r) => ({
      account: r.account,
      amount: r.amount,
      description: r.text,
      departmentId: r.departmentId,
      projectId: r.projectId,
    })),
  });
  await saveSetting(db, ctx.companyId, MAPPING_KEY, preview.mapping);
  return voucher;
}
