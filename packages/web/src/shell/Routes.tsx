import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountingRoutes, ReportRoutes } from '../accounting/AccountingRoutes';
import { useSignedIn } from '../auth/session';
import { CompanySettingsPage } from '../companies/CompanySettingsPage';
import { NewCompanyPage } from '../companies/NewCompanyPage';
import { contactCrmRoute, contactsRoute } from '../contacts/ContactRoutes';
import { crmRoute } from '../crm/CrmRoutes';
import { InventoryRoutes } from '../inventory/InventoryRoutes';
import { ProfilePage } from '../users/ProfilePage';
import { UsersPage } from '../users/UsersPage';
import { NoAccessPage, NotAvailablePage, NotFoundPage } from './AreaPage';
import { areaPath, BUSINESS_AREAS, type BusinessArea, canSee, SETTINGS_PATHS } from './areas';
import { HomePage } from './HomePage';
import { navigate, usePath } from './router';

const isArea = (name: string): name is BusinessArea =>
  (BUSINESS_AREAS as readonly string[]).includes(name);

/** Picks the screen for the current address, refusing areas the user has no access to. */
export function Routes() {
  const path = usePath();
  const { t } = useTranslation();
  const { company } = useSignedIn();

  useEffect(() => {
    if (path === '/settings') navigate(SETTINGS_PATHS.company);
  }, [path]);

  const area = path.split('/')[1] ?? '';
  if (isArea(area)) {
    if (!canSee(company, area)) return <NoAccessPage title={t(`areas.${area}`)} />;
    if (area === 'accounting') return <AccountingRoutes path={path} />;
    if (area === 'reports') return <ReportRoutes path={path} />;
    if (area === 'inventory') return <InventoryRoutes path={path} />;
    const crmPage = area === 'crm' ? crmRoute(path) : null;
    if (crmPage) return crmPage;
    const contactPage =
      area === 'contacts' ? contactsRoute(path) : area === 'crm' ? contactCrmRoute(path) : null;
    if (contactPage) return contactPage;
    if (path === areaPath(area)) return <NotAvailablePage area={area} />;
    return <NotFoundPage />;
  }
  switch (path) {
    case '/':
    case '/settings':
      return <HomePage />;
    case SETTINGS_PATHS.company:
      if (!canSee(company, 'settings')) return <NoAccessPage title={t('areas.settings')} />;
      return <CompanySettingsPage />;
    case SETTINGS_PATHS.users:
      return <UsersPage />;
    case SETTINGS_PATHS.newCompany:
      return <NewCompanyPage />;
    case '/profile':
      return <ProfilePage />;
    default:
      return <NotFoundPage />;
  }
}
