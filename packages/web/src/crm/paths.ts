import type { CompanySummary } from '../api/types';

/** The CRM screens of the lead and sales funnels, reports and mailings. */
export const CRM_PATHS = {
  leads: '/crm/leads',
  opportunities: '/crm/opportunities',
  pipeline: '/crm/pipeline',
  reports: '/crm/reports',
  mailing: '/crm/mailing',
  leadSettings: '/crm/lead-settings',
  sendingSettings: '/crm/sending-settings',
} as const;
export type CrmPage = keyof typeof CRM_PATHS;

/** Settings and sending are for those who may write; SMTP/SMS settings are saved by administrators. */
const PAGES: readonly CrmPage[] = [
  'leads',
  'opportunities',
  'pipeline',
  'reports',
  'mailing',
  'leadSettings',
  'sendingSettings',
];
const WRITERS_ONLY: readonly CrmPage[] = ['leadSettings', 'sendingSettings', 'mailing'];

/** The funnel screens the menu lists under CRM; access to the area is checked by the caller. */
export function crmPages(company: CompanySummary) {
  const writer = company.permissions.crm === 'write';
  const administrator = company.role === 'administrator';
  return PAGES.filter((key) => writer || !WRITERS_ONLY.includes(key))
    .filter((key) => key !== 'sendingSettings' || administrator)
    .map((key) => ({
      label: `crm.pages.${key}` as const,
      description: `crm.descriptions.${key}` as const,
      path: CRM_PATHS[key],
    }));
}
