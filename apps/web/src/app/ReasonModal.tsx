import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, FormErrorAlert } from './problem';
import { validators } from './validation';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  maxLength: number;
  /** Sends the trimmed reason; a failure is shown in the form (on the field it names), success closes it. */
  submit: (reason: string) => Promise<unknown>;
}

/** A decision that needs a written reason (rejecting an expense, a fund change): required, then sent. */
export function ReasonModal({
  opened,
  onClose,
  title,
  label,
  description,
  submitLabel,
  maxLength,
  submit,
}: Props) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: validators(t).required } });
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: () => close(),
    onError: (error) => applyFieldErrors(form, error),
  });

  function close() {
    form.reset();
    mutation.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={form.onSubmit(({ reason }) => mutation.mutate(reason.trim()))} noValidate>
        <Stack>
          <FormErrorAlert error={mutation.error} />
          <Textarea
            label={label}
            description={description}
            required
            maxLength={maxLength}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
