import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { formatDate } from '../../app/format';
import { RecordLoadState } from '../../app/RecordLoadState';
import { useFundOptions } from '../funds/funds.hooks';
import { AdvanceBadges } from './AdvanceBadges';
import { AdvanceExpenseModal } from './AdvanceExpenseModal';
import { AdvanceExpensesList } from './AdvanceExpensesList';
import { AdvanceFund } from './AdvanceFund';
import { useHowHandedOut } from './AdvancesList';
import { AdvanceTotals } from './AdvanceTotals';
import { maySettle } from './advance-access';
import { advancesKeys, getAdvance } from './advances.api';
import { SettleAdvanceModal } from './SettleAdvanceModal';

/** `/app/anticipos/:id`: an advance, the expenses proved against it, its totals and its settlement. */
export function AdvanceDetailPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const organizationId = me.organization.id;
  const advance = useQuery({
    queryKey: advancesKeys.detail(organizationId, id),
    queryFn: () => getAdvance(id),
  });
  const custodied = useFundOptions(organizationId)
    .funds.filter((fund) => fund.custodian.id === me.membershipId)
    .map((fund) => fund.id);
  const how = useHowHandedOut();
  const [settling, settle] = useDisclosure(false);
  const [recording, record] = useDisclosure(false);

  const back = (
    <Anchor component={Link} to="/app/anticipos" size="sm">
      {t('advances.back')}
    </Anchor>
  );
  if (!advance.isSuccess) {
    return <RecordLoadState query={advance} back={back} notFound={t('advances.notFound')} />;
  }

  const data = advance.data;
  const mine = data.employee.id === me.membershipId;
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {t('advances.heading', { folio: data.folio, purpose: data.purpose })}
            </Title>
            <AdvanceBadges advance={data} />
            <Text size="sm" c="dimmed">
              {t('advances.to', { name: data.employee.name })} · {how(data)} ·{' '}
              {t('advances.dueOn', { date: date(data.dueDate) })}
            </Text>
            {data.trip && (
              <Text size="sm" c="dimmed">
                {t('advances.tripLine', {
                  scope: t(`advances.trip.${data.trip.scope}`),
                  start: date(data.trip.start),
                  end: date(data.trip.end),
                })}
              </Text>
            )}
          </Stack>
          {data.status === 'open' && (
            <Group gap="xs">
              {mine && (
                <Button variant="default" onClick={record.open}>
                  {t('advances.expense.action')}
                </Button>
              )}
              {maySettle(me, data, custodied) && (
                <Button onClick={settle.open}>{t('advances.settle.action')}</Button>
              )}
            </Group>
          )}
        </Group>
      </Stack>
      <AdvanceTotals advance={data} />
      <AdvanceExpensesList expenses={data.expenses} />
      <AdvanceFund advance={data} me={me} custodiedFundIds={custodied} />
      <SettleAdvanceModal
        advance={data}
        organizationId={organizationId}
        opened={settling}
        onClose={settle.close}
      />
      {mine && (
        <AdvanceExpenseModal
          advance={data}
          organizationId={organizationId}
          opened={recording}
          onClose={record.close}
        />
      )}
    </Stack>
  );
}
