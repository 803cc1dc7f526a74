import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { MfaSection } from './MfaSection';

/** `/app/perfil`: who is signed in, and two-step verification. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              {t('profile.name')}
            </Text>
            <Text fw={500}>{me.user.name}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('profile.email')}
            </Text>
            <Text fw={500}>{me.user.email}</Text>
          </div>
        </Stack>
      </Paper>
      <MfaSection mfaEnabled={me.user.mfaEnabled} />
    </Stack>
  );
}
