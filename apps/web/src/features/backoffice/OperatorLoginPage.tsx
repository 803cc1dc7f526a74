import { Box, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../api/session';
import { applyFieldErrors, ErrorAlert } from '../../app/problem';
import { validators } from '../../app/validation';
import { CredentialsFields } from '../auth/CredentialsFields';
import { backofficeKeys, logInOperator } from './backoffice.api';
import { useOperatorSession } from './backoffice.hooks';

const HOME = '/operador/organizaciones';

/** After signing in, back to the back-office page asked for; never out of the back office. */
function nextPage(next: string | null): string {
  const path = safeNextPath(next);
  return path?.startsWith('/operador/') && !path.startsWith('/operador/entrar') ? path : HOME;
}

/** `/operador/entrar`: the platform operator's sign-in, apart from the customers' one. */
export function OperatorLoginPage() {
  const { t } = useTranslation();
  const v = validators(t);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const session = useOperatorSession();
  const next = nextPage(searchParams.get('next'));
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: v.email, password: v.required },
  });
  const mutation = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      logInOperator(values.email.trim(), values.password),
    onSuccess: ({ operator }) => {
      queryClient.setQueryData(backofficeKeys.session, operator);
      navigate(next, { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  if (session.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'lg', sm: 48 }}>
      <Container size={460} px="md">
        <Paper component="main" withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2">
                  {t('backoffice.login.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('backoffice.login.subtitle')}
                </Text>
              </div>
              <ErrorAlert error={mutation.error} />
              <CredentialsFields form={form} />
              <Button type="submit" loading={mutation.isPending} fullWidth>
                {t('backoffice.login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Box>
  );
}
