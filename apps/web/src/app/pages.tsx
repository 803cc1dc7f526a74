import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useRouteError } from 'react-router';
import { useMe } from '../api/session';
import { ErrorAlert } from './problem';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** `/`: into the app with a session, to the login otherwise. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <PageError error={me.error} />;
  return <Navigate to={me.data ? '/app' : '/entrar'} replace />;
}

export function PageError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480}>
        <ErrorAlert error={error} title={t('errors.loadFailed')} />
        <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}

export function RouteError() {
  const error = useRouteError();
  return <PageError error={error ?? new Error('route error')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" maw={480}>
        <Title order={1} ta="center">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('notFound.body')}
        </Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
