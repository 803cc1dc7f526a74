import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Advance } from './advances.api';

const COLORS = { open: 'blue', settled: 'teal', canceled: 'gray' } as const;
// Never truncated to "Liquida…" in a narrow table column.
const badge = { tt: 'none' as const, styles: { label: { overflow: 'visible' } } };

/** Its state, and "vencido" when open past its due date. */
export function AdvanceBadges({ advance }: { advance: Pick<Advance, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge {...badge} variant="light" color={COLORS[advance.status]}>
        {t(`advances.status.${advance.status}`)}
      </Badge>
      {advance.overdue && (
        <Badge {...badge} variant="filled" color="red">
          {t('advances.overdue')}
        </Badge>
      )}
    </Group>
  );
}
