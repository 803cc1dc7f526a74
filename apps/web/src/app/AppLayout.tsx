import { AppShell, Box, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { Me } from '../api/types';
import { SubscriptionBanner } from '../features/subscription/SubscriptionBanner';
import { AppNavbar } from './AppNavbar';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header with organization and user, navbar that collapses behind a burger on mobile. */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const canSwitch = me.memberships.length > 1;
  // Below the `xs` breakpoint the header has no room: the organization moves to the top of the navbar.
  const isWide = useMediaQuery('(min-width: 36em)', true) ?? true;
  const organization = canSwitch ? (
    <OrganizationSwitcher me={me} fullWidth={!isWide} />
  ) : (
    <Text fw={500} truncate="end" px={isWide ? 0 : 'sm'} pb={isWide ? 0 : 'xs'}>
      {me.organization.name}
    </Text>
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNav')}
              aria-expanded={navOpened}
            />
            <Title order={3} c="teal.8" style={{ whiteSpace: 'nowrap' }}>
              <Link to="/app" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
            {isWide && organization}
          </Group>
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {!isWide && <Box mb="sm">{organization}</Box>}
        <AppNavbar me={me} onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main>
        <SubscriptionBanner me={me} />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
