import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatMoney, todayInMexico } from '../../app/format';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { payReplenishment, type ReplenishmentDetail } from './replenishments.api';
import { useReplenishmentMutation } from './useReplenishmentMutation';

interface Props {
  replenishment: ReplenishmentDetail;
  organizationId: string;
  opened: boolean;
  onClose: () => void;
}

/** "Registrar pago": the transfer's date and reference; the fund's cash goes back to its authorized amount. */
export function PayModal({ replenishment, organizationId, opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { id, folio } = replenishment;
  const required = validators(t).required;
  const form = useForm({
    initialValues: { paymentDate: todayInMexico(), reference: '' },
    validate: { paymentDate: required, reference: required },
  });
  const pay = useReplenishmentMutation(
    organizationId,
    id,
    (values: { paymentDate: string; reference: string }) => payReplenishment(id, values),
    () => {
      notifySuccess(t('replenishments.pay.done', { folio }));
      close();
    },
  );

  function close() {
    form.reset();
    pay.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('replenishments.pay.title', { folio })}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          pay.mutate(
            { paymentDate: values.paymentDate, reference: values.reference.trim() },
            { onError: (error) => applyFieldErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <Text size="sm">
            {t('replenishments.pay.body', { total: formatMoney(replenishment.total, i18n.language) })}
          </Text>
          <FormErrorAlert error={pay.error} />
          <TextInput
            type="date"
            label={t('replenishments.pay.date')}
            required
            {...form.getInputProps('paymentDate')}
          />
          <TextInput
            label={t('replenishments.pay.reference')}
            placeholder={t('replenishments.pay.referencePlaceholder')}
            required
            maxLength={100}
            data-autofocus
            {...form.getInputProps('reference')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending}>
              {t('replenishments.pay.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
