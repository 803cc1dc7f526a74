import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fund, isChangeRequest } from '../../api/types';
import { formatMoney } from '../../app/format';
import { amountValidators, MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { adjustFund, fundsKeys } from './funds.api';

export type Direction = 'increase' | 'decrease';

interface Props {
  fund: Fund;
  direction: Direction | null;
  organizationId: string;
  onClose: () => void;
}

/** "Aumentar" / "Disminuir": the authorized amount and the cash move together, with a note. */
export function AdjustFundModal({ fund, direction, organizationId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // While the modal fades out `direction` is already null: keep the last one's texts.
  const last = useRef<Direction>('increase');
  if (direction !== null) last.current = direction;
  const form = useForm({
    initialValues: { amount: '', memo: '' },
    validate: { amount: amountValidators(t).positive },
  });
  const adjust = useMutation({
    mutationFn: ({ amount, memo }: { amount: string; memo: string }) =>
      adjustFund(fund.id, last.current, amount.trim(), memo.trim() || undefined),
    onSuccess: async (outcome) => {
      if (isChangeRequest(outcome)) {
        notifySuccess(t('funds.changes.requested', { amount: formatMoney(outcome.amount, i18n.language) }));
      } else {
        notifySuccess(
          t(last.current === 'decrease' ? 'funds.adjust.decreased' : 'funds.adjust.increased', {
            name: outcome.name,
            amount: formatMoney(outcome.authorizedAmount, i18n.language),
          }),
        );
        queryClient.setQueryData(fundsKeys.detail(organizationId, fund.id), outcome);
      }
      close();
      await queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  function close() {
    form.reset();
    adjust.reset();
    onClose();
  }

  const decrease = last.current === 'decrease';
  return (
    <Modal
      opened={direction !== null}
      onClose={close}
      title={t(decrease ? 'funds.adjust.decreaseTitle' : 'funds.adjust.increaseTitle', { name: fund.name })}
    >
      <form onSubmit={form.onSubmit((values) => adjust.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {decrease
              ? t('funds.adjust.decreaseBody', { cash: formatMoney(fund.cash, i18n.language) })
              : t('funds.adjust.increaseBody')}
          </Text>
          <FormErrorAlert error={adjust.error} />
          <MoneyInput
            label={t('funds.adjust.amount')}
            required
            data-autofocus
            {...form.getInputProps('amount')}
          />
          <Textarea
            label={t('funds.adjust.memo')}
            placeholder={t('funds.adjust.memoPlaceholder')}
            maxLength={500}
            autosize
            minRows={2}
            {...form.getInputProps('memo')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={adjust.isPending} color={decrease ? 'orange' : undefined}>
              {t(decrease ? 'funds.adjust.decreaseSubmit' : 'funds.adjust.increaseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
