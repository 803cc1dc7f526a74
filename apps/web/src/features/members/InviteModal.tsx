import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../api/types';
import { applyFieldErrors, ErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { createInvitation, membersKeys } from './members.api';
import { useAssignableRoleOptions } from './RoleBadges';

interface Props {
  opened: boolean;
  onClose: () => void;
  organizationId: string;
}

export function InviteModal({ opened, onClose, organizationId }: Props) {
  const { t } = useTranslation();
  const v = validators(t);
  const queryClient = useQueryClient();
  const roleOptions = useAssignableRoleOptions();
  const form = useForm<{ email: string; roles: string[] }>({
    initialValues: { email: '', roles: ['employee'] },
    validate: { email: v.email, roles: v.roles },
  });
  const invite = useMutation({
    mutationFn: ({ email, roles }: { email: string; roles: string[] }) =>
      createInvitation({ email: email.trim(), roles: roles.filter(isRole) }),
    onSuccess: async (invitation) => {
      notifySuccess(t('inviteModal.sent', { email: invitation.email }));
      close();
      await queryClient.invalidateQueries({ queryKey: membersKeys.invitations(organizationId) });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  function close() {
    form.reset();
    invite.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('inviteModal.title')}>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
        <Stack>
          <ErrorAlert error={invite.error} />
          <TextInput
            label={t('inviteModal.email')}
            type="email"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <MultiSelect
            searchable
            nothingFoundMessage={t('inviteModal.noRoleMatches')}
            label={t('inviteModal.roles')}
            placeholder={t('inviteModal.rolesPlaceholder')}
            data={roleOptions}
            required
            {...form.getInputProps('roles')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('inviteModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
