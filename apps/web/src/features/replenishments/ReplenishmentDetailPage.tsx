import { Anchor, Button, Grid, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { formatMoney } from '../../app/format';
import { RecordLoadState } from '../../app/RecordLoadState';
import { ReplenishmentActions } from './ReplenishmentActions';
import { AutomaticBadge, ReplenishmentStatusBadge, SatCancelledBadge } from './ReplenishmentBadges';
import { ReplenishmentItems } from './ReplenishmentItems';
import { ReplenishmentTimeline } from './ReplenishmentTimeline';
import { getReplenishment, replenishmentsKeys } from './replenishments.api';

/** `/app/reposiciones/:id`: its vouchers with their SAT status, its history, and what comes next. */
export function ReplenishmentDetailPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const replenishment = useQuery({
    queryKey: replenishmentsKeys.detail(me.organization.id, id),
    queryFn: () => getReplenishment(id),
  });

  const back = (
    <Anchor component={Link} to="/app/reposiciones" size="sm">
      {t('replenishments.back')}
    </Anchor>
  );
  if (!replenishment.isSuccess) {
    return <RecordLoadState query={replenishment} back={back} notFound={t('replenishments.notFound')} />;
  }

  const data = replenishment.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('replenishments.folio', { folio: data.folio })}
            </Title>
            <Group gap={6}>
              <ReplenishmentStatusBadge status={data.status} />
              {data.automatic && <AutomaticBadge />}
              {data.satCancelledCount > 0 && <SatCancelledBadge count={data.satCancelledCount} />}
            </Group>
            <Anchor component={Link} to={`/app/fondos/${data.fund.id}`} size="sm">
              {t('replenishments.fundLink', { name: data.fund.name })}
            </Anchor>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="sm" c="dimmed">
              {t('replenishments.totalLabel')}
            </Text>
            <Text fz={28} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(data.total, i18n.language)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('replenishments.vouchersCount', { count: data.itemCount })}
            </Text>
            {/* The report with its póliza, as the server names and streams it (PDF or XLSX). */}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" size="xs" mt={6}>
                  {t('replenishments.report.download')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(['pdf', 'xlsx'] as const).map((format) => (
                  <Menu.Item
                    key={format}
                    component="a"
                    href={`/api/v1/replenishments/${data.id}/report?format=${format}`}
                    download
                  >
                    {t(`replenishments.report.${format}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Stack>
        </Group>
      </Stack>
      <ReplenishmentActions replenishment={data} me={me} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <ReplenishmentItems replenishment={data} me={me} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <ReplenishmentTimeline replenishment={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
