import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../app/format';
import { AutomaticBadge, SatCancelledBadge } from '../replenishments/ReplenishmentBadges';
import type { Replenishment } from '../replenishments/replenishments.api';

/**
 * The requested replenishments the person may approve. Each is approved on its own page, where its
 * vouchers are checked at SAT first (a cancelled CFDI must leave before approval), so here each one
 * only links there.
 */
export function ReplenishmentInbox({ replenishments }: { replenishments: Replenishment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="replenishments-awaiting" gap="sm">
      <Title order={2} size="h4" id="replenishments-awaiting">
        {t('approvals.replenishments.title', { count: replenishments.length })}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {replenishments.map((replenishment) => {
          const to = `/app/reposiciones/${replenishment.id}`;
          const folio = t('replenishments.folio', { folio: replenishment.folio });
          const when = formatDateTime(replenishment.requestedAt, i18n.language);
          return (
            <Card component="li" key={replenishment.id} withBorder padding="sm">
              <Group justify="space-between" align="center" gap="sm">
                <Stack gap={4} miw={0} style={{ flex: '1 1 260px' }}>
                  <Group gap="xs">
                    <Anchor component={Link} to={to} fw={600}>
                      {folio}
                    </Anchor>
                    {replenishment.automatic && <AutomaticBadge />}
                    {replenishment.satCancelledCount > 0 && (
                      <SatCancelledBadge count={replenishment.satCancelledCount} />
                    )}
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {replenishment.fund.name} ·{' '}
                    {t('replenishments.vouchersCount', { count: replenishment.itemCount })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {replenishment.requestedBy
                      ? t('approvals.replenishments.requestedBy', {
                          name: replenishment.requestedBy.name,
                          when,
                        })
                      : t('approvals.replenishments.requestedAutomatically', { when })}
                  </Text>
                </Stack>
                <Group gap="sm" wrap="nowrap" ml="auto">
                  <Text fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(replenishment.total, i18n.language)}
                  </Text>
                  <Button
                    component={Link}
                    to={to}
                    variant="light"
                    size="compact-md"
                    aria-label={t('approvals.replenishments.reviewOne', { folio: replenishment.folio })}
                  >
                    {t('approvals.replenishments.review')}
                  </Button>
                </Group>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
