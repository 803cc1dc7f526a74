import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import { formatShortDateTime } from '../subscription/subscription-format';
import { backofficeKeys, listAlerts, type ReconciliationAlert } from './backoffice.api';
import { ListState } from './ListState';

const KNOWN_KINDS = [
  'payment_amount_mismatch',
  'money_on_closed_payment',
  'refund_stalled',
  'event_stalled',
  'payment_without_cfdi',
] as const;
const isKnownKind = (kind: string): kind is (typeof KNOWN_KINDS)[number] =>
  (KNOWN_KINDS as readonly string[]).includes(kind);

/** `/operador/alertas`: the reconciliation as of now (the same list is mailed each morning). */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const alerts = useQuery({ queryKey: backofficeKeys.alerts, queryFn: listAlerts });
  const rows = (alerts.data?.data ?? []).map((alert) => ({
    ...alert,
    id: `${alert.kind}:${alert.subjectId}`,
  }));
  const label = t('backoffice.alerts.title');
  // A rule added on the server before the web app knows its title still shows, by its code.
  const kindTitle = (kind: string) => (isKnownKind(kind) ? t(`backoffice.alerts.kind.${kind}`) : kind);

  return (
    <Stack gap="lg">
      <PageHeader title={label} subtitle={t('backoffice.alerts.subtitle')} />
      <ListState list={alerts} count={rows.length} empty={t('backoffice.alerts.empty')} />
      {rows.length > 0 && (
        <CatalogTable<ReconciliationAlert & { id: string }>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.alerts.what'),
              render: (alert) => (
                <div>
                  <Text size="sm" fw={500}>
                    {kindTitle(alert.kind)}
                  </Text>
                  <Text size="sm">{alert.message}</Text>
                </div>
              ),
            },
            {
              label: t('backoffice.alerts.organization'),
              render: (alert) => <Text size="sm">{alert.organizationName ?? '—'}</Text>,
            },
            {
              label: t('backoffice.alerts.since'),
              render: (alert) => (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDateTime(alert.since, i18n.language)}
                </Text>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
