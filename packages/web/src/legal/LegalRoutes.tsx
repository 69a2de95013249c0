import { useSignedIn } from '../auth/session';
import { NotFoundPage } from '../shell/AreaPage';
import { NaeringPage } from './NaeringPage';
import { PayrollImportPage } from './PayrollImportPage';
import { LEGAL_PATHS } from './paths';
import { SaftImportPage } from './SaftImportPage';
import { SaftPage } from './SaftPage';
import { VatReturnPage } from './VatReturnPage';

/** The legal screens; the area routes hand over the paths they do not know themselves. */
export function LegalRoutes({ path }: { path: string }) {
  const { company } = useSignedIn();
  switch (path) {
    case LEGAL_PATHS.vatReturn:
      return <VatReturnPage />;
    // Those who may only read the ledger have no use for a screen that only posts.
    case LEGAL_PATHS.payrollImport:
      return company.permissions.accounting === 'write' ? <PayrollImportPage /> : <NotFoundPage />;
    case LEGAL_PATHS.naering:
      return <NaeringPage />;
    case LEGAL_PATHS.saft:
      return <SaftPage />;
    case LEGAL_PATHS.saftImport:
      return company.role === 'administrator' ? <SaftImportPage /> : <NotFoundPage />;
    default:
      return <NotFoundPage />;
  }
}
