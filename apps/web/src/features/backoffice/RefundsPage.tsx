import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/problem';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import { formatClabe, formatShortDateTime } from '../subscription/subscription-format';
import {
  type BackofficeRefund,
  backofficeKeys,
  listRefunds,
  type RefundStatus,
  retryRefund,
} from './backoffice.api';
import { usePagedList } from './backoffice.hooks';
import { ListState, LoadMore } from './ListState';
import { RefundIssuedModal } from './RefundIssuedModal';

const STATUSES: readonly RefundStatus[] = ['pending', 'issued'];

/** `/operador/reembolsos`: refunds owed to customers; SPEI ones are sent by hand, provider ones retried. */
export function RefundsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RefundStatus | null>('pending');
  const [issuing, setIssuing] = useState<BackofficeRefund | null>(null);
  const { list, rows } = usePagedList(backofficeKeys.refunds(status), (cursor) =>
    listRefunds(status, cursor),
  );
  const retry = useMutation({
    mutationFn: retryRefund,
    onSuccess: async () => {
      notifySuccess(t('backoffice.refunds.retried'));
      await queryClient.invalidateQueries({ queryKey: backofficeKeys.all });
    },
    onError: (error) => notifyError(error, t),
  });
  const label = t('backoffice.refunds.title');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={label} subtitle={t('backoffice.refunds.subtitle')} />
        <Select
          label={t('backoffice.refunds.status')}
          placeholder={t('backoffice.allStatuses')}
          data={STATUSES.map((value) => ({ value, label: t(`backoffice.refunds.statusValue.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as RefundStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <ListState list={list} count={rows.length} empty={t('backoffice.refunds.empty')} />
      {rows.length > 0 && (
        <CatalogTable<BackofficeRefund>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.refunds.organization'),
              render: (refund) => (
                <div>
                  <Text size="sm" fw={500}>
                    {refund.organizationName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {refund.paymentReference}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.refunds.total'),
              align: 'right',
              render: (refund) => <Text size="sm">{formatMoney(refund.total, i18n.language)}</Text>,
            },
            {
              label: t('backoffice.refunds.channel'),
              render: (refund) => (
                <div>
                  <Text size="sm">{t(`backoffice.refunds.channelValue.${refund.channel}`)}</Text>
                  {refund.clabe && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {formatClabe(refund.clabe)}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              label: t('backoffice.refunds.status'),
              render: (refund) => (
                <div>
                  <Badge color={refund.status === 'issued' ? 'green' : 'orange'} variant="dot" tt="none">
                    {t(`backoffice.refunds.statusValue.${refund.status}`)}
                  </Badge>
                  {refund.reference && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {refund.reference}
                    </Text>
                  )}
                  {refund.lastError && (
                    <Text size="xs" c="red">
                      {t('backoffice.refunds.failed', { count: refund.attempts, error: refund.lastError })}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              label: t('backoffice.refunds.requested'),
              render: (refund) => (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDateTime(refund.createdAt, i18n.language)}
                </Text>
              ),
            },
          ]}
          actions={(refund) => {
            if (refund.status !== 'pending') return null;
            return refund.channel === 'spei' ? (
              <Button size="xs" variant="light" onClick={() => setIssuing(refund)}>
                {t('backoffice.refunds.markIssued')}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="light"
                loading={retry.isPending && retry.variables === refund.id}
                onClick={() => retry.mutate(refund.id)}
              >
                {t('backoffice.refunds.retry')}
              </Button>
            );
          }}
        />
      )}
      <LoadMore list={list} />
      {issuing && <RefundIssuedModal refund={issuing} onClose={() => setIssuing(null)} />}
    </Stack>
  );
}
