import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fund, isChangeRequest } from '../../api/types';
import { formatMoney } from '../../app/format';
import { toCentavos } from '../../app/money';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { closeFund, fundsKeys } from './funds.api';

interface Props {
  fund: Fund;
  opened: boolean;
  organizationId: string;
  onClose: () => void;
}

/** "Cerrar caja", after saying what happens: the cash returns to the bank, no more movements. */
export function CloseFundModal({ fund, opened, organizationId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [memo, setMemo] = useState('');
  const closing = useMutation({
    mutationFn: () => closeFund(fund.id, memo.trim() || undefined),
    onSuccess: async (outcome) => {
      if (isChangeRequest(outcome)) {
        notifySuccess(t('funds.changes.requested', { amount: formatMoney(outcome.amount, i18n.language) }));
      } else {
        notifySuccess(t('funds.close.done', { name: outcome.name }));
        queryClient.setQueryData(fundsKeys.detail(organizationId, fund.id), outcome);
      }
      close();
      await queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
  });

  function close() {
    setMemo('');
    closing.reset();
    onClose();
  }

  const money = (amount: string) => formatMoney(amount, i18n.language);
  const hasPending =
    (toCentavos(fund.pendingVouchers) ?? 0n) > 0n || (toCentavos(fund.openAdvances) ?? 0n) > 0n;
  return (
    <Modal opened={opened} onClose={close} title={t('funds.close.title', { name: fund.name })}>
      <Stack>
        <Text>{t('funds.close.body', { cash: money(fund.cash) })}</Text>
        {hasPending && (
          <Alert color="orange" variant="light">
            {t('funds.close.pendingWarning', {
              pending: money(fund.pendingVouchers),
              advances: money(fund.openAdvances),
            })}
          </Alert>
        )}
        <Textarea
          label={t('funds.close.memo')}
          maxLength={500}
          autosize
          minRows={2}
          value={memo}
          onChange={(event) => setMemo(event.currentTarget.value)}
        />
        <ErrorAlert error={closing.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={closing.isPending} onClick={() => closing.mutate()}>
            {t('funds.close.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
