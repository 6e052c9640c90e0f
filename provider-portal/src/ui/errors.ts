import { ApiError } from '../api/client';
import type { I18n } from '../i18n/context';
import type { MessageKey } from '../i18n/translate';

/** The sentence for an error's code (`errors.<CODE>`), with a general one for codes we do not know. */
export function errorText(i18n: I18n, error: unknown): string {
  if (error instanceof ApiError) return i18n.tFrom(`errors.${error.code}`, 'errors.UNKNOWN');
  return i18n.t('errors.UNKNOWN');
}

/** A server fault is worth reporting; its request id lets support find it in the logs. */
export function supportReference(error: unknown): string | undefined {
  return error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
}

/**
 * The API's `errors` ({ field: validatorKey }) as sentences for the fields this form shows.
 * `specific` lets a form word a validator for one field more precisely (e.g. the password's length).
 */
export function fieldErrorTexts<F extends string>(
  i18n: I18n,
  error: unknown,
  fields: readonly F[],
  specific: Partial<Record<F, Partial<Record<string, string>>>> = {},
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const field of fields) {
    const key = error.fieldErrors[field];
    if (!key) continue;
    out[field] = specific[field]?.[key] ?? i18n.tFrom(`validation.${key}`, 'validation.invalid');
  }
  return out;
}

/** Whether the API named a field this form does not show — then only the general message can help. */
export function hasOtherFieldErrors(error: unknown, fields: readonly string[]): boolean {
  return error instanceof ApiError && Object.keys(error.fieldErrors).some((f) => !fields.includes(f));
}

export type { MessageKey };
