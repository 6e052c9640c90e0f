import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { LOCALES, type AppLocale } from '../roles';
import { en } from './en';
import { lv } from './lv';
import { pluralRules } from './plural';

export { en, lv };
export const messages: Record<AppLocale, TranslationMessages> = { lv, en };

export const DEFAULT_LOCALE: AppLocale = 'lv';
const REMEMBERED_LOCALE = 'lidz.admin.locale';

function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language chosen last, kept apart from react-admin's store because the store is reset at
 * logout and the next person at the same desk most likely reads the same language.
 */
function rememberedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(REMEMBERED_LOCALE);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(REMEMBERED_LOCALE, locale);
  } catch {
    // private mode: the choice lasts for this visit only
  }
  document.documentElement.lang = locale;
}

const initialLocale = rememberedLocale();

export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    // called with the initial locale at start and with each newly chosen one
    const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
    applyLocale(chosen);
    return messages[chosen];
  },
  initialLocale,
  [
    { locale: 'lv', name: 'Latviešu' },
    { locale: 'en', name: 'English' },
  ],
  { pluralRules },
);
