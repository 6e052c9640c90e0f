import type { AuthProvider, UserIdentity } from 'react-admin';
import { canAccess } from '../access';
import { isAdminRole } from '../roles';
import { httpStatus } from './apiError';
import { API_URL, httpClient, postJson } from './httpClient';
import { session, type SessionUser, type TokenPair } from './session';

export interface AdminIdentity extends UserIdentity {
  fullName: string;
  email: string;
  role: SessionUser['role'];
  organisationId: string;
  organisationName: string;
  organisationKind: SessionUser['organisationKind'];
  locale: SessionUser['locale'];
}

function toIdentity(user: SessionUser): AdminIdentity {
  return { ...user, id: user.id, fullName: user.fullName };
}

/** Ends the session on the server too; a failure there must not keep anyone signed in here. */
async function revoke(refreshToken: string | null): Promise<void> {
  if (!refreshToken) return;
  try {
    await postJson(`${API_URL}/auth/logout`, { refreshToken });
  } catch {
    // the refresh token expires on its own; the local session is gone either way
  }
}

interface Credentials {
  email?: string;
  username?: string;
  password: string;
}

export const authProvider: AuthProvider = {
  async login({ email, username, password }: Credentials) {
    const { json } = await postJson(`${API_URL}/auth/login`, { email: (email ?? username ?? '').trim(), password });
    const pair = json as TokenPair;
    if (!isAdminRole(pair.user?.role)) {
      // a portal user: do not keep a session the back office cannot use
      await revoke(pair.refreshToken);
      throw new Error('auth.use_portal');
    }
    session.save(pair);
  },

  async logout() {
    const refreshToken = session.refreshToken;
    session.clear();
    await revoke(refreshToken);
  },

  async checkAuth() {
    // an expired access token is fine: the first request renews it with the refresh token
    if (!session.refreshToken || !isAdminRole(session.user?.role)) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: unknown) {
    const status = httpStatus(error);
    if (status === 401) {
      const message = error instanceof Error && error.message.startsWith('errors.AUTH_') ? error.message : 'ra.notification.logged_out';
      throw new Error(message);
    }
    // 403 and the rest: stay signed in, the page shows the error
  },

  async getIdentity() {
    try {
      const { json } = await httpClient(`${API_URL}/auth/me`);
      session.setUser(json as SessionUser);
      return toIdentity(json as SessionUser);
    } catch (error) {
      const stored = session.user;
      if (stored && httpStatus(error) !== 401) return toIdentity(stored);
      throw error;
    }
  },

  async getPermissions() {
    return session.user?.role;
  },

  async canAccess({ resource, action }) {
    return canAccess(session.user?.role, resource, action);
  },
};
