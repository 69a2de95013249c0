import 'i18next';
import type { ContactsMessages } from './contacts.nb';
import type { CrmMessages } from './crm.nb';
import type { InventoryMessages } from './inventory.nb';
import type { LegalMessages } from './legal.nb';
import type { Messages } from './nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages & {
        legal: LegalMessages;
        crm: CrmMessages;
        contacts: ContactsMessages;
        inventory: InventoryMessages;
      };
    };
  }
}
