import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense, Me } from '../../api/types';
import { formatDateTime, formatMoney } from '../../app/format';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { useExpenseMutation } from '../expenses/useExpenseAction';
import { useFundOptions, useUsableFunds } from '../funds/funds.hooks';
import { recordsPayments } from './advance-access';
import { type ReimbursementInput, reimburseExpense } from './advances.api';

/** An approved expense the employee paid with their own money (outside an advance) is paid back once. */
export function showsReimbursement(expense: Expense): boolean {
  return (
    expense.paymentMethod === 'employee' &&
    !expense.advanceId &&
    (expense.status === 'approved' || expense.reimbursement !== null)
  );
}

/**
 * "Reembolsar": by transfer (whoever records payments) or in cash from a fund (also its custodian);
 * once done, how and when it was paid back.
 */
export function ReimburseAction({ expense, me }: { expense: Expense; me: Me }) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [opened, modal] = useDisclosure(false);
  const payer = recordsPayments(me);
  const usable = useUsableFunds(me);
  const open = useFundOptions(me.organization.id).open;
  const funds = payer ? open : usable;
  const [method, setMethod] = useState<ReimbursementInput['method']>(payer ? 'transfer' : 'fund_cash');
  const [fundId, setFundId] = useState<string | null>(expense.fundId);
  const [reference, setReference] = useState('');
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const pay = useExpenseMutation(
    me.organization.id,
    expense.id,
    (input: ReimbursementInput) => reimburseExpense(expense.id, input),
    () => {
      modal.close();
      notifySuccess(
        t('advances.reimburse.done', { amount: money(expense.totalMxn), name: expense.spender.name }),
      );
    },
  );

  if (expense.reimbursement) {
    const done = expense.reimbursement;
    return (
      <Text size="sm" c="teal.8">
        {t(done.method === 'fund_cash' ? 'advances.reimburse.paidCash' : 'advances.reimburse.paidTransfer', {
          date: formatDateTime(done.reimbursedAt, i18n.language),
          fund: open.find((fund) => fund.id === done.fundId)?.name ?? '',
        })}
        {done.reference && ` · ${done.reference}`}
      </Text>
    );
  }
  if (!payer && usable.length === 0) return null;

  const cash = method === 'fund_cash';
  const ready = cash ? !!fundId : reference.trim() !== '';
  return (
    <>
      <Button variant="light" onClick={modal.open}>
        {t('advances.reimburse.action')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('advances.reimburse.title')} fullScreen={isPhone}>
        <Stack>
          <Text>
            {t('advances.reimburse.body', { amount: money(expense.totalMxn), name: expense.spender.name })}
          </Text>
          {payer && funds.length > 0 && (
            <SegmentedControl
              fullWidth
              value={method}
              onChange={(value) => setMethod(value as ReimbursementInput['method'])}
              data={[
                { value: 'transfer', label: t('advances.reimburse.transfer') },
                { value: 'fund_cash', label: t('advances.reimburse.cash') },
              ]}
            />
          )}
          {cash && (
            <Select
              label={t('advances.reimburse.fund')}
              description={t('advances.reimburse.fundHint')}
              data={funds.map((fund) => ({
                value: fund.id,
                label: t('advances.form.fundOption', { name: fund.name, cash: money(fund.cash) }),
              }))}
              value={fundId}
              onChange={setFundId}
              required
            />
          )}
          <TextInput
            label={t('advances.reimburse.reference')}
            required={!cash}
            maxLength={100}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
          />
          <ErrorAlert error={pay.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!ready}
              loading={pay.isPending}
              onClick={() =>
                pay.mutate({
                  method,
                  ...(cash && fundId ? { fundId } : {}),
                  ...(reference.trim() ? { reference: reference.trim() } : {}),
                })
              }
            >
              {t('advances.reimburse.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
