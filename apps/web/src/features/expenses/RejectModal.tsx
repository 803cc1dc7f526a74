import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Expense } from '../../api/types';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
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
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: validators(t).required } });
  const reject = useExpenseMutation(
    organizationId,
    expense.id,
    (reason: string) => rejectExpense(expense.id, reason),
    (updated) => {
      notifySuccess(t('expenses.actions.rejected', { concept: updated.concept }));
      close();
    },
  );

  function close() {
    form.reset();
    reject.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('expenses.actions.rejectTitle')}>
      <form
        onSubmit={form.onSubmit(({ reason }) =>
          reject.mutate(reason.trim(), { onError: (error) => applyFieldErrors(form, error) }),
        )}
        noValidate
      >
        <Stack>
          <FormErrorAlert error={reject.error} />
          <Textarea
            label={t('expenses.actions.reason')}
            description={t('expenses.actions.reasonHint')}
            required
            maxLength={200}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t('expenses.actions.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
