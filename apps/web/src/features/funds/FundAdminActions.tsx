import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fund } from '../../api/types';
import { AdjustFundModal, type Direction } from './AdjustFundModal';
import { CloseFundModal } from './CloseFundModal';

/** Administrators' buttons on an open fund: increase, decrease, close. */
export function FundAdminActions({ fund, organizationId }: { fund: Fund; organizationId: string }) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction | null>(null);
  const [closing, setClosing] = useState(false);
  return (
    <>
      <Group gap="xs">
        <Button variant="light" onClick={() => setDirection('increase')}>
          {t('funds.adjust.increase')}
        </Button>
        <Button variant="light" color="orange" onClick={() => setDirection('decrease')}>
          {t('funds.adjust.decrease')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => setClosing(true)}>
          {t('funds.close.action')}
        </Button>
      </Group>
      <AdjustFundModal
        fund={fund}
        direction={direction}
        organizationId={organizationId}
        onClose={() => setDirection(null)}
      />
      <CloseFundModal
        fund={fund}
        opened={closing}
        organizationId={organizationId}
        onClose={() => setClosing(false)}
      />
    </>
  );
}
