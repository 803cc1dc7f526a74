import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense, ExpenseChanges, PaymentMethod } from '../../api/types';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { useFundOptions } from '../funds/funds.hooks';
import { updateExpense } from './expenses.api';
import { useCategories, useCostCenters, usePaymentMethodOptions } from './expenses.hooks';
import { useExpenseMutation } from './useExpenseAction';

interface Values {
  categoryId: string | null;
  costCenterId: string | null;
  paymentMethod: PaymentMethod;
  fundId: string | null;
}

const valuesOf = (expense: Expense): Values => ({
  categoryId: expense.categoryId,
  costCenterId: expense.costCenterId,
  paymentMethod: expense.paymentMethod,
  fundId: expense.fundId,
});

interface Props {
  expense: Expense;
  organizationId: string;
  opened: boolean;
  onClose: () => void;
}

/** A draft's classification: category, cost center, payment method (and its fund). PATCH sends only changes. */
export function EditDraftModal({ expense, organizationId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const categories = useCategories(organizationId);
  const costCenters = useCostCenters(organizationId, opened);
  const funds = useFundOptions(organizationId);
  const paymentOptions = usePaymentMethodOptions();
  const form = useForm<Values>({
    initialValues: valuesOf(expense),
    validate: {
      fundId: (value, values) =>
        values.paymentMethod === 'fund_cash' && !value ? t('expenses.form.fundRequired') : null,
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: start from the expense each time it opens
  useEffect(() => {
    if (opened) form.setValues(valuesOf(expense));
  }, [opened]);

  const save = useExpenseMutation(
    organizationId,
    expense.id,
    (changes: ExpenseChanges) => updateExpense(expense.id, changes),
    () => {
      notifySuccess(t('expenses.edit.saved'));
      onClose();
    },
  );

  const submit = form.onSubmit((values) => {
    const before = valuesOf(expense);
    const changes: ExpenseChanges = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => before[key as keyof Values] !== value),
    );
    if (Object.keys(changes).length === 0) return onClose();
    save.mutate(changes, { onError: (error) => applyFieldErrors(form, error) });
  });

  const fundOptions = funds.open.map((fund) => ({ value: fund.id, label: fund.name }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('expenses.edit.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormErrorAlert error={save.error} />
          <Select
            label={t('expenses.form.category')}
            placeholder={t('expenses.form.categoryPlaceholder')}
            data={categories.options}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('categoryId')}
          />
          <Select
            label={t('expenses.edit.costCenter')}
            placeholder={
              costCenters.options.length === 0
                ? t('expenses.edit.noCostCenters')
                : t('expenses.edit.noCostCenter')
            }
            data={costCenters.options}
            searchable
            clearable
            disabled={costCenters.options.length === 0}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('costCenterId')}
          />
          <Select
            label={t('expenses.form.paymentMethod')}
            data={paymentOptions}
            allowDeselect={false}
            {...form.getInputProps('paymentMethod')}
          />
          <Select
            label={t('expenses.form.fund')}
            description={t('expenses.form.fundHint')}
            placeholder={t('expenses.form.noFund')}
            data={fundOptions}
            required={form.values.paymentMethod === 'fund_cash'}
            clearable={form.values.paymentMethod !== 'fund_cash'}
            {...form.getInputProps('fundId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('expenses.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
