import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import type { Replenishment } from './replenishments.api';

interface Step {
  key: string;
  title: string;
  when: string | null;
  detail?: string | null;
  done: boolean;
  color?: string;
}

/** Requested → (checked at SAT) → approved → paid, or canceled: who and when, and what is still waiting. */
export function ReplenishmentTimeline({ replenishment: r }: { replenishment: Replenishment }) {
  const { t, i18n } = useTranslation();
  const name = (person: { name: string } | null) => person?.name ?? '';
  const steps: Step[] = [
    {
      key: 'requested',
      title: r.automatic
        ? t('replenishments.timeline.requestedAutomatic')
        : t('replenishments.timeline.requested', { name: name(r.requestedBy) }),
      when: r.requestedAt,
      done: true,
    },
  ];
  if (r.satCheckedAt)
    steps.push({
      key: 'sat',
      title: t('replenishments.timeline.satChecked'),
      when: r.satCheckedAt,
      done: true,
    });
  if (r.approvedAt)
    steps.push({
      key: 'approved',
      title: t('replenishments.timeline.approved', { name: name(r.approvedBy) }),
      when: r.approvedAt,
      done: true,
    });
  else if (r.status === 'requested')
    steps.push({
      key: 'approved',
      title: t('replenishments.timeline.pendingApproval'),
      when: null,
      done: false,
    });
  if (r.paidAt)
    steps.push({
      key: 'paid',
      title: t('replenishments.timeline.paid', { name: name(r.paidBy) }),
      when: r.paidAt,
      detail: t('replenishments.timeline.paidDetail', {
        date: r.paymentDate ? formatDate(r.paymentDate, i18n.language) : '',
        reference: r.paymentReference ?? '',
      }),
      done: true,
    });
  else if (r.status === 'requested' || r.status === 'approved')
    steps.push({ key: 'paid', title: t('replenishments.timeline.pendingPayment'), when: null, done: false });
  if (r.canceledAt)
    steps.push({
      key: 'canceled',
      title: t('replenishments.timeline.canceled', { name: name(r.canceledBy) }),
      when: r.canceledAt,
      detail: r.cancelReason,
      done: true,
      color: 'red',
    });
  const active = steps.filter((step) => step.done).length - 1;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="replenishment-history">
      <Title order={2} size="h4" id="replenishment-history" mb="md">
        {t('replenishments.timeline.title')}
      </Title>
      <Timeline active={active} bulletSize={16} lineWidth={2} color="teal">
        {steps.map((step) => (
          <Timeline.Item key={step.key} title={step.title} color={step.color}>
            {step.when && (
              <Text size="xs" c="dimmed">
                {formatDateTime(step.when, i18n.language)}
              </Text>
            )}
            {step.detail && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {step.detail}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
