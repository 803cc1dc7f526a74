import { useTranslation } from 'react-i18next';
import type { Expense } from '../../api/types';
import { notifySuccess } from '../../app/problem';
import { ReasonModal } from '../../app/ReasonModal';
import { rejectExpense } from './expenses.api';
import { useExpenseMutation } from './useExpenseAction';

interface Props {
  expense: Expense;
  organizationId: string;
  opened: boolean;
  onClose: () => void;
}

/** "Rechazar": the reason is required and reaches whoever recorded the expense. */
export function RejectModal({ expense, organizationId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const reject = useExpenseMutation(organizationId, expense.id, (reason: string) =>
    rejectExpense(expense.id, reason),
  );
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t('expenses.actions.rejectTitle')}
      label={t('expenses.actions.reason')}
      description={t('expenses.actions.reasonHint')}
      submitLabel={t('expenses.actions.reject')}
      maxLength={200}
      submit={async (reason) => {
        const updated = await reject.mutateAsync(reason);
        notifySuccess(t('expenses.actions.rejected', { concept: updated.concept }));
      }}
    />
  );
}
