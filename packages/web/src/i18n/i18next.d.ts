import 'i18next';
import type { LegalMessages } from './legal.nb';
import type { Messages } from './nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & { legal: LegalMessages } };
  }
}
