import type { CompanySummary } from '../api/types';

// The menu reads this file when the app starts, so it keeps to paths: what the screens need
// of the document chain itself is in kinds.ts, loaded with them.

/** The sales screens ("Salg"), in menu order. */
export const SALES_PATHS = {
  documents: '/sales/documents',
  groupInvoice: '/sales/group-invoice',
  reminders: '/sales/reminders',
  recurring: '/sales/recurring',
  subscriptions: '/sales/subscriptions',
  salespeople: '/sales/salespeople',
  salesVsBudget: '/sales/sales-vs-budget',
  currencyRates: '/sales/currency-rates',
  settings: '/sales/settings',
} as const;
export type SalesPage = keyof typeof SALES_PATHS;

/** The purchasing screens ("Innkjøp"). */
export const PURCHASING_PATHS = {
  documents: '/purchasing/documents',
  purchaseProposal: '/purchasing/purchase-proposal',
  remittanceProposal: '/purchasing/remittance-proposal',
} as const;
export type PurchasingPage = keyof typeof PURCHASING_PATHS;

/** Screens that only change things are left out of the menu for those who may only read. */
const WRITE_ONLY: readonly SalesPage[] = ['groupInvoice', 'reminders'];

export function salesPages(company: CompanySummary) {
  const writer = company.permissions.sales === 'write';
  return (Object.keys(SALES_PATHS) as SalesPage[])
    .filter((key) => writer || !WRITE_ONLY.includes(key))
    .map((key) => ({
      label: `sales.pages.${key}` as const,
      description: `sales.descriptions.${key}` as const,
      path: SALES_PATHS[key],
    }));
}

export function purchasingPages() {
  return (Object.keys(PURCHASING_PATHS) as PurchasingPage[]).map((key) => ({
    label: `sales.purchasingPages.${key}` as const,
    description: `sales.purchasingDescriptions.${key}` as const,
    path: PURCHASING_PATHS[key],
  }));
}
