import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { useAuth } from './context';

/** Pages behind this need a signed-in portal user; others are sent to the login page and brought back. */
export function RequireAuth() {
  const { state, recheck } = useAuth();
  const { t } = useI18n();
  const location = useLocation();

  switch (state.status) {
    case 'checking':
      return <Loading />;
    case 'unreachable':
      return (
        <ErrorNotice error={state.error}>
          <button type="button" className="button" onClick={recheck}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      );
    case 'signed-out':
      // after signing out on purpose, the next login starts at home rather than where they left
      return (
        <Navigate
          to="/login"
          replace
          state={state.reason === 'logged-out' ? { reason: state.reason } : { from: `${location.pathname}${location.search}`, reason: state.reason }}
        />
      );
    case 'signed-in':
      return <Outlet />;
  }
}
