import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { logout, meQueryKey, storeSession, useMe } from '../../api/session';
import type { InvitationLookup, Me } from '../../api/types';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { type AcceptInvitationInput, acceptInvitation } from './auth.api';

/** Accepting answers the new session: keep it and go into the app. */
function useAccept(onError?: (error: unknown) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(input),
    onSuccess: async (me: Me) => {
      storeSession(queryClient, me);
      notifySuccess(t('invitation.joined', { organization: me.organization.name }));
      await navigate('/app', { replace: true });
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    onError,
  });
}

/** No account with the invited email yet: name and password create it. */
export function JoinAsNewUser({ token }: { token: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: { name: v.required, password: v.password },
  });
  const accept = useAccept((error) => applyFieldErrors(form, error));

  return (
    <form
      onSubmit={form.onSubmit(({ name, password }) => accept.mutate({ token, name: name.trim(), password }))}
      noValidate
    >
      <Stack>
        <Text size="sm">{t('invitation.newUserHint')}</Text>
        <ErrorAlert error={accept.error} />
        <TextInput
          label={t('invitation.name')}
          autoComplete="name"
          required
          {...form.getInputProps('name')}
        />
        <PasswordInput
          label={t('fields.password')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          maxLength={128}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('invitation.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}

/** The invited email already has an account: join with its session, or sign in first and come back. */
export function JoinAsExistingUser({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const accept = useAccept();
  const signOut = useMutation({ mutationFn: logout, onSuccess: () => window.location.reload() });

  if (me.isPending) return null;

  const here = `${location.pathname}${location.search}`;
  const signedIn = me.data;
  if (!signedIn) {
    return (
      <Stack>
        <Text size="sm">{t('invitation.existingUserHint')}</Text>
        <Button component={Link} to={`/entrar?next=${encodeURIComponent(here)}`}>
          {t('invitation.loginToAccept')}
        </Button>
      </Stack>
    );
  }

  if (signedIn.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Stack>
        <Alert color="orange" variant="light" role="alert">
          {t('invitation.wrongAccount', { current: signedIn.user.email, email: invitation.email })}
        </Alert>
        <Button variant="light" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('invitation.switchAccount')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack>
      <ErrorAlert error={accept.error} />
      <Button onClick={() => accept.mutate({ token })} loading={accept.isPending}>
        {t('invitation.join', { organization: invitation.organization.name })}
      </Button>
    </Stack>
  );
}
