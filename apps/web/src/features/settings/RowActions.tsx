import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A row's "Editar" button (named after the row for screen readers), then its other actions. */
export function RowActions({
  name,
  onEdit,
  children,
}: {
  name: string;
  onEdit: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        miw="max-content"
        aria-label={t('settings.editNamed', { name })}
        onClick={onEdit}
      >
        {t('settings.edit')}
      </Button>
      {children}
    </Group>
  );
}
