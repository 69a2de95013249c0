import { LegalRoutes } from '../legal/LegalRoutes';
import { ACCOUNTING_PATHS, REPORT_PATHS } from '../shell/areas';
import { AreaOverview } from './AreaOverview';
import { BudgetPage } from './budget/BudgetPage';
import { ChartOfAccountsPage } from './chart/ChartOfAccountsPage';
import { DimensionsPage } from './dimensions/DimensionsPage';
import { VoucherEntryPage } from './entry/VoucherEntryPage';
import { FiscalYearsPage } from './periods/FiscalYearsPage';
import { AgedOpenItemsPage } from './reports/AgedOpenItemsPage';
import { CustomerLedgerPage } from './reports/CustomerLedgerPage';
import { GeneralLedgerPage } from './reports/GeneralLedgerPage';
import {
  BalanceSheetPage,
  IncomeStatementPage,
  VatSpecificationPage,
} from './reports/StatementPages';
import { TrialBalancePage } from './reports/TrialBalancePage';
import { OpenItemsPage } from './subledger/OpenItemsPage';
import { PartiesPage } from './subledger/PartiesPage';
import { VoucherDetailPage } from './vouchers/VoucherDetailPage';
import { VoucherListPage } from './vouchers/VoucherListPage';

/** The screens under /accounting; access to the area is checked before this. */
export function AccountingRoutes({ path }: { path: string }) {
  const voucher = /^\/accounting\/vouchers\/(\d+)(\/correct)?$/.exec(path);
  if (voucher) {
    const id = Number(voucher[1]);
    return voucher[2] ? (
      <VoucherEntryPage key={id} voucherId={id} />
    ) : (
      <VoucherDetailPage id={id} />
    );
  }
  switch (path) {
    case '/accounting':
      return <AreaOverview area="accounting" />;
    case ACCOUNTING_PATHS.entry:
      return <VoucherEntryPage />;
    case ACCOUNTING_PATHS.vouchers:
      return <VoucherListPage />;
    case ACCOUNTING_PATHS.accounts:
      return <ChartOfAccountsPage />;
    case ACCOUNTING_PATHS.fiscalYears:
      return <FiscalYearsPage />;
    case ACCOUNTING_PATHS.parties:
      return <PartiesPage />;
    case ACCOUNTING_PATHS.openItems:
      return <OpenItemsPage />;
    case ACCOUNTING_PATHS.dimensions:
      return <DimensionsPage />;
    case ACCOUNTING_PATHS.budget:
      return <BudgetPage />;
    default:
      return <LegalRoutes path={path} />;
  }
}

/** The screens under /reports. */
export function ReportRoutes({ path }: { path: string }) {
  switch (path) {
    case '/reports':
      return <AreaOverview area="reports" />;
    case REPORT_PATHS.trialBalance:
      return <TrialBalancePage />;
    case REPORT_PATHS.generalLedger:
      return <GeneralLedgerPage />;
    case REPORT_PATHS.incomeStatement:
      return <IncomeStatementPage />;
    case REPORT_PATHS.balanceSheet:
      return <BalanceSheetPage />;
    case REPORT_PATHS.vatSpecification:
      return <VatSpecificationPage />;
    case REPORT_PATHS.customerLedger:
      return <CustomerLedgerPage />;
    case REPORT_PATHS.agedOpenItems:
      return <AgedOpenItemsPage />;
    default:
      return <LegalRoutes path={path} />;
  }
}
