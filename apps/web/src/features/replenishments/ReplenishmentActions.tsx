import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canApproveExpenses } from '../../api/session';
import type { Me } from '../../api/types';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { ReasonModal } from '../../app/ReasonModal';
import { PayModal } from './PayModal';
import { mayActOn, mayApprove, mayPay } from './replenishment-access';
import {
  approveReplenishment,
  cancelReplenishment,
  checkAtSat,
  type ReplenishmentDetail,
} from './replenishments.api';
import { useReplenishmentMutation } from './useReplenishmentMutation';

type Action = 'approve' | 'satCheck';
const CALLS: Record<Action, (id: string) => Promise<ReplenishmentDetail>> = {
  approve: approveReplenishment,
  satCheck: checkAtSat,
};

/**
 * What may happen next, by state: a requested replenishment is checked at SAT, approved or
 * canceled; an approved one is paid or canceled. The server decides and explains refusals.
 */
export function ReplenishmentActions({ replenishment, me }: { replenishment: ReplenishmentDetail; me: Me }) {
  const { t } = useTranslation();
  const { id, folio, status } = replenishment;
  const organizationId = me.organization.id;
  const [dialog, setDialog] = useState<'pay' | 'cancel' | null>(null);
  const act = useReplenishmentMutation(
    organizationId,
    id,
    (action: Action) => CALLS[action](id),
    () => {},
  );
  const cancel = useReplenishmentMutation(organizationId, id, (reason: string) =>
    cancelReplenishment(id, reason),
  );
  const busy = (action: Action) => act.isPending && act.variables === action;
  const run = (action: Action) =>
    act.mutate(action, {
      onSuccess: () =>
        notifySuccess(
          t(action === 'approve' ? 'replenishments.actions.approved' : 'replenishments.actions.satChecked', {
            folio,
          }),
        ),
    });

  const open = status === 'requested' || status === 'approved';
  if (!open) return null;
  const canAct = mayActOn(me, replenishment);
  const canApprove = status === 'requested' && mayApprove(me, replenishment);
  const canPay = status === 'approved' && mayPay(me);
  const ownRequest = status === 'requested' && canApproveExpenses(me) && !canApprove;
  if (!canAct && !canApprove && !canPay) return null;

  return (
    <Stack gap="xs">
      {status === 'requested' && replenishment.satCancelledCount > 0 && !act.error && (
        <Alert color="red" variant="light" role="status">
          {t('replenishments.actions.satBlocked')}
        </Alert>
      )}
      <Group gap="xs">
        {canApprove && (
          <Button color="teal" onClick={() => run('approve')} loading={busy('approve')}>
            {t('replenishments.actions.approve')}
          </Button>
        )}
        {canPay && <Button onClick={() => setDialog('pay')}>{t('replenishments.actions.pay')}</Button>}
        {status === 'requested' && canAct && (
          <Button variant="default" onClick={() => run('satCheck')} loading={busy('satCheck')}>
            {t('replenishments.actions.satCheck')}
          </Button>
        )}
        {canAct && (
          <Button variant="subtle" color="red" onClick={() => setDialog('cancel')}>
            {t('replenishments.actions.cancel')}
          </Button>
        )}
      </Group>
      {ownRequest && (
        <Text size="sm" c="dimmed">
          {t('replenishments.actions.ownRequest')}
        </Text>
      )}
      <ErrorAlert error={act.error} />
      {canPay && (
        <PayModal
          replenishment={replenishment}
          organizationId={organizationId}
          opened={dialog === 'pay'}
          onClose={() => setDialog(null)}
        />
      )}
      <ReasonModal
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t('replenishments.cancel.title', { folio })}
        label={t('replenishments.cancel.reason')}
        description={t('replenishments.cancel.hint')}
        submitLabel={t('replenishments.cancel.submit')}
        maxLength={500}
        submit={async (reason) => {
          await cancel.mutateAsync(reason);
          notifySuccess(t('replenishments.cancel.done', { folio }));
        }}
      />
    </Stack>
  );
}
