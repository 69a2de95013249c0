import fs from 'node:fs';
import os from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import { isIsoDate } from '@nordbok/core';
import type { Store } from '../db/database';
import { AppError } from '../errors';
import { renderCsv } from '../modules/accounting/export/csv';
import { trialBalanceTable } from '../modules/accounting/export/report-tables';
import { trialBalance } from '../modules/accounting/report.service';
import { dimensionFilter } from '../modules/accounting/report-common';
import { roleSchema } from '../modules/admin/company.schemas';
import { createCompany } from '../modules/admin/company.service';
import { findCompany, listCompanies } from '../modules/admin/company.store';
import { grant, grantInstallationAdmins } from '../modules/admin/member.service';
import { createUser } from '../modules/admin/user.service';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { segmentsSnapshotCommand } from '../modules/contacts/segment.cli';
import { crmForecastCommand, crmFunnelCommand } from '../modules/crm/crm.cli';
import { importItemsCommand, stockListCommand } from '../modules/inventory/inventory.cli';
import { exportSaftToFile } from '../modules/saft/saft-file';
import { importSaft, importSummary } from '../modules/saft/saft-import.service';
import { vatReturnCommand } from '../modules/vat/vat.cli';

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  group: string;
  action: string;
  synopsis: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The name a command's one positional argument is known by in `values`, if it takes one. */
  positional?: string;
  /** Input field → the flag it came from, so errors name what the user typed. */
  flags?: Record<string, string>;
  /** `progress` prints a line on stderr, for long work. */
  run(
    store: Store,
    values: Values,
    progress: (line: string) => void,
  ): Promise<{ text: string; json: unknown }>;
}

const json = { type: 'boolean' } as const;
const str = { type: 'string' } as const;

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw new AppError('validation', `--${name} is required.`);
  return value;
}

function wholeNumber(values: Values, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new AppError('validation', `--${name} must be a whole number, not "${String(value)}".`);
  }
  return Number(value);
}

const companyCreate: Command = {
  group: 'company',
  action: 'create',
  synopsis: '--name NAME --orgnr NNNNNNNNN [--fiscal-year-start-month M] [--vat-registered]',
  options: {
    name: str,
    orgnr: str,
    'fiscal-year-start-month': str,
    'vat-registered': { type: 'boolean' },
    json,
  },
  flags: { name: 'name', orgNumber: 'orgnr', fiscalYearStartMonth: 'fiscal-year-start-month' },
  async run(store, values) {
    const input = {
      name: required(values, 'name'),
      orgNumber: required(values, 'orgnr'),
      fiscalYearStartMonth: wholeNumber(values, 'fiscal-year-start-month'),
      vatRegistered: values['vat-registered'] === true,
    };
    const company = await createCompany(store.db, input, null);
    await grantInstallationAdmins(store.db, company.id);
    return { text: `Created company ${company.id}: ${company.name}`, json: company };
  },
};

const companyList: Command = {
  group: 'company',
  action: 'list',
  synopsis: '',
  options: { json },
  async run(store) {
    const rows = await listCompanies(store.db);
    const items = rows.map((r) => ({ id: r.id, name: r.name, orgNumber: r.org_number }));
    const text = items
      .map((c) => `${String(c.id).padStart(5)}  ${c.orgNumber}  ${c.name}`)
      .join('\n');
    return { text: text || 'No companies.', json: items };
  },
};

const userCreate: Command = {
  group: 'user',
  action: 'create',
  synopsis: '--email E --password P [--name NAME] [--installation-admin]',
  options: {
    email: str,
    password: str,
    name: str,
    'installation-admin': { type: 'boolean' },
    json,
  },
  async run(store, values) {
    const email = required(values, 'email');
    const user = await createUser(store.db, {
      email,
      password: required(values, 'password'),
      name: typeof values.name === 'string' ? values.name : email.split('@')[0] || email,
      isInstallationAdmin: values['installation-admin'] === true,
    });
    return { text: `Created user ${user.id}: ${user.email}`, json: user };
  },
};

const userGrant: Command = {
  group: 'user',
  action: 'grant',
  synopsis: '--email E --company ID --role administrator|user|guest',
  options: { email: str, company: str, role: str, json },
  async run(store, values) {
    const companyId = (await companyOf(store, values)).id;
    const parsedRole = roleSchema.safeParse(required(values, 'role'));
    if (!parsedRole.success) {
      throw new AppError('validation', '--role must be administrator, user or guest.');
    }
    const email = required(values, 'email');
    const member = await grant(store.db, companyId, { email }, { role: parsedRole.data });
    return { text: `${member.email} is now ${member.role} in company ${companyId}`, json: member };
  },
};

