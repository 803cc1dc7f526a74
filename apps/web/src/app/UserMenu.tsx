import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { logout } from '../api/session';
import type { Me } from '../api/types';
import { notifyError } from './problem';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useMutation({
    mutationFn: logout,
    // A full page load drops every cached answer of the previous session.
    onSuccess: () => window.location.assign('/entrar'),
    onError: (error) => notifyError(error, t),
  });

  return (
    <Menu position="bottom-end" width={200}>
      <Menu.Target>
        <Button variant="subtle" color="gray" aria-label={t('shell.userMenu', { name: me.user.name })}>
          <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.name}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/app/perfil">
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
