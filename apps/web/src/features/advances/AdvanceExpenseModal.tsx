import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInMexico } from '../../app/format';
import { amountValidators, MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { expensesKeys } from '../expenses/expenses.api';
import { type AdvanceModalProps, advancesKeys, recordAdvanceExpense, type TravelKind } from './advances.api';

interface Values {
  date: string;
  concept: string;
  total: string;
  travelKind: TravelKind | null;
}

const KINDS: TravelKind[] = ['food', 'lodging', 'car_rental', 'other'];

/**
 * "Registrar gasto" of the employee who received the advance: a ticket paid with its money. It
 * opens as a draft on its own page, where the CFDI is attached and it is sent for approval.
 */
export function AdvanceExpenseModal({ advance, organizationId, opened, onClose }: AdvanceModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const form = useForm<Values>({
    initialValues: { date: todayInMexico(), concept: '', total: '', travelKind: null },
    validate: {
      date: validators(t).required,
      concept: validators(t).required,
      total: amountValidators(t).positive,
    },
  });
  const record = useMutation({
    mutationFn: (values: Values) =>
      recordAdvanceExpense({
        date: values.date,
        concept: values.concept.trim(),
        subtotal: values.total.trim(),
        total: values.total.trim(),
        paymentMethod: 'employee',
        advanceId: advance.id,
        ...(values.travelKind ? { travelKind: values.travelKind } : {}),
      }),
    onSuccess: (expense) => {
      notifySuccess(t('expenses.form.created', { concept: expense.concept }));
      form.reset();
      onClose();
      queryClient.setQueryData(expensesKeys.detail(organizationId, expense.id), expense);
      navigate(`/app/gastos/${expense.id}`);
      void queryClient.invalidateQueries({ queryKey: advancesKeys.all });
      void queryClient.invalidateQueries({ queryKey: expensesKeys.all });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('advances.expense.title', { folio: advance.folio })}
      fullScreen={isPhone}
    >
      <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('advances.expense.hint')}
          </Text>
          <FormErrorAlert error={record.error} />
          <TextInput
            label={t('expenses.form.concept')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('concept')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('expenses.form.date')} required {...form.getInputProps('date')} />
            <MoneyInput label={t('advances.expense.total')} required {...form.getInputProps('total')} />
          </SimpleGrid>
          {advance.trip && (
            <Select
              label={t('advances.expense.travelKind')}
              description={t('advances.expense.travelKindHint')}
              data={KINDS.map((kind) => ({ value: kind, label: t(`advances.travelKind.${kind}`) }))}
              clearable
              {...form.getInputProps('travelKind')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('advances.expense.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
