import type { Locale } from '../i18n/locales';
import type { Role } from '../roles';
import { apiRequest } from './client';

/** The identity endpoints of docs/api.md. */

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  locale: Locale;
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export function postLogin(email: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password }, auth: false });
}

/** Revokes the refresh token's session on the server; the caller forgets the tokens itself. */
export function postLogout(refreshToken: string): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST', body: { refreshToken }, auth: false });
}

export function getMe(signal?: AbortSignal): Promise<SessionUser> {
  return apiRequest<SessionUser>('/api/auth/me', { signal });
}

export function patchMyLocale(locale: Locale): Promise<SessionUser> {
  return apiRequest<SessionUser>('/api/auth/me', { method: 'PATCH', body: { locale } });
}

/** Always answers 202, whether or not the account exists (no account probing). */
export function requestPasswordReset(email: string): Promise<void> {
  return apiRequest<void>('/api/auth/password-reset/request', { method: 'POST', body: { email }, auth: false });
}

export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return apiRequest<void>('/api/auth/password-reset/confirm', { method: 'POST', body: { token, password }, auth: false });
}
