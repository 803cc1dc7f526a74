import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/problem';
import { resendVerification } from './auth.api';

/** After sign-up: where the verification link went, and a way to send it again. */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: () => resendVerification(email) });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('checkEmail.title')}
      </Title>
      <Text>{t('checkEmail.body', { email })}</Text>
      <Text c="dimmed" size="sm">
        {t('checkEmail.hint')}
      </Text>
      {resend.isSuccess && (
        <Alert color="teal" variant="light" role="status">
          {t('checkEmail.resent')}
        </Alert>
      )}
      <ErrorAlert error={resend.error} />
      <Button variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
        {t('checkEmail.resend')}
      </Button>
      <Anchor component={Link} to="/entrar" size="sm" ta="center">
        {t('common.goToLogin')}
      </Anchor>
    </Stack>
  );
}
