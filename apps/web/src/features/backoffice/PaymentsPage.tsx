import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import type { PaymentStatus } from '../subscription/subscription.api';
import { formatShortDateTime } from '../subscription/subscription-format';
import { type BackofficePayment, backofficeKeys, listPayments } from './backoffice.api';
import { usePagedList } from './backoffice.hooks';
import { ListState, LoadMore } from './ListState';
import { TransferModal } from './TransferModal';

const STATUSES: readonly PaymentStatus[] = ['pending', 'succeeded', 'expired', 'canceled'];
const STATUS_COLORS: Record<PaymentStatus, string> = {
  pending: 'orange',
  succeeded: 'green',
  expired: 'gray',
  canceled: 'gray',
};

/** Only a pending SPEI payment takes a transfer recorded by hand (any provider: one may not match it). */
const takesTransfer = (payment: BackofficePayment) =>
  payment.status === 'pending' && payment.method === 'spei';

/** `/operador/pagos`: every organization's payments; pending SPEI transfers are confirmed here. */
export function PaymentsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<PaymentStatus | null>('pending');
  const [recording, setRecording] = useState<BackofficePayment | null>(null);
  const { list, rows } = usePagedList(backofficeKeys.payments(status), (cursor) =>
    listPayments(status, cursor),
  );
  const label = t('backoffice.payments.title');
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const when = (iso: string | null) => (iso ? formatShortDateTime(iso, i18n.language) : '—');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={label} subtitle={t('backoffice.payments.subtitle')} />
        <Select
          label={t('backoffice.payments.status')}
          placeholder={t('backoffice.allStatuses')}
          data={STATUSES.map((value) => ({ value, label: t(`subscription.history.paymentStatus.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as PaymentStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <ListState list={list} count={rows.length} empty={t('backoffice.payments.empty')} />
      {rows.length > 0 && (
        <CatalogTable<BackofficePayment>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.payments.organization'),
              render: (payment) => (
                <div>
                  <Text size="sm" fw={500}>
                    {payment.organizationName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {payment.reference}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.payments.method'),
              render: (payment) => (
                <div>
                  <Text size="sm">{t(`subscription.method.${payment.method}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`backoffice.providers.${payment.provider}`)} ·{' '}
                    {t(`subscription.planShort.${payment.plan}`)}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.payments.total'),
              align: 'right',
              render: (payment) => <Text size="sm">{money(payment.total)}</Text>,
            },
            {
              label: t('backoffice.payments.received'),
              align: 'right',
              render: (payment) => <Text size="sm">{money(payment.amountReceived)}</Text>,
            },
            {
              label: t('backoffice.payments.status'),
              render: (payment) => (
                <Badge color={STATUS_COLORS[payment.status]} variant="dot" tt="none">
                  {t(`subscription.history.paymentStatus.${payment.status}`)}
                </Badge>
              ),
            },
            {
              label: t('backoffice.payments.dates'),
              render: (payment) => (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {t('backoffice.payments.created', { date: when(payment.createdAt) })}
                  {payment.confirmedAt && (
                    <Text span size="xs" display="block">
                      {t('backoffice.payments.confirmed', { date: when(payment.confirmedAt) })}
                    </Text>
                  )}
                </Text>
              ),
            },
          ]}
          actions={(payment) =>
            takesTransfer(payment) ? (
              <Button size="xs" variant="light" onClick={() => setRecording(payment)}>
                {t('backoffice.payments.recordTransfer')}
              </Button>
            ) : null
          }
        />
      )}
      <LoadMore list={list} />
      {recording && <TransferModal payment={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
