import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A module that is not built yet: its title and an honest "soon". */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="teal" variant="light" title={t('comingSoon.title')}>
        {t('comingSoon.body')}
      </Alert>
    </Stack>
  );
}
