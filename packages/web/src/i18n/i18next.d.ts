import 'i18next';
import type { ContactsMessages } from './contacts.nb';
import type { CrmMessages } from './crm.nb';
import type { InventoryMessages } from './inventory.nb';
import type { LegalMessages } from './legal.nb';
import type { Messages } from './nb';
import type { SalesMessages } from './sales.nb';
import type { SalesProposalsMessages } from './sales-proposals.nb';
import type { SalesRecurringMessages } from './sales-recurring.nb';
import type { SalesRemindersMessages } from './sales-reminders.nb';
import type { SalesPeopleMessages } from './sales-salespeople.nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages & {
        legal: LegalMessages;
        crm: CrmMessages;
        contacts: ContactsMessages;
        inventory: InventoryMessages;
        sales: SalesMessages;
        salesReminders: SalesRemindersMessages;
        salesProposals: SalesProposalsMessages;
        salesRecurring: SalesRecurringMessages;
        salesPeople: SalesPeopleMessages;
      };
    };
  }
}
