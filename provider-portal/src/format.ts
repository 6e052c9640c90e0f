import type { Locale } from './i18n/locales';

/**
 * The one place where money and dates become text. Amounts arrive as integer euro cents (API fields
 * named `*Cents`); dates are shown in Latvia's time zone whatever the device's setting, so a visit at
 * 23:30 in Riga never shows up on the next day.
 */
export const TIME_ZONE = 'Europe/Riga';

const INTL_LOCALE: Record<Locale, string> = { lv: 'lv-LV', en: 'en-GB' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale): Intl.NumberFormat {
  const key = `money:${locale}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'EUR' });
    cache.set(key, f);
  }
  return f;
}

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 'datetime' : 'date'}:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: withTime ? 'medium' : 'long',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
      timeZone: TIME_ZONE,
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * 123456 cents -> "1234,56 €" (lv) or "€1,234.56" (en). The amount is handed to Intl as a decimal
 * string, so no floating-point division ever touches money.
 */
export function formatMoney(cents: number, locale: Locale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('an amount must be a whole number of cents');
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const decimal = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return numberFormat(locale).format(decimal as `${number}`);
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026. gada 3. marts" / "3 March 2026"; an unreadable value is shown as an empty string. */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d ? dateFormat(locale, false).format(d) : '';
}

/** "2026. gada 3. marts 14:05" style, for moments such as when a notification arrived. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d ? dateFormat(locale, true).format(d) : '';
}

/** The machine-readable form for a <time dateTime> attribute. */
export function isoDateTime(value: string | Date): string {
  const d = toDate(value);
  return d ? d.toISOString() : '';
}
