import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/context';
import { useI18n } from '../i18n/context';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LanguageSelect } from './LanguageSelect';

/** The frame of every page: skip link, header (name, language, menu, sign out) and the main region. */
export function Layout() {
  const { t } = useI18n();
  const { user, logout } = useAuth();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const userHasActed = useRef(false);

  // Redirects while the app opens (e.g. / -> /login) must leave focus at the top of the document,
  // where a full page load would put it; only pages reached after the user did something move it.
  useEffect(() => {
    const acted = () => {
      userHasActed.current = true;
    };
    window.addEventListener('keydown', acted, { capture: true, once: true });
    window.addEventListener('pointerdown', acted, { capture: true, once: true });
    return () => {
      window.removeEventListener('keydown', acted, { capture: true });
      window.removeEventListener('pointerdown', acted, { capture: true });
    };
  }, []);

  // A new page is announced by moving focus to its title.
  useEffect(() => {
    if (!userHasActed.current) return;
    const frame = requestAnimationFrame(() => {
      const main = mainRef.current;
      (main?.querySelector<HTMLElement>('h1') ?? main)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <div className="header-row">
            <Link to="/" className="brand">
              {t('app.name')}
            </Link>
            <LanguageSelect />
          </div>
          {user && (
            <div className="header-row">
              <nav aria-label={t('layout.mainNav')}>
                <ul className="nav-list">
                  <li>
                    <NavLink to="/" end className="nav-link">
                      {t('layout.home')}
                    </NavLink>
                  </li>
                  <li>
                    {user.role === 'specialist' || user.role === 'provider_admin' ? (
                      <NavLink to="/scan" className="nav-link">
                        {t('visits.nav.scan')}
                      </NavLink>
                    ) : (
                      <NavLink to="/qr" className="nav-link">
                        {t('visits.nav.qr')}
                      </NavLink>
                    )}
                  </li>
                  <li>
                    <NavLink to="/settings" className="nav-link">
                      {t('layout.settings')}
                    </NavLink>
                  </li>
                </ul>
              </nav>
              <button type="button" className="button button-on-dark" onClick={() => void logout()}>
                {t('layout.logout')}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
