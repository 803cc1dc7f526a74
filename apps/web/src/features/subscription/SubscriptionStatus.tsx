import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Subscription } from './subscription.api';
import { formatLongDay, formatLongInstant, nextPlanStart, STATUS_COLORS } from './subscription-format';

/**
 * The subscription's state in plain Spanish: status, trial days and dates, the plan in course and one
 * paid ahead. Read-only mode itself is told by the shell's banner, on every page.
 */
export function SubscriptionStatus({ subscription }: { subscription: Subscription }) {
  const { t, i18n } = useTranslation();
  const day = (isoDay: string) => formatLongDay(isoDay, i18n.language);
  const { status } = subscription;
  const trialEnd = formatLongInstant(subscription.trialEndsAt, i18n.language);
  const next = subscription.nextPlan ? nextPlanStart(subscription) : null;
  const daysLeft = subscription.trialDaysLeft;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscription-status">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Title order={2} size="h4" id="subscription-status">
            {t('subscription.status.label')}
          </Title>
          <Badge color={STATUS_COLORS[status]} variant="light" size="lg" tt="none">
            {t(`subscription.status.${status}`)}
          </Badge>
          {status === 'trialing' && daysLeft !== null && (
            <Text fw={600}>
              {daysLeft === 0 ? t('subscription.lastDay') : t('subscription.daysLeft', { count: daysLeft })}
            </Text>
          )}
        </Group>

        {status === 'trialing' && <Text>{t('subscription.trialEnds', { date: trialEnd })}</Text>}
        {status === 'awaiting_payment' && (
          <Text>
            {t('subscription.trialEnded', { date: trialEnd })} {t('subscription.awaitingPayment')}
          </Text>
        )}
        {status === 'past_due' && <Text>{t('subscription.pastDue')}</Text>}

        {subscription.plan && status !== 'trialing' && (
          <Text>
            {t('subscription.currentPlan', { plan: t(`subscription.planShort.${subscription.plan}`) })}
          </Text>
        )}
        {subscription.currentPeriodStart &&
          subscription.currentPeriodEnd &&
          (status === 'active' || status === 'cancel_scheduled' || status === 'past_due') && (
            <Text size="sm" c="dimmed">
              {t('subscription.period', {
                start: day(subscription.currentPeriodStart),
                end: day(subscription.currentPeriodEnd),
              })}
            </Text>
          )}

        {subscription.nextPlan && next && (
          <Text fw={600} c="teal.8">
            {t('subscription.nextPlan', {
              plan: t(`subscription.planName.${subscription.nextPlan}`),
              date: 'day' in next ? day(next.day) : formatLongInstant(next.instant, i18n.language),
            })}
          </Text>
        )}

        {status === 'cancel_scheduled' && subscription.accessEndsOn && (
          <Text>{t('subscription.accessEnds', { date: day(subscription.accessEndsOn) })}</Text>
        )}
        {status === 'canceling' && subscription.accessEndsOn && (
          <Text>{t('subscription.accessEndsCanceling', { date: day(subscription.accessEndsOn) })}</Text>
        )}

        {status === 'expired' && <Text>{t('subscription.expired', { date: trialEnd })}</Text>}
        {status === 'unpaid' && <Text>{t('subscription.unpaid')}</Text>}
        {status === 'canceled' && <Text>{t('subscription.canceled')}</Text>}
      </Stack>
    </Paper>
  );
}
