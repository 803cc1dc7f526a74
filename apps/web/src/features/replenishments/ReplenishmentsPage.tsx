import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { formatDateTime, formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { AutomaticBadge, ReplenishmentStatusBadge, SatCancelledBadge } from './ReplenishmentBadges';
import {
  listReplenishments,
  REPLENISHMENT_STATUSES,
  type Replenishment,
  replenishmentsKeys,
} from './replenishments.api';

const detailLink = (replenishment: Replenishment) => `/app/reposiciones/${replenishment.id}`;

/** `/app/reposiciones`: the replenishments the person may see, newest first, by status. */
export function ReplenishmentsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const filters = status ? { status } : {};
  const replenishments = useInfiniteQuery({
    queryKey: replenishmentsKeys.list(me.organization.id, filters),
    queryFn: ({ pageParam }) => listReplenishments(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = replenishments.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('replenishments.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('replenishments.subtitle')}
          </Text>
        </div>
        <Select
          label={t('replenishments.filterStatus')}
          placeholder={t('replenishments.allStatuses')}
          data={REPLENISHMENT_STATUSES.map((value) => ({
            value,
            label: t(`replenishments.status.${value}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          w={200}
        />
      </Group>
      {replenishments.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={replenishments.error} />
      {replenishments.isSuccess && rows.length === 0 && (
        <Text c="dimmed">{t(status ? 'replenishments.emptyFiltered' : 'replenishments.empty')}</Text>
      )}
      {rows.length > 0 && (
        <>
          <ReplenishmentsTable replenishments={rows} />
          <ReplenishmentCards replenishments={rows} />
        </>
      )}
      {replenishments.hasNextPage && (
        <Button
          variant="default"
          onClick={() => replenishments.fetchNextPage()}
          loading={replenishments.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function Badges({ replenishment }: { replenishment: Replenishment }) {
  return (
    <Group gap={4}>
      <ReplenishmentStatusBadge status={replenishment.status} />
      {replenishment.automatic && <AutomaticBadge />}
      {replenishment.satCancelledCount > 0 && <SatCancelledBadge count={replenishment.satCancelledCount} />}
    </Group>
  );
}

function ReplenishmentsTable({ replenishments }: { replenishments: Replenishment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="sm" fz="sm" aria-label={t('replenishments.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('replenishments.columns.folio')}</Table.Th>
            <Table.Th>{t('replenishments.columns.fund')}</Table.Th>
            <Table.Th>{t('replenishments.columns.requested')}</Table.Th>
            <Table.Th>{t('replenishments.columns.vouchers')}</Table.Th>
            <Table.Th ta="right">{t('replenishments.columns.total')}</Table.Th>
            <Table.Th>{t('replenishments.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {replenishments.map((replenishment) => (
            <Table.Tr key={replenishment.id}>
              <Table.Td>
                <Anchor component={Link} to={detailLink(replenishment)} fw={600} size="sm">
                  {t('replenishments.folio', { folio: replenishment.folio })}
                </Anchor>
              </Table.Td>
              <Table.Td>{replenishment.fund.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(replenishment.requestedAt, i18n.language)}
              </Table.Td>
              <Table.Td>{replenishment.itemCount}</Table.Td>
              <Table.Td
                ta="right"
                fw={500}
                style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
              >
                {formatMoney(replenishment.total, i18n.language)}
              </Table.Td>
              <Table.Td>
                <Badges replenishment={replenishment} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReplenishmentCards({ replenishments }: { replenishments: Replenishment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {replenishments.map((replenishment) => (
        <Card component="li" key={replenishment.id} withBorder padding="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={detailLink(replenishment)} fw={600}>
                {t('replenishments.folio', { folio: replenishment.folio })}
              </Anchor>
              <Text fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(replenishment.total, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {[
                replenishment.fund.name,
                formatDateTime(replenishment.requestedAt, i18n.language),
                t('replenishments.vouchersCount', { count: replenishment.itemCount }),
              ].join(' · ')}
            </Text>
            <Badges replenishment={replenishment} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
