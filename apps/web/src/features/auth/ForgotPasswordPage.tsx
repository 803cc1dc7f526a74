import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { requestPasswordReset } from './auth.api';

/** `/olvide`: the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: '' }, validate: { email: validators(t).email } });
  const mutation = useMutation({
    mutationFn: (email: string) => requestPasswordReset(email.trim()),
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('forgot.title')}
      </Title>
      {mutation.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          {t('forgot.sent', { email: mutation.variables })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(({ email }) => mutation.mutate(email))} noValidate>
          <Stack>
            <Text size="sm">{t('forgot.body')}</Text>
            <ErrorAlert error={mutation.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/entrar" size="sm" ta="center">
        {t('common.backToLogin')}
      </Anchor>
    </Stack>
  );
}
