import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getMe, patchMyLocale, postLogin, postLogout, type SessionUser } from '../api/auth';
import { ApiError, clearTokens, onSessionEnded, readTokens, saveTokens } from '../api/client';
import { useI18n } from '../i18n/context';
import { localeChoicePending, setLocaleChoicePending } from '../i18n/localeChoice';
import type { Locale } from '../i18n/locales';
import { isPortalRole } from '../roles';
import { STORAGE_KEYS } from '../storage';
import { AuthContext, type Auth, type AuthState, type LoginOutcome, type PortalUser } from './context';

function asPortalUser(user: SessionUser): PortalUser | null {
  return isPortalRole(user.role) ? (user as PortalUser) : null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [state, setState] = useState<AuthState>(() => (readTokens() ? { status: 'checking' } : { status: 'signed-out' }));
  const [checkRound, setCheckRound] = useState(0);
  const signedIn = state.status === 'signed-in';

  // read through a ref so that the session callbacks need not change with the language
  const localeRef = useRef(locale);
  useEffect(() => {
    localeRef.current = locale;
  }, [locale]);

  /** Stores a language on the account; until that succeeds the device keeps it as a pending choice. */
  const saveAccountLocale = useCallback((next: Locale) => {
    patchMyLocale(next)
      .then((me) => {
        setLocaleChoicePending(false);
        const user = asPortalUser(me);
        if (user) setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', user } : s));
      })
      .catch(() => setLocaleChoicePending(true));
  }, []);

  /** On signing in: a language picked by hand before goes to the account; otherwise the account's is used. */
  const syncLocale = useCallback(
    (user: SessionUser) => {
      const shown = localeRef.current;
      if (!localeChoicePending()) {
        if (user.locale !== shown) setLocale(user.locale);
      } else if (user.locale !== shown) {
        saveAccountLocale(shown);
      } else {
        setLocaleChoicePending(false);
      }
    },
    [setLocale, saveAccountLocale],
  );

  // restore a stored session once on start (and again when asked after a failure)
  useEffect(() => {
    if (!readTokens()) return;
    const controller = new AbortController();
    getMe(controller.signal)
      .then((me) => {
        const user = asPortalUser(me);
        if (!user) {
          clearTokens();
          setState({ status: 'signed-out' });
          return;
        }
        setState({ status: 'signed-in', user });
        syncLocale(user);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError && e.status !== 0 && e.status < 500 && e.status !== 429) {
          clearTokens();
          setState({ status: 'signed-out', reason: 'expired' });
        } else {
          setState({ status: 'unreachable', error: e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'errors.UNKNOWN') });
        }
      });
    return () => controller.abort();
  }, [checkRound, syncLocale]);

  // the API refused to renew the session, or another tab signed out
  useEffect(() => {
    const expire = () => setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : s));
    const stopListening = onSessionEnded(expire);
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEYS.tokens && e.newValue === null) expire();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      stopListening();
      window.removeEventListener('storage', onStorage);
    };
  }, []);

  const login = useCallback(
    async (email: string, password: string): Promise<LoginOutcome> => {
      const answer = await postLogin(email, password);
      const user = asPortalUser(answer.user);
      if (!user) {
        // nothing of an admin session stays in the portal
        void postLogout(answer.refreshToken).catch(() => undefined);
        return 'admin-role';
      }
      saveTokens(answer);
      setState({ status: 'signed-in', user });
      syncLocale(user);
      return 'signed-in';
    },
    [syncLocale],
  );

  const logout = useCallback(async () => {
    const tokens = readTokens();
    clearTokens();
    setState({ status: 'signed-out', reason: 'logged-out' });
    if (tokens) await postLogout(tokens.refreshToken).catch(() => undefined);
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (signedIn) saveAccountLocale(next);
      else setLocaleChoicePending(true);
    },
    [setLocale, signedIn, saveAccountLocale],
  );

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setCheckRound((n) => n + 1);
  }, []);

  const value = useMemo<Auth>(
    () => ({ state, user: state.status === 'signed-in' ? state.user : null, login, logout, changeLocale, recheck }),
    [state, login, logout, changeLocale, recheck],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
