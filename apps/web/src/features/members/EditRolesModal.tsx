import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, type Member, type Role } from '../../api/types';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { membersKeys, updateMember } from './members.api';
import { useAssignableRoleOptions } from './RoleBadges';

interface Props {
  member: Member | null;
  organizationId: string;
  onClose: () => void;
}

export function EditRolesModal({ member, organizationId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useAssignableRoleOptions();
  const form = useForm<{ roles: string[] }>({
    initialValues: { roles: [] },
    validate: { roles: validators(t).roles },
  });
  const save = useMutation({
    mutationFn: (roles: Role[]) => updateMember(member?.id ?? '', { roles }),
    onSuccess: async () => {
      notifySuccess(t('members.rolesUpdated', { name: member?.user.name ?? '' }));
      await queryClient.invalidateQueries({ queryKey: membersKeys.members(organizationId) });
      onClose();
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  // Each time a member is picked, start from their current roles.
  const memberId = member?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another member is opened
  useEffect(() => {
    if (!member) return;
    form.setValues({ roles: member.roles.filter((role) => role !== 'owner') });
    form.resetDirty();
    save.reset();
  }, [memberId]);

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={t('editRolesModal.title', { name: member?.user.name ?? '' })}
    >
      <form onSubmit={form.onSubmit(({ roles }) => save.mutate(roles.filter(isRole)))} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <MultiSelect
            searchable
            label={t('editRolesModal.roles')}
            data={roleOptions}
            required
            nothingFoundMessage={t('inviteModal.noRoleMatches')}
            {...form.getInputProps('roles')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('editRolesModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
