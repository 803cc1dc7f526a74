import { Navigate, useLocation } from 'react-router';
import { FullPageLoader, PageError } from '../../app/pages';
import { useOperatorSession } from './backoffice.hooks';
import { OperatorLayout } from './OperatorLayout';

/** `/operador/*` needs an operator's session (not a tenant's): without one, to its own sign-in. */
export function OperatorApp() {
  const session = useOperatorSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <PageError error={session.error} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/operador/entrar?next=${encodeURIComponent(next)}`} replace />;
  }
  return <OperatorLayout operator={session.data} />;
}
