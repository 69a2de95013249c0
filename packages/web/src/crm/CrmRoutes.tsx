import { CrmOverview } from './CrmOverview';
import { LeadBoardPage } from './LeadBoardPage';
import { LeadSettingsPage } from './LeadSettingsPage';
import { MailingPage } from './MailingPage';
import { OpportunitiesPage } from './OpportunitiesPage';
import { PipelinePage } from './PipelinePage';
import { CRM_PATHS } from './paths';
import { ReportsPage } from './ReportsPage';
import { SendingSettingsPage } from './SendingSettingsPage';

/** The lead and sales funnel screens under /crm; null for a path that is not one of them. */
export function crmRoute(path: string) {
  switch (path) {
    case '/crm':
      return <CrmOverview />;
    case CRM_PATHS.leads:
      return <LeadBoardPage />;
    case CRM_PATHS.opportunities:
      return <OpportunitiesPage />;
    case CRM_PATHS.pipeline:
      return <PipelinePage />;
    case CRM_PATHS.reports:
      return <ReportsPage />;
    case CRM_PATHS.mailing:
      return <MailingPage />;
    case CRM_PATHS.sendingSettings:
      return <SendingSettingsPage />;
    case CRM_PATHS.leadSettings:
      return <LeadSettingsPage />;
    default:
      return null;
  }
}
