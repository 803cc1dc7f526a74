import { Button, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { RESULT_COLOR } from './CountSummary';
import { type CashCount, cashCountsKeys, listCashCounts } from './cash-counts.api';

/** The fund's counts, newest first, a page at a time. */
export function CashCountHistory({ fundId, organizationId }: { fundId: string; organizationId: string }) {
  const { t } = useTranslation();
  const counts = useInfiniteQuery({
    queryKey: cashCountsKeys.ofFund(organizationId, fundId),
    queryFn: ({ pageParam }) => listCashCounts(fundId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = counts.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack component="section" aria-labelledby="cash-count-history" gap="sm">
      <Title order={2} size="h3" id="cash-count-history">
        {t('cashCounts.history.title')}
      </Title>
      {counts.isPending && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={counts.error} />
      {counts.isSuccess && rows.length === 0 && <Text c="dimmed">{t('cashCounts.history.empty')}</Text>}
      {rows.length > 0 && (
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped aria-labelledby="cash-count-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cashCounts.history.date')}</Table.Th>
              <Table.Th ta="right">{t('cashCounts.counted')}</Table.Th>
              <Table.Th ta="right" visibleFrom="sm">
                {t('cashCounts.history.expected')}
              </Table.Th>
              <Table.Th ta="right">{t('cashCounts.difference')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('cashCounts.history.witness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((count) => (
              <HistoryRow key={count.id} count={count} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {counts.hasNextPage && (
        <Button
          variant="default"
          onClick={() => counts.fetchNextPage()}
          loading={counts.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function HistoryRow({ count }: { count: CashCount }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string, signed = false) => formatMoney(amount, i18n.language, { signed });
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" style={nowrap}>
          {formatDateTime(count.countedAt, i18n.language)}
        </Text>
        <Text size="xs" c="dimmed">
          {count.recordedBy.name}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={nowrap}>
        {money(count.countedCash)}
      </Table.Td>
      <Table.Td ta="right" visibleFrom="sm" style={nowrap}>
        {money(count.expectedCash)}
      </Table.Td>
      <Table.Td ta="right" c={RESULT_COLOR[count.result]} style={nowrap}>
        <Text size="sm" fw={600} c="inherit">
          {count.result === 'exact' ? t('cashCounts.result.exact') : money(count.difference, true)}
        </Text>
        {count.result !== 'exact' && (
          <Text size="xs" c="inherit">
            {t(`cashCounts.result.${count.result}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{count.witness?.name ?? t('cashCounts.history.noWitness')}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
