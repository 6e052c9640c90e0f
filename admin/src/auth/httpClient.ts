import { fetchUtils, HttpError } from 'react-admin';
import { httpStatus, toAppError } from './apiError';
import { session, type TokenPair } from './session';

export const API_URL = '/api';

export type HttpResponse = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/** Calls that must never try a refresh: they are how a session starts, renews and ends. */
const SESSION_CALLS = ['/auth/login', '/auth/refresh', '/auth/logout', '/auth/password-reset'];

function isSessionCall(url: string): boolean {
  return SESSION_CALLS.some((path) => url.startsWith(`${API_URL}${path}`));
}

function withBearer(options: fetchUtils.Options): fetchUtils.Options {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.accessToken;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  else headers.delete('Authorization');
  return { ...options, headers };
}

/** A JSON call without the session (login, refresh, logout), with the API's errors translated. */
export async function postJson(url: string, body: unknown): Promise<HttpResponse> {
  try {
    return await fetchUtils.fetchJson(url, { method: 'POST', body: JSON.stringify(body) });
  } catch (error) {
    throw toAppError(error);
  }
}

let refreshing: Promise<HttpError | null> | null = null;
/** A refresh token the API has refused; never presented again (reuse would revoke the family). */
let refusedRefreshToken: string | null = null;

/**
 * Renews the token pair once, however many requests failed with 401 at the same moment: refresh
 * tokens are single-use, and presenting one twice makes the API revoke the whole session. Across
 * tabs the Web Locks API serialises the renewal, and a tab that waited finds the pair already
 * renewed by another. Resolves to null on success, or to the error that ended the session.
 */
function refreshSession(staleAccessToken: string | null): Promise<HttpError | null> {
  refreshing ??= withRefreshLock(async () => {
    if (session.accessToken && session.accessToken !== staleAccessToken) return null;
    const refreshToken = session.refreshToken;
    if (!refreshToken || refreshToken === refusedRefreshToken) {
      return new HttpError('errors.UNAUTHENTICATED', 401, { code: 'UNAUTHENTICATED' });
    }
    try {
      const { json } = await postJson(`${API_URL}/auth/refresh`, { refreshToken });
      session.save(json as TokenPair);
      return null;
    } catch (error) {
      if (httpStatus(error) === 401) refusedRefreshToken = refreshToken;
      return error instanceof HttpError ? error : new HttpError('errors.NETWORK', 0, { code: 'NETWORK' });
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  // Web Locks exist in secure contexts (https, localhost); elsewhere only one tab's requests are coalesced
  if (typeof navigator !== 'undefined' && navigator.locks) return await navigator.locks.request('lidz-admin-refresh', task);
  return await task();
}

/**
 * The HTTP client of the data provider and of every other API call: it adds the bearer token and,
 * when the API answers 401, renews the session once and repeats the request. When the renewal is
 * refused, its 401 goes on to react-admin, whose checkError logs the user out.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}): Promise<HttpResponse> {
  const usedAccessToken = session.accessToken;
  try {
    return await fetchUtils.fetchJson(url, withBearer(options));
  } catch (error) {
    if (httpStatus(error) !== 401 || isSessionCall(url) || !session.refreshToken) throw toAppError(error);
    // a refusal (401, e.g. AUTH_REFRESH_REUSED) reaches checkError, which logs out; a network or
    // server failure during the renewal is reported without ending the session
    const refreshError = await refreshSession(usedAccessToken);
    if (refreshError) throw refreshError;
  }
  try {
    return await fetchUtils.fetchJson(url, withBearer(options));
  } catch (error) {
    throw toAppError(error);
  }
}