const reportTrialBalance: Command = {
  group: 'report',
  action: 'trial-balance',
  synopsis:
    '--company ID --from YYYY-MM-DD --to YYYY-MM-DD [--department ID] [--project ID] ' +
    '[--format csv|json]',
  options: { company: str, from: str, to: str, department: str, project: str, format: str, json },
  flags: { departmentId: 'department', projectId: 'project' },
  async run(store, values) {
    const company = await companyOf(store, values);
    const from = date(values, 'from');
    const to = date(values, 'to');
    if (from > to) throw new AppError('validation', '--from must not be after --to.');
    const format = values.format ?? (values.json ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json') {
      throw new AppError('validation', '--format must be csv or json.');
    }
    const filter = await dimensionFilter(store.db, company.id, {
      departmentId: wholeNumber(values, 'department'),
      projectId: wholeNumber(values, 'project'),
    });
    const language = 'nb' as const;
    const range = { from, to, startMonth: company.fiscal_year_start_month, language, filter };
    const rows = await trialBalance(store.db, company.id, range);
    if (format === 'json') return { text: JSON.stringify(rows), json: rows };
    const context = { language, company: company.name, producedAt: new Date(), filter };
    return { text: renderCsv(trialBalanceTable(rows, context, range)).trimEnd(), json: rows };
  },
};

async function companyOf(store: Store, values: Values) {
  const companyId = wholeNumber(values, 'company');
  if (companyId === undefined) throw new AppError('validation', '--company is required.');
  const company = await findCompany(store.db, companyId);
  if (!company) throw new AppError('not-found', `Unknown company ${companyId}.`);
  return company;
}

function date(values: Values, name: string): string {
  const value = required(values, name);
  if (!isIsoDate(value))
    throw new AppError('validation', `--${name} must be a date written YYYY-MM-DD.`);
  return value;
}

const auditVerify: Command = {
  group: 'audit',
  action: 'verify',
  synopsis: '--company ID',
  options: { company: str, json },
  async run(store, values) {
    const company = await companyOf(store, values);
    const check = await verifyAuditChain(store.db, company.id);
    if (!check.ok) {
      throw new AppError(
        'conflict',
        `The audit log is broken at entry ${check.brokenAt}: ${check.reason}.`,
      );
    }
    return {
      text: `The audit log of ${company.name} is intact: ${check.entries} entries.`,
      json: check,
    };
  },
};

const saftExport: Command = {
  group: 'saft',
  action: 'export',
  synopsis: '--company ID --from YYYY-MM-DD --to YYYY-MM-DD -o FILE|DIR',
  options: { company: str, from: str, to: str, output: { type: 'string', short: 'o' }, json },
  async run(store, values, progress) {
    const company = await companyOf(store, values);
    const from = date(values, 'from');
    const to = date(values, 'to');
    if (from > to) throw new AppError('validation', '--from must not be after --to.');
    const target = required(values, 'output');
    // Progress goes to stderr, so stdout stays the file name (or the JSON) alone.
    const onProgress = (n: number) => progress(`${n} vouchers written`);
    const options = { from, to, userName: os.userInfo().username, onProgress };
    const result = await exportSaftToFile(store.db, company.id, options, target);
    return { text: result.file, json: result };
  },
};

const saftImport: Command = {
  group: 'saft',
  action: 'import',
  synopsis: 'FILE [--company ID]',
  positional: 'file',
  options: { company: str, json },
  async run(store, values, progress) {
    const file = required(values, 'file');
    if (!fs.existsSync(file)) throw new AppError('validation', `There is no file ${file}.`);
    const companyId =
      values.company === undefined ? undefined : (await companyOf(store, values)).id;
    let shown = '';
    const report = await importSaft(store.db, {
      file,
      companyId,
      userId: null,
      onProgress: (p) => {
        const line =
          p.phase === 'reading'
            ? `reading ${Math.round((100 * p.done) / Math.max(p.total, 1))} %`
            : p.phase === 'importing'
              ? `${p.done} of ${p.total} transactions imported`
              : 'checking balances';
        if (line !== shown) progress(line);
        shown = line;
      },
    }).catch((error: unknown) => {
      // A fault in the file names the file, not a flag.
      if (error instanceof AppError && error.fields[0]?.field === 'file') {
        throw new AppError(error.code, `${file}: ${error.message}`);
      }
      throw error;
    });
    for (const line of importSummary(report)) progress(line);
    // stdout is the company id alone (or the JSON), so scripts can use it.
    return { text: String(report.companyId), json: { companyId: report.companyId, report } };
  },
};

export const commands: Command[] = [
  companyCreate,
  companyList,
  userCreate,
  userGrant,
  reportTrialBalance,
  auditVerify,
  saftExport,
  saftImport,
  vatReturnCommand,
  crmFunnelCommand,
  crmForecastCommand,
  stockListCommand,
  importItemsCommand,
  segmentsSnapshotCommand,
];
