import type { CompanySummary } from '../api/types';

/**
 * The legal-output screens: two under Regnskap (they post vouchers), the rest under
 * Rapporter. The SAF-T import fills a whole company, so only its administrators see it.
 */
export const LEGAL_PATHS = {
  vatReturn: '/accounting/vat-return',
  payrollImport: '/accounting/payroll-import',
  naering: '/reports/naeringsspesifikasjon',
  saft: '/reports/saft',
  saftImport: '/reports/saft-import',
} as const;
export type LegalPage = keyof typeof LEGAL_PATHS;

const IN_AREA: Record<'accounting' | 'reports', readonly LegalPage[]> = {
  accounting: ['vatReturn', 'payrollImport'],
  reports: ['naering', 'saft', 'saftImport'],
};

/**
 * The legal screens the menu lists under an area. The payroll import does nothing but post,
 * so only those who may write to the ledger are offered it; the area itself is checked by
 * the caller.
 */
export function legalPages(company: CompanySummary, area: string) {
  if (area !== 'accounting' && area !== 'reports') return [];
  const writer = company.permissions.accounting === 'write';
  const administrator = company.role === 'administrator';
  return IN_AREA[area]
    .filter((key) => key !== 'payrollImport' || writer)
    .filter((key) => key !== 'saftImport' || administrator)
    .map((key) => ({
      label: `legal.pages.${key}` as const,
      description: `legal.descriptions.${key}` as const,
      path: LEGAL_PATHS[key],
    }));
}
