import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  approving: boolean;
  onApprove: () => void;
  onReject: () => void;
  onClear: () => void;
}

/** While rows are selected: decide them all at once. Sticks to the bottom so it stays in reach. */
export function BulkBar({ count, approving, onApprove, onReject, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      radius="md"
      role="region"
      aria-label={t('approvals.bulk.label')}
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 2 }}
    >
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('approvals.bulk.selected', { count })}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t('approvals.bulk.clear')}
          </Button>
        </Group>
        <Group gap="xs" grow style={{ flexGrow: 1, maxWidth: 360 }}>
          <Button color="teal" loading={approving} onClick={onApprove}>
            {t('approvals.bulk.approve', { count })}
          </Button>
          <Button variant="light" color="red" disabled={approving} onClick={onReject}>
            {t('approvals.bulk.reject', { count })}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
