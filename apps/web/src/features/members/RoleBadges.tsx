import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSIGNABLE_ROLES, isRole, type Role } from '../../api/types';

/** The role names a person reads, in the product's order. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const known = roles.filter(isRole);
  return (
    <Group gap={4}>
      {known.map((role) => (
        <Badge
          key={role}
          tt="none"
          styles={{ label: { overflow: 'visible' } }}
          variant={role === 'owner' ? 'filled' : 'light'}
          color={role === 'owner' ? 'teal' : 'gray'}
        >
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Options for a role MultiSelect: every role but the owner's, which only moves by transfer. */
export function useAssignableRoleOptions(): { value: Role; label: string }[] {
  const { t } = useTranslation();
  return ASSIGNABLE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
