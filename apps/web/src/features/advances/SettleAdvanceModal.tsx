import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { toCentavos } from '../../app/money';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { expensesKeys } from '../expenses/expenses.api';
import { fundsKeys } from '../funds/funds.api';
import { type AdvanceModalProps, advancesKeys, settleAdvance } from './advances.api';

/**
 * "Liquidar": what settling does before it is done — the approved expenses against the advance,
 * and whether the employee returns the unspent part or is paid the excess (from the fund's cash or
 * by transfer, whose reference is asked for).
 */
export function SettleAdvanceModal({ advance, organizationId, opened, onClose }: AdvanceModalProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [reference, setReference] = useState('');
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const { preview, totals } = advance;
  const cash = advance.method === 'fund_cash';
  const returns = (toCentavos(preview.toReturn) ?? 0n) > 0n;
  const pays = (toCentavos(preview.toPay) ?? 0n) > 0n;
  const waiting = totals.waiting.draft + totals.waiting.submitted;
  const needsReference = !cash && (returns || pays);

  const settle = useMutation({
    mutationFn: () => settleAdvance(advance.id, reference.trim() || undefined),
    onSuccess: async (settled) => {
      notifySuccess(t('advances.settle.done', { folio: settled.folio }));
      setReference('');
      onClose();
      queryClient.setQueryData(advancesKeys.detail(organizationId, advance.id), settled);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: advancesKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
      ]);
    },
  });

  const vars = { name: advance.employee.name, fund: advance.fund?.name ?? '' };
  const outcome = returns
    ? t(cash ? 'advances.settle.returnsCash' : 'advances.settle.returnsTransfer', {
        ...vars,
        amount: money(preview.toReturn),
      })
    : pays
      ? t(cash ? 'advances.settle.paysCash' : 'advances.settle.paysTransfer', {
          ...vars,
          amount: money(preview.toPay),
        })
      : t('advances.settle.even');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('advances.settle.title', { folio: advance.folio })}
      fullScreen={isPhone}
    >
      <Stack>
        {waiting > 0 && (
          <Alert color="yellow" variant="light">
            {t('advances.settle.waiting', { count: waiting })}
          </Alert>
        )}
        <Table withRowBorders={false} aria-label={t('advances.settle.preview')}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('advances.amount')}</Table.Td>
              <Table.Td ta="right">{money(advance.amount)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('advances.settle.approvedExpenses')}</Table.Td>
              <Table.Td ta="right">− {money(preview.expenses)}</Table.Td>
            </Table.Tr>
            <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}>
              <Table.Td fw={700}>
                {pays ? t('advances.settle.toPay') : t('advances.settle.toReturn')}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {money(pays ? preview.toPay : preview.toReturn)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text>{outcome}</Text>
        {!cash && (
          <TextInput
            label={t('advances.settle.reference')}
            description={t('advances.settle.referenceHint')}
            required={needsReference}
            maxLength={100}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
          />
        )}
        <ErrorAlert error={settle.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => settle.mutate()}
            loading={settle.isPending}
            disabled={waiting > 0 || (needsReference && reference.trim() === '')}
          >
            {t('advances.settle.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
