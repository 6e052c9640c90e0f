import type { OrganisationKind, Role } from '../roles';

/** The signed-in user as the API describes it (`user` in docs/api.md). */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  locale: 'lv' | 'en';
}

/** The answer of POST /api/auth/login and /api/auth/refresh. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
  user?: SessionUser;
}

const ACCESS_TOKEN = 'lidz.admin.accessToken';
const REFRESH_TOKEN = 'lidz.admin.refreshToken';
const USER = 'lidz.admin.user';

/**
 * The session lives in localStorage so that it survives a reload and is shared by the tabs of the
 * admin. Only this module touches those keys.
 */
export const session = {
  get accessToken(): string | null {
    return localStorage.getItem(ACCESS_TOKEN);
  },
  get refreshToken(): string | null {
    return localStorage.getItem(REFRESH_TOKEN);
  },
  get user(): SessionUser | null {
    const raw = localStorage.getItem(USER);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },
  save(pair: TokenPair): void {
    localStorage.setItem(ACCESS_TOKEN, pair.accessToken);
    localStorage.setItem(REFRESH_TOKEN, pair.refreshToken);
    if (pair.user) this.setUser(pair.user);
  },
  setUser(user: SessionUser): void {
    localStorage.setItem(USER, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(ACCESS_TOKEN);
    localStorage.removeItem(REFRESH_TOKEN);
    localStorage.removeItem(USER);
  },
};
