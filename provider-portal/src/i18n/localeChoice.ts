import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { isLocale, type Locale } from './locales';

/** The language this device last showed, if any. */
export function rememberedLocale(): Locale | null {
  const stored = readStored(STORAGE_KEYS.locale);
  return isLocale(stored) ? stored : null;
}

export function rememberLocale(locale: Locale): void {
  writeStored(STORAGE_KEYS.locale, locale);
}

/**
 * Whether the device's language was picked by hand and not yet saved on an account (picked before
 * signing in, or while the API could not be reached). Such a choice is the newest wish and goes to
 * the account at the next sign-in; otherwise the account's language wins, so that on a shared device
 * each person gets their own.
 */
export function localeChoicePending(): boolean {
  return readStored(STORAGE_KEYS.localePending) === '1';
}

export function setLocaleChoicePending(pending: boolean): void {
  writeStored(STORAGE_KEYS.localePending, pending ? '1' : null);
}
