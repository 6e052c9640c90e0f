import { readStored, STORAGE_KEYS, writeStored } from '../storage';

/**
 * The portal's only way to talk to the API (docs/api.md). It adds the access token, renews an expired
 * one once with the refresh token and repeats the request, ends the session when renewal is refused,
 * and turns every failure into an `ApiError` carrying the API's error body.
 */

/** The API's one error body. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  requestId?: string;
}

/** Codes the client itself produces when no error body could be read. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK' } as const;

export class ApiError extends Error {
  /** HTTP status; 0 when the API could not be reached at all. */
  readonly status: number;
  /** Stable code, e.g. AUTH_INVALID_CREDENTIALS; the UI shows the translation of `errors.<code>`. */
  readonly code: string;
  /** Field path -> validator key (`isEmail`, `minLength`…); the UI shows `validation.<key>` on that input. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, fieldErrors: Record<string, string> = {}, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
  }
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export function readTokens(): Tokens | null {
  const raw = readStored(STORAGE_KEYS.tokens);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Tokens).accessToken === 'string' &&
      typeof (parsed as Tokens).refreshToken === 'string'
    ) {
      return { accessToken: (parsed as Tokens).accessToken, refreshToken: (parsed as Tokens).refreshToken };
    }
  } catch {
    /* a damaged entry is the same as none */
  }
  return null;
}

export function saveTokens(tokens: Tokens): void {
  writeStored(STORAGE_KEYS.tokens, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
}

export function clearTokens(): void {
  writeStored(STORAGE_KEYS.tokens, null);
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Called when the API refuses the session (refresh failed); the auth context listens to log out. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function endSession(): void {
  clearTokens();
  for (const listener of sessionEndedListeners) listener();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** false for the public endpoints (login, refresh, password reset): no token, no renewal. */
  auth?: boolean;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const useAuth = options.auth ?? true;
  const tokens = useAuth ? readTokens() : null;
  let res = await send(path, options, tokens?.accessToken);

  if (res.status === 401 && useAuth && tokens) {
    const firstError = await toApiError(res);
    if (!(await renewSession(tokens.accessToken))) {
      endSession();
      throw firstError;
    }
    res = await send(path, options, readTokens()?.accessToken);
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && useAuth) endSession();
    throw error;
  }
  return (await readBody(res)) as T;
}

async function send(path: string, options: RequestOptions, accessToken: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `errors.${CLIENT_ERROR_CODES.network}`);
  }
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 205) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return text;
  return JSON.parse(text) as unknown;
}

/** The code a status stands for when the answer carried no error body (e.g. a proxy's 502 page). */
function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_REQUEST';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [field, key] of Object.entries(value)) if (typeof key === 'string') out[field] = key;
  return out;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = undefined;
  }
  const headerId = res.headers.get('X-Request-Id') ?? undefined;
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.code, body.message ?? `errors.${body.code}`, stringRecord(body.errors), body.requestId ?? headerId);
  }
  const code = codeForStatus(res.status);
  return new ApiError(res.status, code, `errors.${code}`, {}, headerId);
}

// ---- renewing the access token -------------------------------------------------------------------

/**
 * Refresh tokens are single-use and presenting a used one revokes the whole session, so renewals must
 * never race: requests in this tab share one renewal, and tabs take turns through a Web Lock. A caller
 * whose token was already replaced (by another request or tab) simply retries with the new one.
 */
let renewal: Promise<boolean> | null = null;

function renewSession(staleAccessToken: string): Promise<boolean> {
  renewal ??= withRenewalLock(() => exchangeRefreshToken(staleAccessToken)).finally(() => {
    renewal = null;
  });
  return renewal;
}

async function withRenewalLock(task: () => Promise<boolean>): Promise<boolean> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
    return await navigator.locks.request('lidz.portal.token-renewal', task);
  }
  return await task();
}

async function exchangeRefreshToken(staleAccessToken: string): Promise<boolean> {
  const current = readTokens();
  if (!current) return false;
  if (current.accessToken !== staleAccessToken) return true;
  const res = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken: current.refreshToken } }, undefined);
  if (res.ok) {
    const body = (await readBody(res)) as Partial<Tokens> | undefined;
    if (!body?.accessToken || !body.refreshToken) return false;
    saveTokens({ accessToken: body.accessToken, refreshToken: body.refreshToken });
    return true;
  }
  // an outage or a throttle is not a verdict on the session: report it and keep the tokens
  if (res.status >= 500 || res.status === 429) throw await toApiError(res);
  return false;
}
