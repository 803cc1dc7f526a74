import { Anchor, Button, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FundMovement } from '../../api/types';
import { formatDateTime, formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { fundsKeys, listMovements } from './funds.api';

const deltaColor = (delta: string) =>
  delta.startsWith('-') ? 'red.8' : /[1-9]/.test(delta) ? 'teal.8' : 'dimmed';

/** The fund's append-only ledger, newest first, a page at a time. */
export function FundLedger({ fundId, organizationId }: { fundId: string; organizationId: string }) {
  const { t } = useTranslation();
  const movements = useInfiniteQuery({
    queryKey: fundsKeys.movements(organizationId, fundId),
    queryFn: ({ pageParam }) => listMovements(fundId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const rows = movements.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack component="section" aria-labelledby="fund-ledger" gap="sm">
      <Title order={2} size="h3" id="fund-ledger">
        {t('funds.ledger.title')}
      </Title>
      {movements.isPending && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={movements.error} />
      {movements.isSuccess && rows.length === 0 && <Text c="dimmed">{t('funds.ledger.empty')}</Text>}
      {rows.length > 0 && (
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped aria-labelledby="fund-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th visibleFrom="sm">{t('funds.ledger.date')}</Table.Th>
              <Table.Th>{t('funds.ledger.movement')}</Table.Th>
              <Table.Th ta="right">{t('funds.ledger.cashDelta')}</Table.Th>
              <Table.Th ta="right">{t('funds.ledger.cashAfter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((movement) => (
              <MovementRow key={movement.id} movement={movement} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {movements.hasNextPage && (
        <Button
          variant="default"
          onClick={() => movements.fetchNextPage()}
          loading={movements.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function MovementRow({ movement }: { movement: FundMovement }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(movement.createdAt, i18n.language);
  const label = t(`funds.movement.${movement.kind}`);
  return (
    <Table.Tr>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {when}
      </Table.Td>
      <Table.Td>
        {movement.sourceType === 'expense' && movement.sourceId ? (
          <Anchor component={Link} to={`/app/gastos/${movement.sourceId}`} size="sm" fw={500}>
            {label}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {label}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {when}
        </Text>
        {movement.memo && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {movement.memo}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" c={deltaColor(movement.cashDelta)} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(movement.cashDelta, i18n.language, { signed: true })}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(movement.cashAfter, i18n.language)}
      </Table.Td>
    </Table.Tr>
  );
}
