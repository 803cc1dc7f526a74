import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AuthLayout } from './AuthLayout';
import { ProtectedApp } from './ProtectedApp';
import { FullPageLoader, NotFoundPage, RootRedirect, RouteError } from './pages';
import { RootLayout } from './RootLayout';

/** A route whose page is loaded on first visit, so each page is its own chunk. */
function page<Name extends string>(
  path: string | undefined,
  load: () => Promise<Record<Name, ComponentType>>,
  exportName: Name,
): RouteObject {
  const lazy = async () => ({ Component: (await load())[exportName] });
  return path === undefined ? { index: true, lazy } : { path, lazy };
}

const routes: RouteObject[] = [
  {
    Component: RootLayout,
    HydrateFallback: FullPageLoader,
    ErrorBoundary: RouteError,
    children: [
      { path: '/', Component: RootRedirect },
      {
        Component: AuthLayout,
        children: [
          page('registro', () => import('../features/auth/SignUpPage'), 'SignUpPage'),
          page('verificar', () => import('../features/auth/VerifyEmailPage'), 'VerifyEmailPage'),
          page('entrar', () => import('../features/auth/LoginPage'), 'LoginPage'),
          page('olvide', () => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
          page('restablecer', () => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage'),
          page('invitacion', () => import('../features/auth/AcceptInvitationPage'), 'AcceptInvitationPage'),
        ],
      },
      {
        path: 'app',
        Component: ProtectedApp,
        children: [
          page(undefined, () => import('../features/home/HomePage'), 'HomePage'),
          page('fondos', () => import('../features/funds/FundsPage'), 'FundsPage'),
          page('fondos/:id', () => import('../features/funds/FundDetailPage'), 'FundDetailPage'),
          page('fondos/:id/arqueo', () => import('../features/cash-counts/CashCountPage'), 'CashCountPage'),
          page('gastos', () => import('../features/expenses/ExpensesPage'), 'ExpensesPage'),
          page('gastos/importar', () => import('../features/expenses/import/ImportPage'), 'ImportPage'),
          page('gastos/:id', () => import('../features/expenses/ExpenseDetailPage'), 'ExpenseDetailPage'),
          page('anticipos', () => import('../features/advances/AdvancesPage'), 'AdvancesPage'),
          page('anticipos/:id', () => import('../features/advances/AdvanceDetailPage'), 'AdvanceDetailPage'),
          page('aprobaciones', () => import('../features/approvals/ApprovalsPage'), 'ApprovalsPage'),
          page(
            'reposiciones',
            () => import('../features/replenishments/ReplenishmentsPage'),
            'ReplenishmentsPage',
          ),
          page(
            'reposiciones/:id',
            () => import('../features/replenishments/ReplenishmentDetailPage'),
            'ReplenishmentDetailPage',
          ),
          page('reportes', () => import('../features/reports/ReportsPage'), 'ReportsPage'),
          page('miembros', () => import('../features/members/MembersPage'), 'MembersPage'),
          page('datos-fiscales', () => import('../features/fiscal-data/FiscalDataPage'), 'FiscalDataPage'),
          page('categorias', () => import('../features/settings/CategoriesPage'), 'CategoriesPage'),
          page('politicas', () => import('../features/settings/PoliciesPage'), 'PoliciesPage'),
          page('suscripcion', () => import('../features/subscription/SubscriptionPage'), 'SubscriptionPage'),
          page('facturas', () => import('../features/invoices/InvoicesPage'), 'InvoicesPage'),
          // The page's first address, from when it was the "Organización" placeholder.
          { path: 'configuracion', element: <Navigate to="/app/datos-fiscales" replace /> },
          page('perfil', () => import('../features/profile/ProfilePage'), 'ProfilePage'),
          { path: '*', Component: NotFoundPage },
        ],
      },
      page('operador/entrar', () => import('../features/backoffice/OperatorLoginPage'), 'OperatorLoginPage'),
      {
        // The platform operator's back office: its own sign-in and frame, apart from /app.
        path: 'operador',
        lazy: async () => ({ Component: (await import('../features/backoffice/OperatorApp')).OperatorApp }),
        children: [
          { index: true, element: <Navigate to="/operador/organizaciones" replace /> },
          page(
            'organizaciones',
            () => import('../features/backoffice/OrganizationsPage'),
            'OrganizationsPage',
          ),
          page('pagos', () => import('../features/backoffice/PaymentsPage'), 'PaymentsPage'),
          page('reembolsos', () => import('../features/backoffice/RefundsPage'), 'RefundsPage'),
          page('alertas', () => import('../features/backoffice/AlertsPage'), 'AlertsPage'),
          page('eventos', () => import('../features/backoffice/EventsPage'), 'EventsPage'),
          page(
            'facturas',
            () => import('../features/backoffice/PlatformInvoicesPage'),
            'PlatformInvoicesPage',
          ),
          { path: '*', Component: NotFoundPage },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const router = createBrowserRouter(routes);
