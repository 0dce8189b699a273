import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/settings/schema';
import * as common from './common';
import * as errors from './errors';
import * as taxonomy from './taxonomy';

// French is the source language; English must be complete (a unit test compares the key sets). The texts every
// screen uses live here; each feature brings its own namespace (renderer/app/features.ts passes them in).
export const coreResources = {
  fr: { common: common.fr, errors: errors.fr, taxonomy: taxonomy.fr },
  en: { common: common.en, errors: errors.en, taxonomy: taxonomy.en },
} as const;

export const defaultNS = 'common';

/** A feature's namespace: its name and its texts in both languages, and the texts of its core refusals. */
export interface Namespace {
  namespace: string;
  i18n: { fr: object; en: object };
  /** Filed under "errors:<namespace>.", where the core's message keys ("journal.dateInvalid") are looked up. */
  errors?: { fr: object; en: object };
}

/** The central namespaces plus each feature's: its own namespace, and its refusal texts inside "errors". */
export function assembleResources(namespaces: readonly Namespace[]) {
  const forLanguage = (lang: 'fr' | 'en') => ({
    ...coreResources[lang],
    errors: {
      ...coreResources[lang].errors,
      ...Object.fromEntries(namespaces.flatMap((n) => (n.errors ? [[n.namespace, n.errors[lang]]] : []))),
    },
    ...Object.fromEntries(namespaces.map((n) => [n.namespace, n.i18n[lang]])),
  });
  return { fr: forLanguage('fr'), en: forLanguage('en') };
}

export function initI18n(locale: Locale, namespaces: readonly Namespace[]) {
  const resources = assembleResources(namespaces);
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
  return i18next.t(key as never, {
    ns: 'errors',
    defaultValue: i18next.t('code.invalid_input', { ns: 'errors' }),
  }) as string;
}

/** Translates a key that carries its namespace ("journal:nav.journal"), as features declare them to the shell. */
export function translate(key: string): string {
  return i18next.t(key as never) as string;
}
