import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney, todayInMexico } from '../../app/format';
import { amountValidators, MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { type BackofficePayment, backofficeKeys, recordTransfer } from './backoffice.api';

interface Props {
  payment: BackofficePayment;
  onClose: () => void;
}

/** "Registrar transferencia": a SPEI transfer seen in the platform's account, the amount starting at what is missing. */
export function TransferModal({ payment, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const required = validators(t).required;
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const form = useForm({
    initialValues: { amount: payment.remaining, trackingKey: '', receivedOn: todayInMexico() },
    validate: { amount: amountValidators(t).positive, trackingKey: required, receivedOn: required },
  });
  const record = useMutation({
    mutationFn: (values: typeof form.values) =>
      recordTransfer(payment.id, {
        amount: values.amount.trim(),
        trackingKey: values.trackingKey.trim(),
        receivedOn: values.receivedOn,
      }),
    onSuccess: async ({ confirmed, payment: updated }) => {
      notifySuccess(
        confirmed
          ? t('backoffice.transfer.confirmed', { reference: updated.reference })
          : t('backoffice.transfer.partial', {
              reference: updated.reference,
              remaining: money(updated.remaining),
            }),
      );
      await queryClient.invalidateQueries({ queryKey: backofficeKeys.all });
      onClose();
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <Modal opened onClose={onClose} title={t('backoffice.transfer.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => record.mutate(values))}>
        <Stack>
          <Text size="sm">
            {t('backoffice.transfer.body', {
              reference: payment.reference,
              organization: payment.organizationName,
              total: money(payment.total),
              received: money(payment.amountReceived),
              remaining: money(payment.remaining),
            })}
          </Text>
          <FormErrorAlert error={record.error} />
          <MoneyInput
            label={t('backoffice.transfer.amount')}
            description={t('backoffice.transfer.amountHint')}
            required
            {...form.getInputProps('amount')}
          />
          <TextInput
            label={t('backoffice.transfer.trackingKey')}
            description={t('backoffice.transfer.trackingKeyHint')}
            required
            maxLength={30}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('trackingKey')}
          />
          <TextInput
            type="date"
            label={t('backoffice.transfer.receivedOn')}
            required
            max={todayInMexico()}
            {...form.getInputProps('receivedOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('backoffice.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
