import { Anchor, Button, Card, Center, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Fund } from '../../api/types';
import { formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { FundBadges } from './FundBadges';
import { useFundsList } from './funds.hooks';

const fundLink = (fund: Fund) => `/app/fondos/${fund.id}`;

/** Funds as a table on wide screens and as cards on a phone. */
export function FundsList({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const funds = useFundsList(organizationId);

  if (funds.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (funds.isError) return <ErrorAlert error={funds.error} />;

  // Open funds first (stable: the server's order within each group).
  const all = funds.data.pages.flatMap((page) => page.data);
  const rows = [
    ...all.filter((fund) => fund.status === 'open'),
    ...all.filter((fund) => fund.status !== 'open'),
  ];
  if (rows.length === 0) {
    return <Text c="dimmed">{t(canManage ? 'funds.emptyManager' : 'funds.empty')}</Text>;
  }
  return (
    <Stack>
      <FundsTable funds={rows} />
      <FundCards funds={rows} />
      {funds.hasNextPage && (
        <Button
          variant="default"
          onClick={() => funds.fetchNextPage()}
          loading={funds.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function FundsTable({ funds }: { funds: Fund[] }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  return (
    <Table.ScrollContainer minWidth={820} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('funds.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funds.name')}</Table.Th>
            <Table.Th>{t('funds.custodian')}</Table.Th>
            <Table.Th ta="right">{t('funds.authorized')}</Table.Th>
            <Table.Th ta="right">{t('funds.cash')}</Table.Th>
            <Table.Th ta="right">{t('funds.pendingVouchers')}</Table.Th>
            <Table.Th>{t('funds.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funds.map((fund) => (
            <Table.Tr key={fund.id}>
              <Table.Td>
                <Anchor component={Link} to={fundLink(fund)} fw={500}>
                  {fund.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{fund.custodian.name}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(fund.authorizedAmount)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(fund.cash)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(fund.pendingVouchers)}
              </Table.Td>
              <Table.Td>
                <FundBadges fund={fund} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FundCards({ funds }: { funds: Fund[] }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const figure = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {funds.map((fund) => (
        <Card component="li" key={fund.id} withBorder padding="md">
          <Stack gap="xs">
            <Anchor component={Link} to={fundLink(fund)} fw={600}>
              {fund.name}
            </Anchor>
            <FundBadges fund={fund} />
            <Text size="sm" c="dimmed">
              {t('funds.custodianOf', { name: fund.custodian.name })}
            </Text>
            <SimpleGrid cols={2} spacing="xs">
              {figure(t('funds.authorized'), money(fund.authorizedAmount))}
              {figure(t('funds.cash'), money(fund.cash))}
              {figure(t('funds.pendingVouchers'), money(fund.pendingVouchers))}
            </SimpleGrid>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
