import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { FormErrorAlert, notifySuccess } from '../../app/problem';
import { backofficeKeys, type CancelMotive, cancelInvoice, type PlatformInvoice } from './backoffice.api';

const MOTIVES: readonly CancelMotive[] = ['01', '02', '03', '04'];

/** "Cancelar": SAT's motive for cancelling a customer's CFDI (01 issues the replacement first). */
export function InvoiceCancelModal({ invoice, onClose }: { invoice: PlatformInvoice; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [motive, setMotive] = useState<CancelMotive>('02');
  const cancel = useMutation({
    mutationFn: () => cancelInvoice(invoice.id, motive),
    onSuccess: async (result) => {
      notifySuccess(
        t('backoffice.invoiceCancel.done', { status: t(`backoffice.invoices.statuses.${result.status}`) }),
      );
      await queryClient.invalidateQueries({ queryKey: backofficeKeys.all });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('backoffice.invoiceCancel.title')}>
      <Stack>
        <Text size="sm">
          {t('backoffice.invoiceCancel.body', {
            document: `${t(`backoffice.invoices.kind.${invoice.kind}`)} ${invoice.serie}-${invoice.folio}`,
            organization: invoice.organizationName,
            total: formatMoney(invoice.total, i18n.language),
            uuid: invoice.uuid ?? '—',
          })}
        </Text>
        <FormErrorAlert error={cancel.error} />
        <Radio.Group
          label={t('backoffice.invoiceCancel.motive')}
          description={t('backoffice.invoiceCancel.hint')}
          value={motive}
          onChange={(value) => setMotive(value as CancelMotive)}
        >
          <Stack gap="xs" mt="xs">
            {MOTIVES.filter((value) => value !== '01' || invoice.kind === 'ingreso').map((value) => (
              <Radio key={value} value={value} label={t(`backoffice.invoiceCancel.motives.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('backoffice.invoiceCancel.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
