import { CalendarPage } from './CalendarPage';
import { ContactCardPage } from './ContactCardPage';
import { ContactFormPage } from './ContactFormPage';
import { ContactListPage } from './ContactListPage';
import { CONTACT_CRM_PATHS, CONTACT_PATHS } from './paths';
import { SegmentsPage } from './SegmentsPage';

/** The contact register's screens under /contacts; null for a path that is not one of them. */
export function contactsRoute(path: string) {
  // Keyed by path so that choosing the register in the menu from /contacts mounts it afresh
  // and puts the keyboard in its search field.
  if (path === '/contacts' || path === CONTACT_PATHS.list) return <ContactListPage key={path} />;
  if (path === CONTACT_PATHS.newContact) return <ContactFormPage id={null} />;
  const edit = /^\/contacts\/(\d+)\/edit$/.exec(path);
  if (edit) return <ContactFormPage id={Number(edit[1])} />;
  const card = /^\/contacts\/(\d+)$/.exec(path);
  if (card) return <ContactCardPage id={Number(card[1])} />;
  return null;
}

/** The calendar and segment screens under /crm; null for other paths. */
export function contactCrmRoute(path: string) {
  if (path === CONTACT_CRM_PATHS.calendar) return <CalendarPage />;
  if (path === CONTACT_CRM_PATHS.segments) return <SegmentsPage />;
  return null;
}
