import { Card, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import {
  type ApprovalStep,
  type ApprovalStepStatus,
  approvalStepsKey,
  listApprovalSteps,
} from './approvals.api';

const LOOK: Record<ApprovalStepStatus, { color: string; icon: string }> = {
  approved: { color: 'teal', icon: '✓' },
  rejected: { color: 'red', icon: '✕' },
  pending: { color: 'blue', icon: '…' },
  waiting: { color: 'gray', icon: '' },
  skipped: { color: 'gray', icon: '–' },
};

/**
 * The expense's approval levels, fixed when it was submitted: which one waits now and for whom, who
 * decided each and when, and why one rejected it. An automatic rule's approval has no levels.
 */
export function ApprovalChain({ expense, organizationId }: { expense: Expense; organizationId: string }) {
  const { t } = useTranslation();
  const hasChain = expense.status !== 'draft' && !expense.autoApproved;
  const steps = useQuery({
    queryKey: approvalStepsKey(organizationId, expense.id),
    queryFn: () => listApprovalSteps(expense.id),
    enabled: hasChain,
  });
  if (expense.autoApproved) {
    return (
      <ChainCard>
        <Text size="sm">
          <Text span c="teal" fw={700} aria-hidden>
            ✓{' '}
          </Text>
          {t('approvals.chain.auto')}
        </Text>
      </ChainCard>
    );
  }
  if (!hasChain) return null;
  if (steps.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (steps.isError) return <ErrorAlert error={steps.error} />;
  // Submitted before approval rules existed: nothing to show.
  if (steps.data.data.length === 0) return null;
  const levels = steps.data.data;
  const current = levels.findIndex((step) => step.status === 'pending');
  const lastDecided = levels.findLastIndex((step) => step.decidedAt !== null);
  return (
    <ChainCard>
      <Timeline active={current >= 0 ? current : lastDecided} bulletSize={24} lineWidth={2}>
        {levels.map((step) => (
          <Timeline.Item
            key={step.level}
            color={LOOK[step.status].color}
            bullet={
              <Text span fz="xs" fw={700} aria-hidden>
                {LOOK[step.status].icon}
              </Text>
            }
            title={t('approvals.chain.level', {
              level: step.level,
              status: t(`approvals.chain.status.${step.status}`),
            })}
          >
            <StepDetail step={step} />
          </Timeline.Item>
        ))}
      </Timeline>
    </ChainCard>
  );
}

function ChainCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('approvals.chain.title')}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function StepDetail({ step }: { step: ApprovalStep }) {
  const { t, i18n } = useTranslation();
  const when = step.decidedAt ? formatDateTime(step.decidedAt, i18n.language) : '';
  const who = step.decidedBy?.name ?? '';
  return (
    <Stack gap={2}>
      {step.status === 'pending' && (
        <Text size="sm">{t('approvals.chain.waitingFor', { who: step.waitingFor })}</Text>
      )}
      {step.status === 'waiting' && (
        <Text size="sm" c="dimmed">
          {t('approvals.chain.then', { who: step.waitingFor })}
        </Text>
      )}
      {step.status === 'approved' && (
        <Text size="sm" c="dimmed">
          {t('approvals.chain.approvedBy', { who, when })}
        </Text>
      )}
      {step.status === 'rejected' && (
        <>
          <Text size="sm" c="dimmed">
            {t('approvals.chain.rejectedBy', { who, when })}
          </Text>
          {step.reason && <Text size="sm">{t('approvals.chain.reason', { reason: step.reason })}</Text>}
        </>
      )}
      {step.status === 'skipped' && (
        <Text size="sm" c="dimmed">
          {t('approvals.chain.skipped', { who: step.waitingFor })}
        </Text>
      )}
    </Stack>
  );
}
