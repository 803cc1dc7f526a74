import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { formatClabe } from '../subscription/subscription-format';
import { type BackofficeRefund, backofficeKeys, markRefundIssued } from './backoffice.api';

/** "Registrar envío": the SPEI refund the operator sent from the platform's account, by its tracking key. */
export function RefundIssuedModal({ refund, onClose }: { refund: BackofficeRefund; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { trackingKey: '' },
    validate: { trackingKey: validators(t).required },
  });
  const issue = useMutation({
    mutationFn: (trackingKey: string) => markRefundIssued(refund.id, trackingKey),
    onSuccess: async () => {
      notifySuccess(t('backoffice.refundIssued.done'));
      await queryClient.invalidateQueries({ queryKey: backofficeKeys.all });
      onClose();
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <Modal opened onClose={onClose} title={t('backoffice.refundIssued.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => issue.mutate(values.trackingKey.trim()))}>
        <Stack>
          <Text size="sm">
            {t('backoffice.refundIssued.body', {
              total: formatMoney(refund.total, i18n.language),
              clabe: refund.clabe ? formatClabe(refund.clabe) : '—',
              organization: refund.organizationName,
            })}
          </Text>
          <FormErrorAlert error={issue.error} />
          <TextInput
            label={t('backoffice.transfer.trackingKey')}
            description={t('backoffice.transfer.trackingKeyHint')}
            required
            maxLength={30}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('trackingKey')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={issue.isPending}>
              {t('backoffice.refundIssued.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
