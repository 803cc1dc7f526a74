import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { ErrorAlert, notifyError, notifySuccess } from '../../app/problem';
import { listInvitations, membersKeys, revokeInvitation } from './members.api';
import { RoleBadges } from './RoleBadges';

/** Invitations not yet accepted, with their expiry and a way to revoke them. */
export function InvitationsSection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: membersKeys.invitations(organizationId),
    queryFn: listInvitations,
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => revokeInvitation(invitation.id),
    onSuccess: async (_, invitation) => {
      notifySuccess(t('invitations.revoked', { email: invitation.email }));
      await queryClient.invalidateQueries({ queryKey: membersKeys.invitations(organizationId) });
    },
    onError: (error) => notifyError(error, t),
  });

  const rows = invitations.data?.data ?? [];
  return (
    <Stack component="section" aria-labelledby="pending-invitations">
      <Title order={2} size="h3" id="pending-invitations">
        {t('invitations.title')}
      </Title>
      <ErrorAlert error={invitations.error} />
      {invitations.isSuccess && rows.length === 0 && <Text c="dimmed">{t('invitations.empty')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" aria-labelledby="pending-invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invitations.email')}</Table.Th>
                <Table.Th>{t('invitations.roles')}</Table.Th>
                <Table.Th>{t('invitations.expires')}</Table.Th>
                <Table.Th>{t('invitations.invitedBy')}</Table.Th>
                <Table.Th>{t('invitations.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={invitation.roles} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(invitation.expiresAt, i18n.language)}</Table.Td>
                  <Table.Td>{invitation.invitedBy?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      loading={revoke.isPending && revoke.variables?.id === invitation.id}
                      onClick={() => revoke.mutate(invitation)}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
