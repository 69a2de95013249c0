import type { CompanySummary } from '../api/types';

export const CONTACT_PATHS = {
  list: '/contacts/register',
  newContact: '/contacts/new',
} as const;

/** The calendar and segments are CRM screens but belong to the contact register's module. */
export const CONTACT_CRM_PATHS = {
  calendar: '/crm/calendar',
  segments: '/crm/segments',
} as const;

export const contactPath = (id: number) => `/contacts/${id}`;
export const editContactPath = (id: number) => `/contacts/${id}/edit`;

/** The contact register's screens the menu lists under Kontakter. */
export function contactPages(_company: CompanySummary) {
  return [
    {
      label: 'contacts.pages.list' as const,
      description: 'contacts.descriptions.list' as const,
      path: CONTACT_PATHS.list,
    },
  ];
}

/** The calendar and segments, listed under CRM after the funnel screens. */
export function contactCrmPages(_company: CompanySummary) {
  const keys: (keyof typeof CONTACT_CRM_PATHS)[] = ['calendar', 'segments'];
  return keys.map((key) => ({
    label: `contacts.pages.${key}` as const,
    description: `contacts.descriptions.${key}` as const,
    path: CONTACT_CRM_PATHS[key],
  }));
}
