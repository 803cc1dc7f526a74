import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Fund } from '../../api/types';
import { RequestReplenishmentModal } from './RequestReplenishmentModal';

/** On a fund's page, for its custodian and managers: pick the vouchers to replenish. */
export function RequestReplenishmentButton({ fund, organizationId }: { fund: Fund; organizationId: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant={fund.needsReplenishment ? 'filled' : 'default'} color="teal" onClick={open}>
        {t('replenishments.request.action')}
      </Button>
      <RequestReplenishmentModal
        fund={fund}
        organizationId={organizationId}
        opened={opened}
        onClose={close}
      />
    </>
  );
}
