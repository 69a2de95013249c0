import { useSignedIn } from '../auth/session';
import { NotFoundPage } from '../shell/AreaPage';
import { canWrite } from '../shell/areas';
import { CurrencyRatesPage } from './CurrencyRatesPage';
import { DocumentEditorPage } from './DocumentEditorPage';
import { DocumentListPage } from './DocumentListPage';
import { DocumentViewPage } from './DocumentViewPage';
import { GroupInvoicePage } from './GroupInvoicePage';
import { PurchaseProposalPage } from './PurchaseProposalPage';
import { PURCHASING_PATHS, SALES_PATHS } from './paths';
import { RecurringEditorPage } from './RecurringEditorPage';
import { RecurringPage } from './RecurringPage';
import { RemindersPage } from './RemindersPage';
import { RemittanceProposalPage } from './RemittanceProposalPage';
import { SalespeoplePage } from './SalespeoplePage';
import { SalesSettingsPage } from './SalesSettingsPage';
import { SalesVsBudgetPage } from './SalesVsBudgetPage';
import { SubscriptionsPage } from './SubscriptionsPage';
import type { Side } from './types';

/** The document screens of one side, under /sales/documents or /purchasing/documents. */
function documentRoute(side: Side, root: string, path: string, writer: boolean) {
  if (path === root || path === `${root}/documents`) return <DocumentListPage side={side} />;
  if (path === `${root}/documents/new`)
    return writer ? <DocumentEditorPage side={side} documentId={null} /> : <NotFoundPage />;
  const match = new RegExp(`^${root}/documents/(\\d+)(/edit)?$`).exec(path);
  if (!match) return null;
  const id = Number(match[1]);
  if (match[2])
    return writer ? <DocumentEditorPage side={side} documentId={id} /> : <NotFoundPage />;
  return <DocumentViewPage side={side} documentId={id} />;
}

/** The sales area ("Salg"); the area page itself opens the list of sales documents. */
export function SalesRoutes({ path }: { path: string }) {
  const { company } = useSignedIn();
  const writer = canWrite(company, 'sales');
  const documents = documentRoute('sales', '/sales', path, writer);
  if (documents) return documents;
  const recurring = new RegExp(`^${SALES_PATHS.recurring}/(new|\\d+)$`).exec(path);
  if (recurring) {
    const id = recurring[1] === 'new' ? null : Number(recurring[1]);
    return writer ? <RecurringEditorPage recurringId={id} /> : <NotFoundPage />;
  }
  switch (path) {
    case SALES_PATHS.groupInvoice:
      return writer ? <GroupInvoicePage /> : <NotFoundPage />;
    case SALES_PATHS.reminders:
      return writer ? <RemindersPage /> : <NotFoundPage />;
    case SALES_PATHS.recurring:
      return <RecurringPage />;
    case SALES_PATHS.subscriptions:
      return <SubscriptionsPage />;
    case SALES_PATHS.salespeople:
      return <SalespeoplePage />;
    case SALES_PATHS.salesVsBudget:
      return <SalesVsBudgetPage />;
    case SALES_PATHS.currencyRates:
      return <CurrencyRatesPage />;
    case SALES_PATHS.settings:
      return <SalesSettingsPage />;
    default:
      return <NotFoundPage />;
  }
}

/** The purchasing area ("Innkjøp"): purchase orders, goods receipts, bills and their payments. */
export function PurchasingRoutes({ path }: { path: string }) {
  const { company } = useSignedIn();
  if (path === PURCHASING_PATHS.purchaseProposal) return <PurchaseProposalPage />;
  if (path === PURCHASING_PATHS.remittanceProposal) return <RemittanceProposalPage />;
  return (
    documentRoute('purchase', '/purchasing', path, canWrite(company, 'purchasing')) ?? (
      <NotFoundPage />
    )
  );
}
