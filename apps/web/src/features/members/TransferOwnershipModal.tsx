import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import { transferOwnership } from './members.api';

/** The owner hands the account to another active member and becomes an Administrador. */
export function TransferOwnershipModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const transfer = useMutation({
    mutationFn: (userId: string) => transferOwnership(userId),
    onSuccess: async () => {
      notifySuccess(t('transferModal.done', { name: member?.user.name ?? '' }));
      onClose();
      // The caller's own roles changed too: refetch the session and every list.
      await queryClient.invalidateQueries();
    },
  });

  const close = () => {
    transfer.reset();
    onClose();
  };

  return (
    <Modal opened={member !== null} onClose={close} title={t('transferModal.title')}>
      {member && (
        <Stack>
          <Text>{t('transferModal.body', { name: member.user.name, email: member.user.email })}</Text>
          <Text size="sm" c="dimmed">
            {t('transferModal.consequence')}
          </Text>
          <ErrorAlert error={transfer.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={transfer.isPending} onClick={() => transfer.mutate(member.user.id)}>
              {t('transferModal.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
