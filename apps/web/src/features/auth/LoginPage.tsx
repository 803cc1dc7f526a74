import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { safeNextPath, storeSession, useMe } from '../../api/session';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { login } from './auth.api';
import { CredentialsFields } from './CredentialsFields';
import { EmailNotVerified } from './EmailNotVerified';

interface LoginValues {
  email: string;
  password: string;
  totp: string;
}

/** `/entrar`: email and password, then the TOTP code when the account has MFA. */
export function LoginPage() {
  const { t } = useTranslation();
  const v = validators(t);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [needsTotp, setNeedsTotp] = useState(false);
  const me = useMe();
  const next = safeNextPath(searchParams.get('next')) ?? '/app';
  const form = useForm<LoginValues>({
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: v.email,
      password: v.required,
      totp: (value) => (needsTotp ? v.totp(value) : null),
    },
  });
  const mutation = useMutation({
    mutationFn: ({ email, password, totp }: LoginValues) =>
      login({ email: email.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) }),
    onSuccess: (me) => {
      storeSession(queryClient, me);
      navigate(next, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'MFA_REQUIRED')) setNeedsTotp(true);
      if (isApiError(error, 'MFA_INVALID')) form.setFieldValue('totp', '');
      applyFieldErrors(form, error);
    },
  });

  // Already signed in (e.g. a bookmarked login page): go straight on.
  if (me.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  const error = mutation.error;
  const mfaRequired = isApiError(error, 'MFA_REQUIRED');
  const notVerified = isApiError(error, 'EMAIL_NOT_VERIFIED');

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        {mfaRequired ? (
          <Alert color="blue" variant="light" role="status">
            {t('login.mfaRequired')}
          </Alert>
        ) : notVerified ? (
          <EmailNotVerified error={error} email={form.values.email.trim()} />
        ) : (
          <ErrorAlert error={error} />
        )}
        <CredentialsFields form={form} />
        {needsTotp && (
          <TextInput
            label={t('login.totp')}
            description={t('login.totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            data-autofocus
            {...form.getInputProps('totp')}
          />
        )}
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {t('login.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to="/olvide" size="sm">
            {t('login.forgot')}
          </Anchor>
          <Text size="sm">
            {t('login.noAccount')}{' '}
            <Anchor component={Link} to="/registro">
              {t('login.signupLink')}
            </Anchor>
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
