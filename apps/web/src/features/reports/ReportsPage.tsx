import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { JournalExports } from './JournalExports';
import { ReportDashboard } from './ReportDashboard';
import { canReadReports } from './reports.api';

/** `/app/reportes`: the summary with fund and cost center filters, the expense downloads and the pólizas. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('reports.subtitle')}
        </Text>
      </div>
      {canReadReports(me) ? (
        <>
          <ReportDashboard withScope />
          <JournalExports />
        </>
      ) : (
        <Alert color="gray" variant="light" maw={640}>
          {t('reports.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
