import { lazy, type ReactNode } from 'react';
import { NotAvailablePage, NotFoundPage } from './AreaPage';
import { areaPath, type BusinessArea } from './areas';

/**
 * Each business area's screens are a script of their own, loaded the first time the area
 * is opened, so signing in does not wait for every screen of every area.
 */

interface AreaProps {
  path: string;
}

/** An address in an area that none of its screens answers. */
function notAnswered(area: BusinessArea, path: string): ReactNode {
  return path === areaPath(area) ? <NotAvailablePage area={area} /> : <NotFoundPage />;
}

export const AccountingArea = lazy(async () => {
  const m = await import('../accounting/AccountingRoutes');
  return { default: ({ path }: AreaProps) => <m.AccountingRoutes path={path} /> };
});

export const ReportsArea = lazy(async () => {
  const m = await import('../accounting/AccountingRoutes');
  return { default: ({ path }: AreaProps) => <m.ReportRoutes path={path} /> };
});

export const InventoryArea = lazy(async () => {
  const m = await import('../inventory/InventoryRoutes');
  return { default: ({ path }: AreaProps) => <m.InventoryRoutes path={path} /> };
});

export const SalesArea = lazy(async () => {
  const m = await import('../sales/SalesRoutes');
  return { default: ({ path }: AreaProps) => <m.SalesRoutes path={path} /> };
});

/** Purchasing shares the document screens with sales, so both load from one script. */
export const PurchasingArea = lazy(async () => {
  const m = await import('../sales/SalesRoutes');
  return { default: ({ path }: AreaProps) => <m.PurchasingRoutes path={path} /> };
});

export const ContactsArea = lazy(async () => {
  const m = await import('../contacts/ContactRoutes');
  return {
    default: ({ path }: AreaProps) => m.contactsRoute(path) ?? notAnswered('contacts', path),
  };
});

/** The CRM area holds the funnels and mailing, and the contacts' calendar and segments. */
export const CrmArea = lazy(async () => {
  const [crm, contacts] = await Promise.all([
    import('../crm/CrmRoutes'),
    import('../contacts/ContactRoutes'),
  ]);
  return {
    default: ({ path }: AreaProps) =>
      crm.crmRoute(path) ?? contacts.contactCrmRoute(path) ?? notAnswered('crm', path),
  };
});
