import { Badge, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageMembers, isOwner } from '../../api/session';
import type { Me, Member } from '../../api/types';
import { ErrorAlert } from '../../app/problem';
import { EditRolesModal } from './EditRolesModal';
import { MemberActions } from './MemberActions';
import { listMembers, membersKeys } from './members.api';
import { RoleBadges } from './RoleBadges';
import { TransferOwnershipModal } from './TransferOwnershipModal';

export function MembersTable({ me }: { me: Me }) {
  const { t } = useTranslation();
  const canManage = canManageMembers(me);
  const [editing, setEditing] = useState<Member | null>(null);
  const [transferTo, setTransferTo] = useState<Member | null>(null);
  const members = useInfiniteQuery({
    queryKey: membersKeys.members(me.organization.id),
    queryFn: ({ pageParam }) => listMembers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  if (members.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (members.isError) return <ErrorAlert error={members.error} />;

  const rows = members.data.pages.flatMap((page) => page.data);
  return (
    <Stack>
      <Table.ScrollContainer minWidth={820}>
        <Table
          striped
          highlightOnHover
          verticalSpacing="sm"
          horizontalSpacing="xs"
          aria-label={t('members.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.name')}</Table.Th>
              <Table.Th>{t('members.email')}</Table.Th>
              <Table.Th>{t('members.roles')}</Table.Th>
              <Table.Th>{t('members.status')}</Table.Th>
              {canManage && <Table.Th>{t('members.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  {member.user.name}{' '}
                  {member.user.id === me.user.id && (
                    <Text span c="dimmed" size="sm">
                      {t('members.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{member.user.email}</Table.Td>
                <Table.Td>
                  <RoleBadges roles={member.roles} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={member.active ? 'green' : 'gray'}
                    variant="dot"
                    tt="none"
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {member.active ? t('members.active') : t('members.inactive')}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <MemberActions
                      member={member}
                      me={me}
                      canTransfer={isOwner(me)}
                      onEditRoles={() => setEditing(member)}
                      onTransfer={() => setTransferTo(member)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && <Text c="dimmed">{t('members.empty')}</Text>}
      {members.hasNextPage && (
        <Button
          variant="default"
          onClick={() => members.fetchNextPage()}
          loading={members.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('members.loadMore')}
        </Button>
      )}
      <EditRolesModal member={editing} organizationId={me.organization.id} onClose={() => setEditing(null)} />
      <TransferOwnershipModal member={transferTo} onClose={() => setTransferTo(null)} />
    </Stack>
  );
}
