import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readsAllFunds } from '../../api/session';
import type { Me } from '../../api/types';
import { FundBalances } from '../funds/FundBalances';
import { fundsKeys, getFund } from '../funds/funds.api';
import type { AdvanceDetail } from './advances.api';

/** For a cash advance, the balances of its fund (to whoever may read that fund): where the cash went. */
export function AdvanceFund({
  advance,
  me,
  custodiedFundIds,
}: {
  advance: AdvanceDetail;
  me: Me;
  custodiedFundIds: string[];
}) {
  const { t } = useTranslation();
  const fundId = advance.fund?.id ?? '';
  const mayRead = !!advance.fund && (readsAllFunds(me) || custodiedFundIds.includes(fundId));
  const fund = useQuery({
    queryKey: fundsKeys.detail(me.organization.id, fundId),
    queryFn: () => getFund(fundId),
    enabled: mayRead,
  });
  if (!mayRead || !fund.data) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        <Anchor component={Link} to={`/app/fondos/${fundId}`} inherit>
          {t('advances.fundTitle', { name: fund.data.name })}
        </Anchor>
      </Title>
      <FundBalances fund={fund.data} />
    </Stack>
  );
}
