import type { CompanySummary, Module, User } from '../api/types';

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

export function canSee(company: CompanySummary, module: Module): boolean {
  return company.permissions[module] !== 'none';
}

export function canManageUsers(company: CompanySummary): boolean {
  return company.role === 'administrator';
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
