import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../ui/Loading';
import { useAuth } from './context';
import { arrivalOf } from './arrival';

/** The login page is for people who are not signed in; the signed-in go where they were headed. */
export function GuestOnly() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'checking') return <Loading />;
  if (state.status === 'signed-in') return <Navigate to={arrivalOf(location.state).from ?? '/'} replace />;
  return <Outlet />;
}
