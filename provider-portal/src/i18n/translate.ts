import { en } from './en';
import { lv, type MessageKey } from './lv';
import type { Locale } from './locales';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;

export const dictionaries: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { lv, en };

/** Keys that arrive from the API (error codes, notification titles) are checked before use. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(lv, key);
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible so the gap is noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale][key], params);
}
