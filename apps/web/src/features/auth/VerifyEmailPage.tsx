import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../app/problem';
import { verifyEmail } from './auth.api';
import { ResendVerificationForm } from './ResendVerificationForm';

/** `/verificar?token=`: consumes the emailed link once, then points to the login. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  // A query, not a mutation: the token is single-use, and a query runs once even when React mounts twice.
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => verifyEmail(token),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

  if (token !== '' && verification.isPending) {
    return (
      <Stack align="center">
        <Loader aria-hidden />
        <Text role="status">{t('verify.verifying')}</Text>
      </Stack>
    );
  }

  if (verification.isSuccess) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('verify.successTitle')}
        </Title>
        <Text>{t('verify.successBody')}</Text>
        <Button component={Link} to="/entrar">
          {t('common.goToLogin')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('verify.failedTitle')}
      </Title>
      {token === '' ? (
        <Alert color="red" variant="light" role="alert">
          {t('verify.missingToken')}
        </Alert>
      ) : (
        <ErrorAlert error={verification.error} />
      )}
      <Text size="sm">{t('verify.requestNew')}</Text>
      <ResendVerificationForm />
    </Stack>
  );
}
