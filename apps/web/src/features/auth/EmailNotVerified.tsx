import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/problem';
import { resendVerification } from './auth.api';

/** The login refused an unverified email: say so and offer a new link to that address. */
export function EmailNotVerified({ error, email }: { error: unknown; email: string }) {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: () => resendVerification(email) });

  return (
    <Alert color="orange" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {resend.isSuccess ? (
          <Text size="sm" role="status">
            {t('resend.sent', { email })}
          </Text>
        ) : (
          <Button size="xs" variant="white" onClick={() => resend.mutate()} loading={resend.isPending}>
            {t('resend.submit')}
          </Button>
        )}
        {resend.isError && (
          <Text size="sm" c="red">
            {errorMessage(resend.error, t)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
