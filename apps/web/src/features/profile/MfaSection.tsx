import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/problem';
import { MfaDisableForm } from './MfaDisableForm';
import { MfaEnableForm } from './MfaEnableForm';
import { startMfaSetup } from './profile.api';

/** Two-step verification: set it up with a QR code, or turn it off with the password. */
export function MfaSection({ mfaEnabled }: { mfaEnabled: boolean }) {
  const { t } = useTranslation();
  const setup = useMutation({ mutationFn: startMfaSetup });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mfa-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="mfa-title">
            {t('mfa.title')}
          </Title>
          <Badge color={mfaEnabled ? 'teal' : 'gray'} variant="light">
            {mfaEnabled ? t('mfa.enabledBadge') : t('mfa.disabledBadge')}
          </Badge>
        </Group>
        {mfaEnabled ? (
          <>
            <Text size="sm">{t('mfa.enabledBody')}</Text>
            <MfaDisableForm onDisabled={() => setup.reset()} />
          </>
        ) : setup.data ? (
          <MfaEnableForm setup={setup.data} />
        ) : (
          <>
            <Text size="sm">{t('mfa.offBody')}</Text>
            <ErrorAlert error={setup.error} />
            <Button
              onClick={() => setup.mutate()}
              loading={setup.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('mfa.enable')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
