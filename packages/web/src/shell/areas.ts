import type { CompanySummary, Module, User } from '../api/types';
import { contactCrmPages, contactPages } from '../contacts/paths';
import { crmPages } from '../crm/paths';
import { inventoryPages } from '../inventory/paths';
import { legalPages } from '../legal/paths';
import { purchasingPages, salesPages } from '../sales/paths';

/** The business areas, in the order the menu shows them; settings comes last, on its own. */
export const BUSINESS_AREAS = [
  'contacts',
  'crm',
  'sales',
  'purchasing',
  'inventory',
  'accounting',
  'reports',
] as const satisfies readonly Module[];
export type BusinessArea = (typeof BUSINESS_AREAS)[number];

export const areaPath = (area: BusinessArea) => `/${area}`;

export const SETTINGS_PATHS = {
  company: '/settings/company',
  users: '/settings/users',
  newCompany: '/companies/new',
} as const;

export const ACCOUNTING_PATHS = {
  entry: '/accounting/entry',
  vouchers: '/accounting/vouchers',
  accounts: '/accounting/accounts',
  fiscalYears: '/accounting/fiscal-years',
  parties: '/accounting/parties',
  openItems: '/accounting/open-items',
  dimensions: '/accounting/dimensions',
  budget: '/accounting/budget',
} as const;

export const REPORT_PATHS = {
  trialBalance: '/reports/trial-balance',
  generalLedger: '/reports/general-ledger',
  incomeStatement: '/reports/income-statement',
  balanceSheet: '/reports/balance-sheet',
  vatSpecification: '/reports/vat-specification',
  customerLedger: '/reports/customer-ledger',
  agedOpenItems: '/reports/aged-open-items',
} as const;

export const voucherPath = (id: number) => `${ACCOUNTING_PATHS.vouchers}/${id}`;
export const correctVoucherPath = (id: number) => `${voucherPath(id)}/correct`;

export function canSee(company: CompanySummary, module: Module): boolean {
  return company.permissions[module] !== 'none';
}

export function canWrite(company: CompanySummary, module: Module): boolean {
  return company.permissions[module] === 'write';
}

export type AccountingPage = keyof typeof ACCOUNTING_PATHS;
export type ReportPage = keyof typeof REPORT_PATHS;

/** A screen's menu label and the line that says what it is for, as translation keys. */
function areaPage<A extends 'accounting' | 'reports', K extends string>(
  area: A,
  key: K,
  path: string,
) {
  return {
    label: `${area}.pages.${key}` as const,
    description: `${area}.descriptions.${key}` as const,
    path,
  };
}

/** The screens of an area that the menu lists under it, in menu order. */
export function areaPages(company: CompanySummary, area: BusinessArea) {
  if (!canSee(company, area)) return [];
  if (area === 'accounting') {
    const keys: AccountingPage[] = [
      'entry',
      'vouchers',
      'openItems',
      'parties',
      'accounts',
      'dimensions',
      'budget',
      'fiscalYears',
    ];
    // Entering vouchers is all the entry screen is for, so it is offered only to writers.
    const pages = keys
      .filter((key) => key !== 'entry' || canWrite(company, 'accounting'))
      .map((key) => areaPage('accounting', key, ACCOUNTING_PATHS[key]));
    return [...pages, ...legalPages(company, area)];
  }
  if (area === 'crm') return [...crmPages(company), ...contactCrmPages(company)];
  if (area === 'contacts') return contactPages(company);
  if (area === 'inventory') return inventoryPages(company);
  if (area === 'sales') return salesPages(company);
  if (area === 'purchasing') return purchasingPages();
  if (area === 'reports') {
    const keys = Object.keys(REPORT_PATHS) as ReportPage[];
    const pages = keys.map((key) => areaPage('reports', key, REPORT_PATHS[key]));
    return [...pages, ...legalPages(company, area)];
  }
  return [];
}

export function isAdministrator(company: CompanySummary): boolean {
  return company.role === 'administrator';
}

export function canManageUsers(company: CompanySummary): boolean {
  return isAdministrator(company);
}

/**
 * The settings pages this user has a use for, in menu order; none at all without access to
 * the settings area (an installation administrator still finds "new company" in the switcher).
 */
export function settingsPages(company: CompanySummary, user: User) {
  const pages: { key: keyof typeof SETTINGS_PATHS; path: string }[] = [];
  if (!canSee(company, 'settings')) return pages;
  pages.push({ key: 'company', path: SETTINGS_PATHS.company });
  if (canManageUsers(company)) pages.push({ key: 'users', path: SETTINGS_PATHS.users });
  if (user.isInstallationAdmin) {
    pages.push({ key: 'newCompany', path: SETTINGS_PATHS.newCompany });
  }
  return pages;
}
