import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { AppLayout } from './AppLayout';
import { FullPageLoader, PageError } from './pages';

/** `/app/*` needs a session: without one, to the login and back here afterwards. */
export function ProtectedApp() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <PageError error={me.error} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/entrar?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout me={me.data} />;
}
