import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { I18nContext, type I18n } from './context';
import { rememberedLocale, rememberLocale } from './localeChoice';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { isMessageKey, translate } from './translate';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => rememberedLocale() ?? DEFAULT_LOCALE);

  // screen readers pick their voice from <html lang>
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tFrom: (key, fallback, params) => translate(locale, isMessageKey(key) ? key : fallback, params),
      money: (cents) => formatMoney(cents, locale),
      date: (value) => formatDate(value, locale),
      dateTime: (value) => formatDateTime(value, locale),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
