import { Badge, Box, NavLink, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import {
  canManageCategories,
  canManagePolicies,
  canReadFiscalData,
  canReadMembers,
  isOwner,
} from '../api/session';
import type { Me } from '../api/types';
import { useApprovalCount } from '../features/approvals/useApprovalInbox';
import { canReadInvoices } from '../features/invoices/invoices.api';
import { canReadReports } from '../features/reports/reports.api';

interface Props {
  me: Me;
  /** Closes the navbar on mobile after a link is followed. */
  onNavigate: () => void;
}

export function AppNavbar({ me, onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/app' ? pathname === '/app' : pathname.startsWith(to));

  const approvalCount = useApprovalCount(me);

  const link = (to: string, label: string, count: string | null = null) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={
        count ? (
          <>
            {label}
            <VisuallyHidden> {t('nav.waiting', { count })}</VisuallyHidden>
          </>
        ) : (
          label
        )
      }
      rightSection={
        count && (
          <Badge size="sm" variant="filled" circle={count.length < 2} aria-hidden>
            {count}
          </Badge>
        )
      }
      active={isActive(to)}
      onClick={onNavigate}
    />
  );

  return (
    <Box>
      {link('/app', t('nav.home'))}
      {link('/app/fondos', t('nav.funds'))}
      {link('/app/gastos', t('nav.expenses'))}
      {link('/app/anticipos', t('nav.advances'))}
      {link('/app/aprobaciones', t('nav.approvals'), approvalCount)}
      {link('/app/reposiciones', t('nav.replenishments'))}
      {canReadReports(me) && link('/app/reportes', t('nav.reports'))}
      {canReadMembers(me) || canReadFiscalData(me) || canManageCategories(me) || canManagePolicies(me) ? (
        <NavLink label={t('nav.settings')} defaultOpened childrenOffset="md">
          {canReadMembers(me) && link('/app/miembros', t('nav.members'))}
          {canReadFiscalData(me) && link('/app/datos-fiscales', t('nav.fiscalData'))}
          {canManageCategories(me) && link('/app/categorias', t('nav.categories'))}
          {canManagePolicies(me) && link('/app/politicas', t('nav.policies'))}
          {isOwner(me) && link('/app/suscripcion', t('nav.subscription'))}
          {canReadInvoices(me) && link('/app/facturas', t('nav.invoices'))}
        </NavLink>
      ) : null}
    </Box>
  );
}
