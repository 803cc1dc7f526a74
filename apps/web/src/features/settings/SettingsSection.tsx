import { Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/problem';

interface Props {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  description?: ReactNode;
  /** E.g. the section's "Nuevo…" button, beside the heading (below it on a phone). */
  action?: ReactNode;
  /** While the section's data loads, a spinner; if it failed, the error instead of the content. */
  query?: { isPending: boolean; error: unknown };
  children: ReactNode;
}

/** One part of a settings page: heading, a line about it, an action, then its content. */
export function SettingsSection({ id, title, description, action, query, children }: Props) {
  const { t } = useTranslation();
  let content = children;
  if (query?.isPending) {
    content = (
      <Center py="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  } else if (query?.error) {
    content = <ErrorAlert error={query.error} />;
  }
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </div>
        {action}
      </Group>
      {content}
    </Stack>
  );
}
