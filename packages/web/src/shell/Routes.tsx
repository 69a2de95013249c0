import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { CompanySettingsPage } from '../companies/CompanySettingsPage';
import { NewCompanyPage } from '../companies/NewCompanyPage';
import { Loading } from '../ui/Loading';
import { ProfilePage } from '../users/ProfilePage';
import { UsersPage } from '../users/UsersPage';
import { NoAccessPage, NotAvailablePage, NotFoundPage } from './AreaPage';
import { areaPath, BUSINESS_AREAS, type BusinessArea, canSee, SETTINGS_PATHS } from './areas';
import { HomePage } from './HomePage';
import {
  AccountingArea,
  ContactsArea,
  CrmArea,
  InventoryArea,
  PurchasingArea,
  ReportsArea,
  SalesArea,
} from './lazyAreas';
import { navigate, usePath } from './router';

function areaScreens(area: BusinessArea, path: string) {
  switch (area) {
    case 'accounting':
      return <AccountingArea path={path} />;
    case 'reports':
      return <ReportsArea path={path} />;
    case 'inventory':
      return <InventoryArea path={path} />;
    case 'sales':
      return <SalesArea path={path} />;
    case 'purchasing':
      return <PurchasingArea path={path} />;
    case 'contacts':
      return <ContactsArea path={path} />;
    case 'crm':
      return <CrmArea path={path} />;
    default:
      return path === areaPath(area) ? <NotAvailablePage area={area} /> : <NotFoundPage />;
  }
}

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
    return <Suspense fallback={<Loading />}>{areaScreens(area, path)}</Suspense>;
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
