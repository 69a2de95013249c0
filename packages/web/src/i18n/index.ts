import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types';
import { contactsEn } from './contacts.en';
import { contactsNb } from './contacts.nb';
import { crmEn } from './crm.en';
import { crmNb } from './crm.nb';
import { en } from './en';
import { inventoryEn } from './inventory.en';
import { inventoryNb } from './inventory.nb';
import { legalEn } from './legal.en';
import { legalNb } from './legal.nb';
import { nb } from './nb';
import { salesEn } from './sales.en';
import { salesNb } from './sales.nb';
import { salesProposalsEn } from './sales-proposals.en';
import { salesProposalsNb } from './sales-proposals.nb';
import { salesRecurringEn } from './sales-recurring.en';
import { salesRecurringNb } from './sales-recurring.nb';
import { salesRemindersEn } from './sales-reminders.en';
import { salesRemindersNb } from './sales-reminders.nb';
import { salesPeopleEn } from './sales-salespeople.en';
import { salesPeopleNb } from './sales-salespeople.nb';

export const resources = {
  // The legal-output screens keep their texts in files of their own, under `legal`.
  nb: {
    translation: {
      ...nb,
      legal: legalNb,
      crm: crmNb,
      contacts: contactsNb,
      inventory: inventoryNb,
      sales: salesNb,
      salesReminders: salesRemindersNb,
      salesProposals: salesProposalsNb,
      salesRecurring: salesRecurringNb,
      salesPeople: salesPeopleNb,
    },
  },
  en: {
    translation: {
      ...en,
      legal: legalEn,
      crm: crmEn,
      contacts: contactsEn,
      inventory: inventoryEn,
      sales: salesEn,
      salesReminders: salesRemindersEn,
      salesProposals: salesProposalsEn,
      salesRecurring: salesRecurringEn,
      salesPeople: salesPeopleEn,
    },
  },
} as const;

/** Before anyone logs in, follow the browser: English if it asks for English, else bokmål. */
export function browserLanguage(languages: readonly string[] = navigator.languages): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nb' || primary === 'no' || primary === 'nn') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}

export function setupI18n(language: Language = browserLanguage()) {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nb',
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nb';
}

export function changeLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
}
