import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { SuspendModal } from './SuspendModal';
import type { Subscription } from './subscription.api';
import { useReactivate } from './subscription.hooks';
import { canSuspend, formatLongDay } from './subscription-format';

interface Props {
  subscription: Subscription;
  organizationId: string;
}

/**
 * "Suspender" (PRODUCT.md §2.5): what it means for this plan, the confirmation with the server's
 * preview, and the undo of a monthly suspension while its period lasts.
 */
export function SuspendSection({ subscription, organizationId }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      {subscription.status === 'cancel_scheduled' ? (
        <UndoSuspension subscription={subscription} />
      ) : (
        canSuspend(subscription) && (
          <SuspendOffer subscription={subscription} onSuspend={() => setOpened(true)} />
        )
      )}
      {/* Outside the sections: the status the suspension changes must not unmount the open confirmation. */}
      <SuspendModal opened={opened} organizationId={organizationId} onClose={() => setOpened(false)} />
    </>
  );
}

function SuspendOffer({ subscription, onSuspend }: { subscription: Subscription; onSuspend: () => void }) {
  const { t } = useTranslation();
  // A monthly plan in course stops at its end; a plan paid ahead (annual, or any not yet begun) is refunded.
  const isRefund = subscription.nextPlan !== null || subscription.plan === 'annual';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscription-suspend">
      <Stack>
        <Title order={2} size="h4" id="subscription-suspend">
          {t('subscription.suspend.title')}
        </Title>
        <Text size="sm">
          {t(isRefund ? 'subscription.suspend.refundHint' : 'subscription.suspend.monthlyHint')}
        </Text>
        <Group>
          <Button color="red" variant="outline" onClick={onSuspend}>
            {t('subscription.suspend.action')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function UndoSuspension({ subscription }: { subscription: Subscription }) {
  const { t, i18n } = useTranslation();
  const reactivate = useReactivate();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscription-suspend">
      <Stack>
        <Title order={2} size="h4" id="subscription-suspend">
          {t('subscription.suspend.title')}
        </Title>
        {subscription.accessEndsOn && (
          <Text>
            {t('subscription.suspend.scheduled', {
              date: formatLongDay(subscription.accessEndsOn, i18n.language),
            })}
          </Text>
        )}
        <ErrorAlert error={reactivate.error} />
        <Group>
          <Button
            loading={reactivate.isPending}
            // The promise: the refreshed status (active) unmounts this section before mutate's callbacks.
            onClick={() =>
              reactivate.mutateAsync().then(
                () => notifySuccess(t('subscription.suspend.undone')),
                () => undefined, // shown above
              )
            }
          >
            {t('subscription.suspend.undo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
