import { createContext, useContext } from 'react';
import type { Locale } from './locales';
import type { MessageKey, Params } from './translate';

export interface I18n {
  locale: Locale;
  /** Switches the language and remembers it on this device (the account is the auth context's job). */
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** For keys the API sends (`errors.<CODE>`, notification titles): `fallback` when the key is unknown. */
  tFrom: (key: string, fallback: MessageKey, params?: Params) => string;
  money: (cents: number) => string;
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
