import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types';
import { formatDate, formatMoney } from '../../app/format';
import { notifySuccess } from '../../app/problem';
import { ReasonModal } from '../../app/ReasonModal';
import { FindingBadges } from '../expenses/ExpenseBadges';
import { SAT_COLORS, satLabel } from '../expenses/findings';
import { voucherAmount, voucherTitle } from './ReplenishmentBadges';
import { mayActOn } from './replenishment-access';
import {
  excludeItem,
  type ReplenishmentDetail,
  type ReplenishmentItem,
  type Voucher,
} from './replenishments.api';
import { useReplenishmentMutation } from './useReplenishmentMutation';

const badge = { tt: 'none' as const, size: 'sm' as const, styles: { label: { overflow: 'visible' } } };

function SatStatus({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  if (!voucher.expense) return <Text c="dimmed">—</Text>;
  if (!voucher.expense.cfdiUuid) {
    return (
      <Badge {...badge} variant="outline" color="gray">
        {t('replenishments.voucher.noCfdi')}
      </Badge>
    );
  }
  const label = satLabel(voucher.expense.sat.status);
  return (
    <Badge {...badge} variant={label === 'noVerificado' ? 'outline' : 'light'} color={SAT_COLORS[label]}>
      {t(`expenses.sat.${label}`)}
    </Badge>
  );
}

function VoucherTitle({ item }: { item: ReplenishmentItem }) {
  const { t } = useTranslation();
  const { voucher } = item;
  const title = voucherTitle(voucher, t);
  return (
    <Stack gap={2}>
      {voucher.sourceType === 'expense' ? (
        <Anchor
          component={Link}
          to={`/app/gastos/${voucher.id}`}
          fw={500}
          size="sm"
          td={item.active ? undefined : 'line-through'}
        >
          {title}
        </Anchor>
      ) : (
        <Text size="sm" fw={500} td={item.active ? undefined : 'line-through'}>
          {title}
        </Text>
      )}
      {voucher.expense?.supplier.name && (
        <Text size="xs" c="dimmed">
          {voucher.expense.supplier.name}
          {voucher.expense.supplier.rfc && ` · ${voucher.expense.supplier.rfc}`}
        </Text>
      )}
      {voucher.expense?.cfdiUuid && (
        <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {voucher.expense.cfdiUuid}
        </Text>
      )}
      {voucher.satCancelled && item.active && (
        <Text size="xs" c="red.8" fw={500}>
          {t('replenishments.items.cancelledFlag')}
        </Text>
      )}
      {!item.active && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('replenishments.items.excluded', { reason: item.excludedReason ?? '' })}
        </Text>
      )}
    </Stack>
  );
}

/** The vouchers of the replenishment, with their SAT status and findings; excluded ones stay listed. */
export function ReplenishmentItems({ replenishment, me }: { replenishment: ReplenishmentDetail; me: Me }) {
  const { t, i18n } = useTranslation();
  const [excluding, setExcluding] = useState<ReplenishmentItem | null>(null);
  const exclude = useReplenishmentMutation(
    me.organization.id,
    replenishment.id,
    (input: { itemId: string; reason: string }) => excludeItem(replenishment.id, input.itemId, input.reason),
  );
  const canExclude = replenishment.status === 'requested' && mayActOn(me, replenishment);
  const excludeButton = (item: ReplenishmentItem) =>
    canExclude && item.active ? (
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setExcluding(item)}>
        {t('replenishments.items.exclude')}
      </Button>
    ) : null;
  const amount = (item: ReplenishmentItem) => (
    <Text
      size="sm"
      fw={500}
      c={item.active ? undefined : 'dimmed'}
      td={item.active ? undefined : 'line-through'}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {voucherAmount(item.voucher, i18n.language)}
    </Text>
  );

  return (
    <Stack component="section" aria-labelledby="replenishment-items" gap="sm">
      <Title order={2} size="h3" id="replenishment-items">
        {t('replenishments.items.title')}
      </Title>
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table
          verticalSpacing="sm"
          horizontalSpacing={6}
          fz="sm"
          striped
          aria-labelledby="replenishment-items"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('replenishments.items.date')}</Table.Th>
              <Table.Th miw={220}>{t('replenishments.items.concept')}</Table.Th>
              <Table.Th>{t('replenishments.items.category')}</Table.Th>
              <Table.Th>{t('replenishments.items.sat')}</Table.Th>
              <Table.Th w={150}>{t('replenishments.items.findings')}</Table.Th>
              <Table.Th ta="right">{t('replenishments.items.amount')}</Table.Th>
              {canExclude && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {replenishment.items.map((item) => (
              <Table.Tr key={item.id} bg={item.active && item.voucher.satCancelled ? 'red.0' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(item.voucher.date, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <VoucherTitle item={item} />
                </Table.Td>
                <Table.Td>{item.voucher.expense?.category?.name ?? <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <SatStatus voucher={item.voucher} />
                </Table.Td>
                <Table.Td>
                  {item.voucher.expense && <FindingBadges findings={item.voucher.expense.findings} />}
                </Table.Td>
                <Table.Td ta="right">{amount(item)}</Table.Td>
                {canExclude && <Table.Td>{excludeButton(item)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {replenishment.items.map((item) => (
          <Card
            component="li"
            key={item.id}
            withBorder
            padding="sm"
            bg={item.active && item.voucher.satCancelled ? 'red.0' : undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <VoucherTitle item={item} />
                {amount(item)}
              </Group>
              <Text size="xs" c="dimmed">
                {[formatDate(item.voucher.date, i18n.language), item.voucher.expense?.category?.name]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Group gap={4} justify="space-between">
                <SatStatus voucher={item.voucher} />
                {excludeButton(item)}
              </Group>
              {item.voucher.expense && item.voucher.expense.findings.length > 0 && (
                <FindingBadges findings={item.voucher.expense.findings} />
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      <ReasonModal
        opened={excluding !== null}
        onClose={() => setExcluding(null)}
        title={t('replenishments.exclude.title', {
          concept: excluding ? voucherTitle(excluding.voucher, t) : '',
        })}
        label={t('replenishments.exclude.reason')}
        description={t('replenishments.exclude.hint')}
        submitLabel={t('replenishments.exclude.submit')}
        maxLength={500}
        submit={async (reason) => {
          if (!excluding) return;
          const updated = await exclude.mutateAsync({ itemId: excluding.id, reason });
          notifySuccess(
            t('replenishments.exclude.done', { total: formatMoney(updated.total, i18n.language) }),
          );
        }}
      />
    </Stack>
  );
}
