import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canManageFunds, canRecordExpenses, mayOperateFund, useSession } from '../../api/session';
import { formatDateTime } from '../../app/format';
import { RecordLoadState } from '../../app/RecordLoadState';
import { RequestReplenishmentButton } from '../replenishments/RequestReplenishmentButton';
import { FundAdminActions } from './FundAdminActions';
import { FundBadges } from './FundBadges';
import { FundBalances } from './FundBalances';
import { FundLedger } from './FundLedger';
import { useFund } from './funds.hooks';
import { PendingFundChanges } from './PendingFundChanges';

/** `/app/fondos/:id`: a fund's balances, its administrators' actions and its ledger. */
export function FundDetailPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const fund = useFund(me.organization.id, id);

  const back = (
    <Anchor component={Link} to="/app/fondos" size="sm">
      {t('funds.back')}
    </Anchor>
  );
  if (!fund.isSuccess) {
    return <RecordLoadState query={fund} back={back} notFound={t('funds.notFound')} />;
  }

  const data = fund.data;
  const open = data.status === 'open';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {back}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {data.name}
            </Title>
            <FundBadges fund={data} />
            <Text size="sm" c="dimmed">
              {t('funds.custodianOf', { name: data.custodian.name })}
              {data.closedAt &&
                ` · ${t('funds.closedAt', { date: formatDateTime(data.closedAt, i18n.language) })}`}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button variant="default" component={Link} to={`/app/gastos?caja=${data.id}`}>
              {t('funds.viewExpenses')}
            </Button>
            {open && mayOperateFund(me, data) && (
              <Button variant="default" component={Link} to={`/app/fondos/${data.id}/arqueo`}>
                {t('cashCounts.action')}
              </Button>
            )}
            {open && mayOperateFund(me, data) && (
              <RequestReplenishmentButton fund={data} organizationId={me.organization.id} />
            )}
            {open && canRecordExpenses(me) && mayOperateFund(me, data) && (
              <Button component={Link} to={`/app/gastos/importar?caja=${data.id}`}>
                {t('expenses.importCfdi')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      <FundBalances fund={data} />
      {open && canManageFunds(me) && <PendingFundChanges fundId={data.id} me={me} />}
      {open && canManageFunds(me) && <FundAdminActions fund={data} organizationId={me.organization.id} />}
      <FundLedger fundId={data.id} organizationId={me.organization.id} />
    </Stack>
  );
}
