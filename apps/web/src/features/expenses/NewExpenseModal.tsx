import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me, PaymentMethod } from '../../api/types';
import { todayInMexico } from '../../app/format';
import { MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { fundsKeys } from '../funds/funds.api';
import { useUsableFunds } from '../funds/funds.hooks';
import {
  EXPENSE_FIELD_ALIASES,
  expectedTotal,
  type NewExpenseValues,
  newExpenseValidators,
  toExpenseInput,
} from './expense-form';
import { createExpense, expensesKeys } from './expenses.api';
import { useCategories, usePaymentMethodOptions } from './expenses.hooks';

interface Props {
  opened: boolean;
  onClose: () => void;
  me: Me;
  defaultFundId?: string;
}

/** "Registrar gasto": an expense without CFDI (a ticket); full screen on a phone. */
export function NewExpenseModal({ opened, onClose, me, defaultFundId }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const usable = useUsableFunds(me);
  const categories = useCategories(me.organization.id);
  const paymentOptions = usePaymentMethodOptions();
  // The total follows subtotal + IVA until the person types one of their own.
  const totalTyped = useRef(false);
  const fundId = defaultFundId ?? (usable.length === 1 ? usable[0]?.id : undefined) ?? null;
  const form = useForm<NewExpenseValues>({
    initialValues: {
      date: todayInMexico(),
      concept: '',
      categoryId: null,
      paymentMethod: fundId ? 'fund_cash' : 'employee',
      fundId,
      supplierRfc: '',
      supplierName: '',
      subtotal: '',
      iva: '',
      total: '',
    },
    validate: newExpenseValidators(t),
    onValuesChange: (values, previous) => {
      if (totalTyped.current || (values.subtotal === previous.subtotal && values.iva === previous.iva))
        return;
      const expected = expectedTotal(values);
      if (expected !== null && expected !== values.total) form.setFieldValue('total', expected);
    },
  });
  // Funds load after the form is built: on opening an untouched form, pick the likely fund.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the modal opens or funds arrive
  useEffect(() => {
    if (!opened || form.isDirty()) return;
    form.setValues({ fundId, paymentMethod: fundId ? 'fund_cash' : 'employee' });
    form.resetDirty();
  }, [opened, fundId]);

  const create = useMutation({
    mutationFn: (values: NewExpenseValues) => createExpense(toExpenseInput(values)),
    onSuccess: (expense) => {
      notifySuccess(t('expenses.form.created', { concept: expense.concept }));
      close();
      // Straight to the new draft (to send it); lists and fund balances refetch behind.
      queryClient.setQueryData(expensesKeys.detail(me.organization.id, expense.id), expense);
      navigate(`/app/gastos/${expense.id}`);
      void queryClient.invalidateQueries({ queryKey: expensesKeys.all });
      void queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
    onError: (error) => applyFieldErrors(form, error, EXPENSE_FIELD_ALIASES),
  });

  function close() {
    form.reset();
    totalTyped.current = false;
    create.reset();
    onClose();
  }

  const fundCash = form.values.paymentMethod === 'fund_cash';
  const fundOptions = usable.map((fund) => ({ value: fund.id, label: fund.name }));
  return (
    <Modal opened={opened} onClose={close} title={t('expenses.form.title')} fullScreen={isPhone} size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('expenses.form.date')} required {...form.getInputProps('date')} />
            <Select
              label={t('expenses.form.category')}
              placeholder={t('expenses.form.categoryPlaceholder')}
              data={categories.options}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('categoryId')}
            />
          </SimpleGrid>
          <TextInput
            label={t('expenses.form.concept')}
            placeholder={t('expenses.form.conceptPlaceholder')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('concept')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('expenses.form.paymentMethod')}
              data={paymentOptions}
              required
              allowDeselect={false}
              {...form.getInputProps('paymentMethod')}
              onChange={(value) => {
                if (value) form.setFieldValue('paymentMethod', value as PaymentMethod);
                form.clearFieldError('fundId');
              }}
            />
            <Select
              label={t('expenses.form.fund')}
              description={t('expenses.form.fundHint')}
              placeholder={fundOptions.length === 0 ? t('expenses.form.noFunds') : t('expenses.form.noFund')}
              data={fundOptions}
              required={fundCash}
              clearable={!fundCash}
              disabled={fundOptions.length === 0}
              {...form.getInputProps('fundId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('expenses.form.supplierRfc')}
              maxLength={13}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('supplierRfc')}
            />
            <TextInput
              label={t('expenses.form.supplierName')}
              maxLength={254}
              {...form.getInputProps('supplierName')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <MoneyInput label={t('expenses.form.subtotal')} required {...form.getInputProps('subtotal')} />
            <MoneyInput label={t('expenses.form.iva')} {...form.getInputProps('iva')} />
            <MoneyInput
              label={t('expenses.form.total')}
              required
              {...form.getInputProps('total')}
              onChange={(event) => {
                totalTyped.current = true;
                form.setFieldValue('total', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('expenses.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
