import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { canManageMembers, canReadMembers, useSession } from '../../api/session';
import { InvitationsSection } from './InvitationsSection';
import { InviteModal } from './InviteModal';
import { MembersTable } from './MembersTable';

/** `/app/miembros`: the organization's people and pending invitations; actions only for those who may act. */
export function MembersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [inviteOpened, invite] = useDisclosure(false);
  const canManage = canManageMembers(me);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('members.title')}
        </Title>
        {canManage && <Button onClick={invite.open}>{t('members.invite')}</Button>}
      </Group>
      {canReadMembers(me) ? (
        <MembersTable me={me} />
      ) : (
        <Alert color="gray" variant="light">
          {t('members.noAccess')}
        </Alert>
      )}
      {canManage && <InvitationsSection organizationId={me.organization.id} />}
      {canManage && (
        <InviteModal opened={inviteOpened} onClose={invite.close} organizationId={me.organization.id} />
      )}
    </Stack>
  );
}
