/**
 * Every amount and date shown in the admin is formatted here, so that Latvian and English pages agree
 * and money is never formatted with floating-point arithmetic on the way (cents stay integers until
 * Intl gets them). Dates are shown in Riga time, where the platform's business days are.
 */
export const TIME_ZONE = 'Europe/Riga';

/** The Intl locale for a UI locale: Latvian formats for lv, British (day-first, 24-hour) for en. */
export function intlLocale(locale: string | undefined): string {
  return locale === 'en' ? 'en-GB' : 'lv-LV';
}

/** Integer euro cents as a euro amount, e.g. 1234567 → "12 345,67 €" (lv) or "€12,345.67" (en). */
export function formatCents(cents: number | null | undefined, locale?: string): string {
  if (cents == null || !Number.isFinite(cents)) return '';
  const sign = cents < 0 ? -1 : 1;
  const abs = Math.abs(Math.trunc(cents));
  // whole euros and the cent remainder are combined as a decimal string, not divided as a float
  const euros: `${number}` = `${sign < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR' }).format(euros);
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date, e.g. "2026. gada 23. nov." (lv) or "23 Nov 2026" (en). */
export function formatDate(value: string | number | Date | null | undefined, locale?: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(date) : '';
}

/** A moment, e.g. "23.11.2026, 14:05" style, in Riga time. */
export function formatDateTime(value: string | number | Date | null | undefined, locale?: string): string {
  const date = toDate(value);
  return date
    ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date)
    : '';
}
