import { Button, Code, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../../api/session';
import type { MfaSetup } from '../../api/types';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { enableMfa } from './profile.api';

/** Shows the QR and the secret, and proves the app works with one code before turning MFA on. */
export function MfaEnableForm({ setup }: { setup: MfaSetup }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { code: '' }, validate: { code: validators(t).totp } });
  const enable = useMutation({
    mutationFn: (code: string) => enableMfa(code.trim()),
    onSuccess: async () => {
      notifySuccess(t('mfa.enabledDone'));
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit(({ code }) => enable.mutate(code))} noValidate>
      <Stack>
        <Text size="sm">{t('mfa.scan')}</Text>
        <Image src={setup.qrDataUrl} alt={t('mfa.qrAlt')} w={200} h={200} fit="contain" />
        <Stack gap={4}>
          <Text size="sm">{t('mfa.secret')}</Text>
          <Code block style={{ wordBreak: 'break-all' }}>
            {setup.secret}
          </Code>
        </Stack>
        <ErrorAlert error={enable.error} />
        <TextInput
          label={t('mfa.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          w={{ base: '100%', xs: 220 }}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={enable.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('mfa.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
