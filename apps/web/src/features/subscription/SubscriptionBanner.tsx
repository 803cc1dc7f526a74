import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isOwner } from '../../api/session';
import type { Me } from '../../api/types';
import type { Subscription } from './subscription.api';
import { useSubscription } from './subscription.hooks';

/** The trial's last week before a plan is chosen: reminders start at T−7 (BILLING.md). */
const TRIAL_REMINDER_DAYS = 7;
export const SUBSCRIPTION_PATH = '/app/suscripcion';

type BannerKind = 'trial' | 'pending' | 'readOnly';

function bannerOf(subscription: Subscription): BannerKind | null {
  if (subscription.readOnly) return 'readOnly';
  if (subscription.status === 'awaiting_payment' || subscription.status === 'past_due') return 'pending';
  if (
    subscription.status === 'trialing' &&
    subscription.nextPlan === null &&
    subscription.trialDaysLeft !== null &&
    subscription.trialDaysLeft <= TRIAL_REMINDER_DAYS
  ) {
    return 'trial';
  }
  return null;
}

/**
 * The shell's notice of the subscription: the trial's last days, a payment due, or read-only mode.
 * The owner gets a link to pay; everyone else is told who can.
 */
export function SubscriptionBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const subscription = useSubscription(me.organization.id);
  if (!subscription.data) return null;
  const kind = bannerOf(subscription.data);
  if (kind === null) return null;

  const days = subscription.data.trialDaysLeft ?? 0;
  const title =
    kind === 'trial'
      ? days === 0
        ? t('subscription.banner.trialToday')
        : t('subscription.banner.trial', { count: days })
      : kind === 'pending'
        ? t('subscription.banner.pending')
        : t('subscription.banner.readOnlyTitle');
  const body =
    kind === 'trial'
      ? t('subscription.banner.trialBody')
      : kind === 'pending'
        ? t('subscription.banner.pendingBody')
        : t('subscription.banner.readOnly');
  const onSubscriptionPage = pathname.startsWith(SUBSCRIPTION_PATH);

  return (
    <Alert
      color={kind === 'trial' ? 'blue' : kind === 'pending' ? 'orange' : 'red'}
      variant="light"
      title={title}
      mb="md"
      // Read-only stops work: said at once. The others are reminders, read when the page is.
      role={kind === 'readOnly' ? 'alert' : 'status'}
    >
      <Text size="sm">{body}</Text>
      {isOwner(me) ? (
        !onSubscriptionPage && (
          <Anchor component={Link} to={SUBSCRIPTION_PATH} size="sm" fw={600}>
            {t('subscription.banner.ownerAction')}
          </Anchor>
        )
      ) : (
        <Text size="sm" fw={600}>
          {t('subscription.banner.askOwner')}
        </Text>
      )}
    </Alert>
  );
}
