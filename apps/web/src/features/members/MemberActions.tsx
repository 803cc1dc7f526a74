import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me, Member } from '../../api/types';
import { notifyError, notifySuccess } from '../../app/problem';
import { membersKeys, updateMember } from './members.api';

interface Props {
  member: Member;
  me: Me;
  canTransfer: boolean;
  onEditRoles: () => void;
  onTransfer: () => void;
}

/** A row's buttons: the owner's row is not editable; nobody deactivates themselves. */
export function MemberActions({ member, me, canTransfer, onEditRoles, onTransfer }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (active: boolean) => updateMember(member.id, { active }),
    onSuccess: async (updated) => {
      const name = updated.user?.name ?? member.user.name;
      notifySuccess(t(updated.active ? 'members.reactivated' : 'members.deactivated', { name }));
      await queryClient.invalidateQueries({ queryKey: membersKeys.members(me.organization.id) });
    },
    onError: (error) => notifyError(error, t),
  });

  if (member.roles.includes('owner')) return null;
  const isSelf = member.user.id === me.user.id;

  return (
    <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
      <Button miw="max-content" size="xs" variant="light" onClick={onEditRoles}>
        {t('members.editRoles')}
      </Button>
      {!isSelf && (
        <Button
          miw="max-content"
          size="xs"
          variant="light"
          color={member.active ? 'red' : 'green'}
          loading={setActive.isPending}
          onClick={() => setActive.mutate(!member.active)}
        >
          {member.active ? t('members.deactivate') : t('members.reactivate')}
        </Button>
      )}
      {canTransfer && member.active && !isSelf && (
        <Button miw="max-content" size="xs" variant="subtle" onClick={onTransfer}>
          {t('members.transfer')}
        </Button>
      )}
    </Group>
  );
}
