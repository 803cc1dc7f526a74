import { Anchor, Button, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { AdvanceBadges } from './AdvanceBadges';
import { type Advance, type AdvanceStatus, advancesKeys, listAdvances } from './advances.api';

const advanceLink = (advance: Advance) => `/app/anticipos/${advance.id}`;

/** Advances as a table on wide screens and as cards on a phone, a page at a time. */
export function AdvancesList({
  organizationId,
  status,
}: {
  organizationId: string;
  status: AdvanceStatus | undefined;
}) {
  const { t } = useTranslation();
  const advances = useInfiniteQuery({
    queryKey: advancesKeys.list(organizationId, status),
    queryFn: ({ pageParam }) => listAdvances(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (advances.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (advances.isError) return <ErrorAlert error={advances.error} />;
  const rows = advances.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <Text c="dimmed">{t('advances.empty')}</Text>;
  return (
    <Stack>
      <AdvancesTable advances={rows} />
      <AdvanceCards advances={rows} />
      {advances.hasNextPage && (
        <Button
          variant="default"
          onClick={() => advances.fetchNextPage()}
          loading={advances.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/** "Efectivo · Caja Matriz" or "Transferencia". */
export function useHowHandedOut() {
  const { t } = useTranslation();
  return (advance: Pick<Advance, 'method' | 'fund'>) =>
    advance.method === 'fund_cash'
      ? t('advances.cashFrom', { fund: advance.fund?.name ?? '' })
      : t('advances.method.transfer');
}

function AdvancesTable({ advances }: { advances: Advance[] }) {
  const { t, i18n } = useTranslation();
  const how = useHowHandedOut();
  return (
    <Table.ScrollContainer minWidth={820} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('advances.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('advances.folio')}</Table.Th>
            <Table.Th>{t('advances.purpose')}</Table.Th>
            <Table.Th>{t('advances.employee')}</Table.Th>
            <Table.Th>{t('advances.handedOut')}</Table.Th>
            <Table.Th ta="right">{t('advances.amount')}</Table.Th>
            <Table.Th>{t('advances.dueDate')}</Table.Th>
            <Table.Th>{t('advances.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {advances.map((advance) => (
            <Table.Tr key={advance.id}>
              <Table.Td>{advance.folio}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={advanceLink(advance)} fw={500}>
                  {advance.purpose}
                </Anchor>
              </Table.Td>
              <Table.Td>{advance.employee.name}</Table.Td>
              <Table.Td>{how(advance)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(advance.amount, i18n.language)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(advance.dueDate, i18n.language)}
              </Table.Td>
              <Table.Td>
                <AdvanceBadges advance={advance} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AdvanceCards({ advances }: { advances: Advance[] }) {
  const { t, i18n } = useTranslation();
  const how = useHowHandedOut();
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {advances.map((advance) => (
        <Card component="li" key={advance.id} withBorder padding="md">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor
                component={Link}
                to={advanceLink(advance)}
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
              >
                {advance.folio} · {advance.purpose}
              </Anchor>
              <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(advance.amount, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {advance.employee.name} · {how(advance)}
            </Text>
            <Group justify="space-between">
              <Text size="sm">
                {t('advances.dueOn', { date: formatDate(advance.dueDate, i18n.language) })}
              </Text>
              <AdvanceBadges advance={advance} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
