import { createContext, useContext } from 'react';
import type { ApiError } from '../api/client';
import type { SessionUser } from '../api/auth';
import type { Locale } from '../i18n/locales';
import type { PortalRole } from '../roles';

export type PortalUser = SessionUser & { role: PortalRole };

/** Why nobody is signed in, when the login page should say so. */
export type SignedOutReason = 'expired' | 'logged-out';

export type AuthState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: SignedOutReason }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signed-in'; user: PortalUser };

/** `admin-role`: the credentials were right, but the role belongs to the back office at /admin/. */
export type LoginOutcome = 'signed-in' | 'admin-role';

export interface Auth {
  state: AuthState;
  user: PortalUser | null;
  /** Throws `ApiError` for wrong credentials, a locked account, throttling… */
  login: (email: string, password: string) => Promise<LoginOutcome>;
  logout: () => Promise<void>;
  /** Changes the interface language and, when signed in, stores it on the account. */
  changeLocale: (locale: Locale) => void;
  /** Checks the stored session again after the API could not be reached. */
  recheck: () => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
