// react-admin re-exports this very class from ra-core (its core, installed with it); importing it from
// there keeps this module free of the UI layer, so Jest can load it without a browser
import { HttpError } from 'ra-core';

/** The one error body of the API (docs/api.md, "Conventions"). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  requestId?: string;
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string';
}

/**
 * Turns whatever a request failed with into what react-admin shows well:
 * - an API error body becomes an HttpError whose message is the translation key `errors.<code>`
 *   and whose `body.errors` maps each field to `validation.<validatorKey>`, so forms put the
 *   server's verdict under the input;
 * - an error without the API body (a proxy's 502 page) gets a generic key;
 * - a request that never reached the server becomes `errors.NETWORK`;
 * - an aborted request is passed on untouched (react-query cancels those on purpose).
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof HttpError) {
    if (isApiErrorBody(error.body)) {
      const body = error.body;
      const errors = body.errors
        ? Object.fromEntries(Object.entries(body.errors).map(([field, key]) => [field, `validation.${key}`]))
        : undefined;
      return new HttpError(`errors.${body.code}`, error.status, { ...body, errors });
    }
    return new HttpError(error.status >= 500 ? 'errors.INTERNAL' : 'ra.notification.http_error', error.status, error.body);
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network or the server cannot be reached
    return new HttpError('errors.NETWORK', 0, { code: 'NETWORK' });
  }
  return error;
}

export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
