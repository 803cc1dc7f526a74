import { Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import { formatShortDateTime } from '../subscription/subscription-format';
import { backofficeKeys, listEvents, type PaymentEvent } from './backoffice.api';
import { ListState } from './ListState';

/** `/operador/eventos`: the last 100 events the payment providers sent, and what processing did. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  const events = useQuery({ queryKey: backofficeKeys.events, queryFn: listEvents });
  const rows = events.data?.data ?? [];
  const label = t('backoffice.events.title');

  return (
    <Stack gap="lg">
      <PageHeader title={label} subtitle={t('backoffice.events.subtitle')} />
      <ListState list={events} count={rows.length} empty={t('backoffice.events.empty')} />
      {rows.length > 0 && (
        <CatalogTable<PaymentEvent>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.events.type'),
              render: (event) => (
                <div>
                  <Text size="sm" ff="monospace">
                    {event.type}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {event.eventId}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.events.provider'),
              render: (event) => <Text size="sm">{t(`backoffice.providers.${event.provider}`)}</Text>,
            },
            {
              label: t('backoffice.events.received'),
              render: (event) => (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDateTime(event.receivedAt, i18n.language)}
                </Text>
              ),
            },
            {
              label: t('backoffice.events.outcome'),
              render: (event) =>
                event.processedAt ? (
                  <Text size="sm" c={event.outcome?.startsWith('error') ? 'red' : undefined}>
                    {event.outcome ?? '—'}
                  </Text>
                ) : (
                  <Badge color="orange" variant="light" tt="none">
                    {t('backoffice.events.unprocessed')}
                  </Badge>
                ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
