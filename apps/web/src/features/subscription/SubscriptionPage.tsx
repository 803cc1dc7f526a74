import { Alert, Badge, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOwner, useSession } from '../../api/session';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../app/problem';
import { PaymentHistory } from './PaymentHistory';
import { PaymentInstructions } from './PaymentInstructions';
import { PlanPicker } from './PlanPicker';
import { SubscriptionStatus } from './SubscriptionStatus';
import { SuspendSection } from './SuspendSection';
import type { Checkout, Subscription } from './subscription.api';
import { usePayments, useSubscription } from './subscription.hooks';
import { canPay } from './subscription-format';

/**
 * `/app/suscripcion`: the subscription's status for every member; for the account's owner (the only
 * one who manages it) the plans, the payment and its instructions, the history and the suspension.
 */
export function SubscriptionPage() {
  const { t } = useTranslation();
  const me = useSession();
  const subscription = useSubscription(me.organization.id);
  const isSandbox = subscription.data?.paymentProvider === 'sandbox';

  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2">
            {t('subscription.title')}
          </Title>
          {isSandbox && (
            <Badge color="orange" variant="filled" tt="none">
              {t('subscription.sandboxBadge')}
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {t('subscription.subtitle')}
        </Text>
      </div>
      {subscription.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {subscription.isError && <ErrorAlert error={subscription.error} />}
      {subscription.data && (
        <>
          <SubscriptionStatus subscription={subscription.data} />
          {isSandbox && (
            <Alert color="orange" variant="light">
              {t('subscription.sandboxNote')}
            </Alert>
          )}
          {isOwner(me) ? (
            <OwnerSections key={me.organization.id} me={me} subscription={subscription.data} />
          ) : (
            <Alert color="gray" variant="light">
              {t('subscription.ownerOnly')}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

function OwnerSections({ me, subscription }: { me: Me; subscription: Subscription }) {
  const { t } = useTranslation();
  const organizationId = me.organization.id;
  const payments = usePayments(organizationId, true);
  // The answer of the last "Pagar" carries the warnings; after a reload the pending payment comes from the history.
  const [lastCheckout, setLastCheckout] = useState<Checkout | null>(null);
  const pending =
    payments.data?.data.find((payment) => payment.status === 'pending') ??
    (lastCheckout?.payment.status === 'pending' ? lastCheckout.payment : null);
  const warnings = lastCheckout && pending?.id === lastCheckout.payment.id ? lastCheckout.warnings : [];

  // Where the eyes (and a screen reader) go after "Pagar": the instructions just opened.
  useEffect(() => {
    if (!lastCheckout) return;
    const heading = document.getElementById('payment-instructions');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [lastCheckout]);

  return (
    <>
      {canPay(subscription) ? (
        <PlanPicker subscription={subscription} hasPending={pending !== null} onCheckout={setLastCheckout} />
      ) : (
        <Paper withBorder p="md">
          <Text>{t('subscription.choose.paidAhead')}</Text>
        </Paper>
      )}
      {pending && (
        <PaymentInstructions
          payment={pending}
          warnings={warnings}
          isSandbox={subscription.paymentProvider === 'sandbox'}
          onConfirmed={() => setLastCheckout(null)}
        />
      )}
      <PaymentHistory organizationId={organizationId} />
      <SuspendSection subscription={subscription} organizationId={organizationId} />
    </>
  );
}
