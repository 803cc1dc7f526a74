import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { resendVerification } from './auth.api';

/** Asks for the email and sends a fresh verification link (the answer never says whether it exists). */
export function ResendVerificationForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: initialEmail }, validate: { email: validators(t).email } });
  const resend = useMutation({
    mutationFn: (email: string) => resendVerification(email.trim()),
    onError: (error) => applyFieldErrors(form, error),
  });

  if (resend.isSuccess) {
    return (
      <Alert color="teal" variant="light" role="status">
        {t('resend.sent', { email: resend.variables })}
      </Alert>
    );
  }

  return (
    <form onSubmit={form.onSubmit(({ email }) => resend.mutate(email))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={resend.error} />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <Button type="submit" variant="light" loading={resend.isPending}>
          {t('resend.submit')}
        </Button>
      </Stack>
    </form>
  );
}
