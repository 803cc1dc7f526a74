import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fund } from '../../api/types';

const badge = { tt: 'none' as const, styles: { label: { overflow: 'visible' } } };

/** Open or closed, and "Reposición sugerida" when the cash fell to the threshold. */
export function FundBadges({ fund }: { fund: Pick<Fund, 'status' | 'needsReplenishment'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge {...badge} variant="dot" color={fund.status === 'open' ? 'green' : 'gray'}>
        {t(`funds.status.${fund.status}`)}
      </Badge>
      {fund.needsReplenishment && (
        <Badge {...badge} variant="light" color="orange">
          {t('funds.needsReplenishment')}
        </Badge>
      )}
    </Group>
  );
}
