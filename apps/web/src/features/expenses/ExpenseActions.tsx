import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canApproveExpenses, canRecordExpenses, mayChangeExpense } from '../../api/session';
import type { Expense, Me } from '../../api/types';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { ReimburseAction, showsReimbursement } from '../advances/ReimburseAction';
import { approvalStepsKey, listApprovalSteps } from '../approvals/approvals.api';
import { useFundOptions } from '../funds/funds.hooks';
import { EditDraftModal } from './EditDraftModal';
import { actOnExpense, type ExpenseAction } from './expenses.api';
import { RejectModal } from './RejectModal';
import { useExpenseMutation } from './useExpenseAction';

type Dialog = 'edit' | 'reject' | 'discard' | null;

/**
 * What may happen next, by state: a draft is sent, discarded or reclassified; a submitted expense
 * is approved or rejected by whoever may decide its current level. The server has the last word and
 * its Spanish message shows here.
 */
export function ExpenseActions({ expense, me }: { expense: Expense; me: Me }) {
  const { t } = useTranslation();
  const organizationId = me.organization.id;
  const [dialog, setDialog] = useState<Dialog>(null);
  const act = useExpenseMutation(
    organizationId,
    expense.id,
    (action: ExpenseAction) => actOnExpense(expense.id, action),
    (updated) => {
      setDialog(null);
      // Approving a level that is not the chain's last leaves the expense submitted: it waits for the next.
      const movedOn = expense.status === 'submitted' && updated.status === 'submitted';
      notifySuccess(
        movedOn
          ? t('approvals.done.nextLevel', { concept: updated.concept })
          : t(`expenses.actions.done.${updated.status}`, { concept: updated.concept }),
      );
    },
  );
  const busy = (action: ExpenseAction) => act.isPending && act.variables === action;
  // A fund's custodian may act on the drafts paid from that fund, not only on their own.
  const custodied = useFundOptions(organizationId)
    .funds.filter((fund) => fund.custodian.id === me.membershipId)
    .map((fund) => fund.id);

  const draft =
    expense.status === 'draft' && canRecordExpenses(me) && mayChangeExpense(me, expense, custodied);
  // The server says whether this person may decide the current level now (not one they already
  // decided, not their own expense); the same query feeds the approval chain beside it.
  const mightDecide = expense.status === 'submitted' && canApproveExpenses(me);
  const steps = useQuery({
    queryKey: approvalStepsKey(organizationId, expense.id),
    queryFn: () => listApprovalSteps(expense.id),
    enabled: mightDecide,
  });
  const submitted = mightDecide && steps.data?.canDecide === true;
  const payBack = showsReimbursement(expense);
  if (!draft && !submitted && !payBack) return null;

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {draft && (
          <>
            <Button onClick={() => act.mutate('submit')} loading={busy('submit')}>
              {t('expenses.actions.submit')}
            </Button>
            <Button variant="default" onClick={() => setDialog('edit')}>
              {t('expenses.actions.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDialog('discard')}>
              {t('expenses.actions.discard')}
            </Button>
          </>
        )}
        {submitted && (
          <>
            <Button color="teal" onClick={() => act.mutate('approve')} loading={busy('approve')}>
              {t('expenses.actions.approve')}
            </Button>
            <Button variant="light" color="red" onClick={() => setDialog('reject')}>
              {t('expenses.actions.reject')}
            </Button>
          </>
        )}
        {payBack && <ReimburseAction expense={expense} me={me} />}
      </Group>
      {dialog !== 'discard' && <ErrorAlert error={act.error} />}
      <Modal
        opened={dialog === 'discard'}
        onClose={() => setDialog(null)}
        title={t('expenses.actions.discardTitle')}
      >
        <Stack>
          <Text>
            {expense.paymentMethod === 'fund_cash' && expense.fundId
              ? t('expenses.actions.discardBodyCash')
              : t('expenses.actions.discardBody')}
          </Text>
          <ErrorAlert error={act.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => act.mutate('discard')} loading={busy('discard')}>
              {t('expenses.actions.discardConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {draft && (
        <EditDraftModal
          expense={expense}
          organizationId={organizationId}
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
        />
      )}
      {submitted && (
        <RejectModal
          expense={expense}
          organizationId={organizationId}
          opened={dialog === 'reject'}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
