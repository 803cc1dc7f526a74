import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundChangeRequest, Me } from '../../api/types';
import { formatDateTime, formatMoney } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/problem';
import { ReasonModal } from '../../app/ReasonModal';
import { approveChange, fundsKeys, listPendingChanges, rejectChange } from './funds.api';

/**
 * A fund's change waiting for a second manager (the organization's policy asked for one): the
 * other managers approve or reject it; whoever asked can only cancel it.
 */
export function PendingFundChanges({ fundId, me }: { fundId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const organizationId = me.organization.id;
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: fundsKeys.pendingChanges(organizationId, fundId),
    queryFn: () => listPendingChanges(fundId),
  });
  const [rejecting, setRejecting] = useState<FundChangeRequest | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: fundsKeys.all });
  // Approve, or (the requester) cancel: one click, no reason needed.
  const decide = useMutation({
    mutationFn: async ({
      request,
      decision,
    }: {
      request: FundChangeRequest;
      decision: 'approve' | 'cancel';
    }): Promise<unknown> => (decision === 'approve' ? approveChange(request.id) : rejectChange(request.id)),
    onSuccess: async (_answer, { decision }) => {
      notifySuccess(t(decision === 'approve' ? 'funds.changes.approved' : 'funds.changes.canceled'));
      await refresh();
    },
    onError: (error) => notifyError(error, t),
  });

  const requests = pending.data?.data ?? [];
  if (requests.length === 0) return null;
  return (
    <>
      {requests.map((request) => {
        const own = request.requestedBy.id === me.membershipId;
        return (
          <Alert key={request.id} color="yellow" variant="light" title={t('funds.changes.title')}>
            <Stack gap="xs">
              <Text size="sm">
                {t(`funds.changes.summary.${request.kind}`, {
                  name: request.requestedBy.name,
                  amount: formatMoney(request.amount, i18n.language),
                  date: formatDateTime(request.requestedAt, i18n.language),
                })}
              </Text>
              {request.memo && (
                <Text size="sm" c="dimmed">
                  {t('funds.changes.memo', { memo: request.memo })}
                </Text>
              )}
              <Text size="sm">{own ? t('funds.changes.waitingOther') : t('funds.changes.yourDecision')}</Text>
              <Group gap="xs">
                {own ? (
                  <Button
                    size="xs"
                    variant="default"
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ request, decision: 'cancel' })}
                  >
                    {t('funds.changes.cancel')}
                  </Button>
                ) : (
                  <>
                    <Button
                      size="xs"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ request, decision: 'approve' })}
                    >
                      {t('funds.changes.approve')}
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => setRejecting(request)}>
                      {t('funds.changes.reject')}
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          </Alert>
        );
      })}
      <ReasonModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('funds.changes.rejectTitle')}
        label={t('funds.changes.reason')}
        submitLabel={t('funds.changes.reject')}
        maxLength={500}
        submit={async (reason) => {
          await rejectChange(rejecting?.id ?? '', reason);
          notifySuccess(t('funds.changes.rejected'));
          await refresh();
        }}
      />
    </>
  );
}
