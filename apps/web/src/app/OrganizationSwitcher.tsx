import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { meQueryKey, storeSession } from '../api/session';
import type { Me } from '../api/types';
import { notifyError, notifySuccess } from './problem';

/** Moves the session to another organization of the user; every organization's data is then refetched. */
export function OrganizationSwitcher({ me, fullWidth = false }: { me: Me; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchOrganization = useMutation({
    mutationFn: (organizationId: string) => api.post<Me>('/auth/switch-organization', { organizationId }),
    onSuccess: async (next) => {
      storeSession(queryClient, next);
      notifySuccess(t('shell.switched', { organization: next.organization.name }));
      await navigate('/app');
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    onError: (error) => notifyError(error, t),
  });

  const data = me.memberships.map((membership) => ({
    value: membership.organization.id,
    label: membership.organization.name,
  }));

  return (
    <Select
      aria-label={t('shell.switchOrganization')}
      data={data}
      value={me.organization.id}
      onChange={(value) => {
        if (value && value !== me.organization.id) switchOrganization.mutate(value);
      }}
      allowDeselect={false}
      disabled={switchOrganization.isPending}
      w={fullWidth ? '100%' : 240}
      comboboxProps={{ position: 'bottom-start' }}
    />
  );
}
