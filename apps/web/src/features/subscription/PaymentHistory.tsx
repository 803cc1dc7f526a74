import { Badge, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { CatalogTable } from '../settings/CatalogTable';
import type { PaymentStatus, SubscriptionPayment } from './subscription.api';
import { usePayments } from './subscription.hooks';
import { formatShortDateTime } from './subscription-format';

const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  pending: 'orange',
  succeeded: 'green',
  expired: 'gray',
  canceled: 'gray',
};

/** The organization's subscription payments, newest first: a table on wide screens, cards on a phone. */
export function PaymentHistory({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const payments = usePayments(organizationId, true);
  const label = t('subscription.history.title');

  let body: ReactNode;
  if (payments.isPending) {
    body = (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  } else if (payments.isError) {
    body = <ErrorAlert error={payments.error} />;
  } else if (payments.data.data.length === 0) {
    body = <Text c="dimmed">{t('subscription.history.empty')}</Text>;
  } else {
    body = (
      <CatalogTable<SubscriptionPayment>
        rows={payments.data.data}
        label={label}
        columns={[
          {
            label: t('subscription.history.date'),
            render: (payment) => (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatShortDateTime(payment.confirmedAt ?? payment.createdAt, i18n.language)}
              </Text>
            ),
          },
          {
            label: t('subscription.history.plan'),
            render: (payment) => <Text size="sm">{t(`subscription.planShort.${payment.plan}`)}</Text>,
          },
          {
            label: t('subscription.history.method'),
            render: (payment) => <Text size="sm">{t(`subscription.method.${payment.method}`)}</Text>,
          },
          {
            label: t('subscription.history.total'),
            align: 'right',
            render: (payment) => (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(payment.total, i18n.language)}
              </Text>
            ),
          },
          {
            label: t('subscription.history.status'),
            render: (payment) => (
              <Badge color={PAYMENT_COLORS[payment.status]} variant="dot" tt="none">
                {t(`subscription.history.paymentStatus.${payment.status}`)}
              </Badge>
            ),
          },
          {
            label: t('subscription.history.reference'),
            render: (payment) => (
              <Text size="sm" ff="monospace">
                {payment.reference}
              </Text>
            ),
          },
        ]}
      />
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payment-history">
      <Stack>
        <Title order={2} size="h4" id="payment-history">
          {label}
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}
