import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { RoleBadges } from '../members/RoleBadges';
import { canReadReports } from '../reports/reports.api';
import { SetupChecklist } from './SetupChecklist';

// The charts are heavy: only the people who see the dashboard download them.
const ReportDashboard = lazy(() =>
  import('../reports/ReportDashboard').then((module) => ({ default: module.ReportDashboard })),
);

/** `/app`: a greeting, the owner's setup steps while any is missing, and for those who read reports, the dashboard. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  if (!canReadReports(me)) {
    return (
      <Stack gap="lg" maw={720}>
        <Title order={1} size="h2">
          {t('home.greeting', { name: me.user.name })}
        </Title>
        <SetupChecklist me={me} />
        <Paper withBorder p="md">
          <Stack gap="md">
            <div>
              <Text size="sm" c="dimmed">
                {t('home.organization')}
              </Text>
              <Text fw={500} size="lg">
                {me.organization.name}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed" mb={4}>
                {t('home.roles')}
              </Text>
              <RoleBadges roles={me.roles} />
            </div>
          </Stack>
        </Paper>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('home.greeting', { name: me.user.name })}
          </Title>
          <Text c="dimmed" size="sm">
            {me.organization.name} · {t('reports.dashboard')}
          </Text>
        </div>
        <Button variant="default" component={Link} to="/app/reportes">
          {t('reports.openReports')}
        </Button>
      </Group>
      <SetupChecklist me={me} />
      <Suspense
        fallback={
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        }
      >
        <ReportDashboard />
      </Suspense>
    </Stack>
  );
}
