import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { confirmPasswordReset } from './auth.api';

/** `/restablecer?token=`: sets a new password with the emailed single-use link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const v = validators(t);
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: {
      password: v.password,
      confirmation: (value, values) => (value === values.password ? null : t('validation.passwordsMismatch')),
    },
  });
  const mutation = useMutation({
    mutationFn: (password: string) => confirmPasswordReset(token, password),
    onError: (error) => applyFieldErrors(form, error),
  });

  if (mutation.isSuccess) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('reset.successTitle')}
        </Title>
        <Text>{t('reset.successBody')}</Text>
        <Button component={Link} to="/entrar">
          {t('common.goToLogin')}
        </Button>
      </Stack>
    );
  }

  const requestNew = (
    <Anchor component={Link} to="/olvide" size="sm">
      {t('reset.requestNew')}
    </Anchor>
  );

  if (token === '') {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('reset.title')}
        </Title>
        <Alert color="red" variant="light" role="alert">
          {t('reset.missingToken')}
        </Alert>
        {requestNew}
      </Stack>
    );
  }

  return (
    <form onSubmit={form.onSubmit(({ password }) => mutation.mutate(password))} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('reset.title')}
        </Title>
        {mutation.isError && (
          <Stack gap="xs">
            <ErrorAlert error={mutation.error} />
            {requestNew}
          </Stack>
        )}
        <PasswordInput
          label={t('reset.password')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          maxLength={128}
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('reset.confirm')}
          autoComplete="new-password"
          required
          maxLength={128}
          {...form.getInputProps('confirmation')}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
