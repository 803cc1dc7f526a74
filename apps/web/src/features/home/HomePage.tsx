import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { RoleBadges } from '../members/RoleBadges';

/** `/app`: a greeting, and where and as what the person is working. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {t('home.greeting', { name: me.user.name })}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('home.organization')}
            </Text>
            <Text fw={500} size="lg">
              {me.organization.name}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed" mb={4}>
              {t('home.roles')}
            </Text>
            <RoleBadges roles={me.roles} />
          </div>
        </Stack>
      </Paper>
    </Stack>
  );
}
