import { Alert, Center, Loader, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../app/problem';
import { AttentionCards } from './AttentionCards';
import { FundBalanceCards } from './FundBalanceCards';
import { ReportFiltersBar } from './ReportFiltersBar';
import { useReportFilters } from './report-filters';
import { getSummary, reportsKeys } from './reports.api';
import { SpendingCharts } from './SpendingCharts';

/**
 * The dashboard of GET /reports/summary: the period's figures, fund balances and charts, with the
 * period (and, on the reports page, fund and cost center) in the address.
 */
export function ReportDashboard({ withScope = false }: { withScope?: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const organizationId = me.organization.id;
  const { filters, setFilters } = useReportFilters();
  const reversed = !!filters.from && !!filters.to && filters.from > filters.to;
  const summary = useQuery({
    queryKey: reportsKeys.summary(organizationId, filters),
    queryFn: () => getSummary(filters),
    placeholderData: keepPreviousData,
    enabled: !reversed,
  });
  return (
    <Stack gap="lg">
      <ReportFiltersBar
        organizationId={organizationId}
        filters={filters}
        setFilters={setFilters}
        withScope={withScope}
      />
      {reversed && (
        <Alert color="orange" variant="light" role="alert">
          {t('reports.rangeReversed')}
        </Alert>
      )}
      <ErrorAlert error={summary.error} />
      {summary.isPending && !reversed && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {summary.data && (
        <>
          <AttentionCards summary={summary.data} filters={filters} />
          <FundBalanceCards funds={summary.data.funds} />
          <SpendingCharts summary={summary.data} />
        </>
      )}
    </Stack>
  );
}
