import type { Kysely } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { CompanyRow, CompanyUpdate, Database, Flag } from '../../db/schema';
import { AppError } from '../../errors';
import { setUpLedger } from '../accounting/ledger-setup.service';
import {
  type Company,
  type CompanyChanges,
  type CompanySummary,
  type NewCompany,
  newCompanySchema,
} from './company.schemas';
import { findCompany, insertCompany, listCompaniesOfUser, updateCompany } from './company.store';
import { saveMembership } from './member.store';
import {
  defaultPermissions,
  effectivePermissions,
  parsePermissions,
  type Role,
} from './permissions';

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    orgNumber: row.org_number,
    vatRegistered: row.vat_registered === 1,
    visitAddress: {
      street: row.visit_street,
      postalCode: row.visit_postal_code,
      city: row.visit_city,
      country: row.visit_country,
    },
    postalAddress: {
      street: row.postal_street,
      postalCode: row.postal_postal_code,
      city: row.postal_city,
      country: row.postal_country,
    },
    bankAccount: row.bank_account,
    fiscalYearStartMonth: row.fiscal_year_start_month,
    baseCurrency: 'NOK',
    documentLanguage: row.document_language === 'en' ? 'en' : 'nb',
    email: row.email,
    phone: row.phone,
    logo: row.logo,
    licenceMaxUsers: row.licence_max_users,
    allowVoucherChanges: row.allow_voucher_changes === 1,
  };
}

/**
 * Creates a company and makes its creator the administrator, in one transaction.
 * Input is parsed here too, so the CLI and the API apply the same rules.
 */
export async function createCompany(
  db: Kysely<Database>,
  input: NewCompany,
  creatorUserId: number | null,
): Promise<Company> {
  const data = newCompanySchema.parse(input);
  return inTransaction(db, async (trx) => {
    const row = await insertCompany(trx, {
      name: data.name,
      org_number: data.orgNumber,
      vat_registered: (data.vatRegistered ? 1 : 0) as Flag,
      fiscal_year_start_month: data.fiscalYearStartMonth ?? 1,
      created_at: now(),
    });
    const today = new Date().toISOString().slice(0, 10);
    await setUpLedger(trx, row.id, row.fiscal_year_start_month, today);
    if (creatorUserId !== null) {
      const permissions = JSON.stringify(defaultPermissions('administrator'));
      await saveMembership(trx, row.id, creatorUserId, 'administrator', permissions);
    }
    return toCompany(row);
  });
}

export async function getCompany(db: Kysely<Database>, id: number): Promise<Company> {
  const row = await findCompany(db, id);
  if (!row) throw new AppError('not-found', `Company ${id} does not exist.`);
  return toCompany(row);
}

export async function changeCompany(
  db: Kysely<Database>,
  id: number,
  changes: CompanyChanges,
): Promise<Company> {
  const row = await updateCompany(db, id, toRowChanges(changes));
  if (!row) throw new AppError('not-found', `Company ${id} does not exist.`);
  return toCompany(row);
}

function toRowChanges(c: CompanyChanges): CompanyUpdate {
  const row: CompanyUpdate = {
    name: c.name,
    org_number: c.orgNumber,
    vat_registered: c.vatRegistered === undefined ? undefined : c.vatRegistered ? 1 : 0,
    bank_account: c.bankAccount,
    fiscal_year_start_month: c.fiscalYearStartMonth,
    document_language: c.documentLanguage,
    email: c.email,
    phone: c.phone,
    logo: c.logo,
    licence_max_users: c.licenceMaxUsers,
    allow_voucher_changes:
      c.allowVoucherChanges === undefined ? undefined : c.allowVoucherChanges ? 1 : 0,
  };
  for (const kind of ['visit', 'postal'] as const) {
    const address = kind === 'visit' ? c.visitAddress : c.postalAddress;
    if (!address) continue;
    row[`${kind}_street`] = address.street;
    row[`${kind}_postal_code`] = address.postalCode;
    row[`${kind}_city`] = address.city;
    row[`${kind}_country`] = address.country;
  }
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

export async function companiesOfUser(
  db: Kysely<Database>,
  userId: number,
): Promise<CompanySummary[]> {
  const rows = await listCompaniesOfUser(db, userId);
  return rows.map((r) => {
    const role = r.role as Role;
    return {
      id: r.id,
      name: r.name,
      orgNumber: r.org_number,
      role,
      permissions: effectivePermissions(role, parsePermissions(r.permissions)),
    };
  });
}
