import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../../api/session';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { disableMfa } from './profile.api';

/** Turning MFA off asks for the current password, so a left-open session cannot do it alone. */
export function MfaDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { password: '' }, validate: { password: validators(t).required } });
  const disable = useMutation({
    mutationFn: (password: string) => disableMfa(password),
    onSuccess: async () => {
      notifySuccess(t('mfa.disabledDone'));
      onDisabled();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit(({ password }) => disable.mutate(password))} noValidate>
      <Stack>
        <Text size="sm">{t('mfa.disableBody')}</Text>
        <ErrorAlert error={disable.error} />
        <PasswordInput
          label={t('mfa.currentPassword')}
          autoComplete="current-password"
          required
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('password')}
        />
        <Button
          type="submit"
          color="red"
          variant="light"
          loading={disable.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('mfa.disable')}
        </Button>
      </Stack>
    </form>
  );
}
