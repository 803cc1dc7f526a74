import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatMoney } from '../../app/format';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import type { SuspensionPreview } from './subscription.api';
import { useSuspend, useSuspensionPreview } from './subscription.hooks';
import { formatLongDay, isValidClabe } from './subscription-format';

interface Props {
  opened: boolean;
  organizationId: string;
  onClose: () => void;
}

/** The confirmation of a suspension, with the server's preview of what happens (refund, access) before it. */
export function SuspendModal({ opened, organizationId, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('subscription.suspend.modalTitle')}>
      {/* Mounted on open: the preview depends on today, so it is asked afresh each time. */}
      {opened && <SuspendConfirmation organizationId={organizationId} onClose={onClose} />}
    </Modal>
  );
}

function SuspendConfirmation({ organizationId, onClose }: { organizationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useSuspensionPreview(organizationId, true);
  if (preview.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (preview.isError) {
    return (
      <Stack>
        <ErrorAlert error={preview.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <SuspendForm preview={preview.data} onClose={onClose} />;
}

function SuspendForm({ preview, onClose }: { preview: SuspensionPreview; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const day = (isoDay: string) => formatLongDay(isoDay, i18n.language);
  const suspend = useSuspend();
  const [clabe, setClabe] = useState('');
  const [clabeError, setClabeError] = useState<string | null>(null);
  const serverClabeError =
    suspend.error instanceof ApiError
      ? suspend.error.fieldErrors.find((field) => field.path.endsWith('clabe'))?.message
      : undefined;

  function confirm() {
    if (preview.refundNeedsClabe) {
      if (clabe.length !== 18) return setClabeError(t('subscription.suspend.clabeLength'));
      if (!isValidClabe(clabe)) return setClabeError(t('subscription.suspend.clabeInvalid'));
    }
    // The promise, not mutate's callbacks: the refreshed status may unmount this form before they run.
    suspend.mutateAsync(preview.refundNeedsClabe ? clabe : undefined).then(
      (result) => {
        notifySuccess(
          result.refund
            ? t('subscription.suspend.doneRefund', { total: money(result.refund.total) })
            : t('subscription.suspend.done', {
                date: day(result.subscription.accessEndsOn ?? preview.accessEndsOn),
              }),
        );
        onClose();
      },
      () => undefined, // shown in the form
    );
  }

  const refund = preview.refund;
  return (
    <Stack>
      {preview.action === 'end_of_period' && (
        <Text>{t('subscription.suspend.endOfPeriod', { date: day(preview.accessEndsOn) })}</Text>
      )}
      {preview.action === 'refund' && refund && (
        <Alert color="blue" variant="light">
          <Stack gap="xs">
            <Text fw={600}>
              {t('subscription.suspend.refund', {
                count: refund.unusedMonths,
                total: money(refund.total),
                base: money(refund.base),
                iva: money(refund.iva),
              })}
            </Text>
            <Text size="sm">
              {t('subscription.suspend.refundAccess', { date: day(preview.accessEndsOn) })}
            </Text>
            <Text size="sm">{t('subscription.suspend.refundCfdi')}</Text>
          </Stack>
        </Alert>
      )}
      {preview.action === 'refund' && !refund && (
        <Text>{t('subscription.suspend.noRefund', { date: day(preview.accessEndsOn) })}</Text>
      )}
      {preview.refundNeedsClabe && (
        <TextInput
          label={t('subscription.suspend.clabe')}
          description={t('subscription.suspend.clabeHint')}
          value={clabe}
          onChange={(event) => {
            // Spaces and dashes as a bank prints them are dropped: the CLABE is its 18 digits.
            setClabe(event.currentTarget.value.replace(/\D/g, '').slice(0, 18));
            setClabeError(null);
          }}
          error={clabeError ?? serverClabeError}
          inputMode="numeric"
          autoComplete="off"
          required
        />
      )}
      <Text size="sm" c="dimmed">
        {t('subscription.suspend.readOnlyAfter')}
      </Text>
      {!serverClabeError && <ErrorAlert error={suspend.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={suspend.isPending} onClick={confirm}>
          {t('subscription.suspend.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
