import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contract';
import * as common from './common';
import * as errors from './errors';
import * as taxonomy from './taxonomy';
import * as site from '../features/site/i18n';
import * as journal from '../features/journal/i18n';
import * as transfer from '../features/transfer/i18n';

// French is the source language; English must be complete (a unit test compares the key sets).
export const resources = {
  fr: { common: common.fr, errors: errors.fr, taxonomy: taxonomy.fr, site: site.fr, journal: journal.fr, transfer: transfer.fr },
  en: { common: common.en, errors: errors.en, taxonomy: taxonomy.en, site: site.en, journal: journal.en, transfer: transfer.en },
} as const;

export const defaultNS = 'common';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['fr'];
  }
}

export function initI18n(locale: Locale = 'fr') {
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'fr',
    defaultNS,
    ns: Object.keys(resources.fr),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function setLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** Translates an error key sent by the core ("journal.dateInvalid", "invalid.too_big", "code.internal"). */
export function errorText(key: string): string {
  return i18next.t(key as never, { ns: 'errors', defaultValue: i18next.t('code.invalid_input', { ns: 'errors' }) }) as string;
}
