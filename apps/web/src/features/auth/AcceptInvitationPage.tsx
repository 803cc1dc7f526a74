import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../app/problem';
import { RoleBadges } from '../members/RoleBadges';
import { lookupInvitation } from './auth.api';
import { JoinAsExistingUser, JoinAsNewUser } from './JoinInvitation';

/** `/invitacion?token=`: who invites, to what, and the way in for a new or an existing person. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const lookup = useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: () => lookupInvitation(token),
    enabled: token !== '',
    retry: false,
  });

  if (token === '' || lookup.isError) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('invitation.failedTitle')}
        </Title>
        {token === '' ? (
          <Alert color="red" variant="light" role="alert">
            {t('invitation.missingToken')}
          </Alert>
        ) : (
          <ErrorAlert error={lookup.error} />
        )}
      </Stack>
    );
  }

  if (lookup.isPending) {
    return (
      <Stack align="center">
        <Loader aria-label={t('common.loading')} />
      </Stack>
    );
  }

  const invitation = lookup.data;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('invitation.invitedTo', { organization: invitation.organization.name })}
      </Title>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('invitation.invitedEmail')}
        </Text>
        <Text fw={500}>{invitation.email}</Text>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('invitation.roles')}
        </Text>
        <RoleBadges roles={invitation.roles} />
      </Stack>
      {invitation.existingUser ? (
        <JoinAsExistingUser token={token} invitation={invitation} />
      ) : (
        <JoinAsNewUser token={token} />
      )}
    </Stack>
  );
}
