import { AppShell, Badge, Burger, Button, Group, Menu, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { notifyError } from '../../app/problem';
import { logOutOperator, type Operator } from './backoffice.api';

const SECTIONS = [
  ['/operador/organizaciones', 'organizations'],
  ['/operador/pagos', 'payments'],
  ['/operador/reembolsos', 'refunds'],
  ['/operador/alertas', 'alerts'],
  ['/operador/eventos', 'events'],
  ['/operador/facturas', 'invoices'],
] as const;

/** The back office's own frame, apart from the tenants' app: its brand, its sections, the operator. */
export function OperatorLayout({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const signOut = useMutation({
    mutationFn: logOutOperator,
    // A full page load drops every cached answer of the session.
    onSuccess: () => window.location.assign('/operador/entrar'),
    onError: (error) => notifyError(error, t),
  });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNav')}
              aria-expanded={navOpened}
            />
            <Title order={3} c="teal.8" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
            <Badge color="grape" variant="light" visibleFrom="xs">
              {t('backoffice.badge')}
            </Badge>
          </Group>
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <Button variant="subtle" color="gray" aria-label={t('shell.userMenu', { name: operator.name })}>
                {operator.name}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{operator.email}</Menu.Label>
              <Menu.Item color="red" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                {t('shell.logout')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('backoffice.nav.label')}>
        {SECTIONS.map(([to, key]) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={t(`backoffice.nav.${key}`)}
            active={pathname.startsWith(to)}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
