import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportSummary } from '../../api/types';
import { formatMoney } from '../../app/format';
import { toCentavos } from '../../app/money';

/** Cash as a share of the authorized amount, from exact centavos (a bar's width needs no more). */
function cashShare(cash: string, authorized: string): number {
  const cashCentavos = toCentavos(cash) ?? 0n;
  const authorizedCentavos = toCentavos(authorized) ?? 0n;
  if (authorizedCentavos === 0n) return 0;
  return Number((cashCentavos * 1000n) / authorizedCentavos) / 10;
}

/** One card per open fund: cash against its authorized amount, vouchers to replenish, advances. */
export function FundBalanceCards({ funds }: { funds: ReportSummary['funds'] }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  return (
    <Stack gap="sm" component="section" aria-labelledby="report-funds">
      <Title order={2} size="h4" id="report-funds">
        {t('reports.funds')}
      </Title>
      {funds.length === 0 && <Text c="dimmed">{t('reports.fundsEmpty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {funds.map((fund) => {
          const share = cashShare(fund.cash, fund.authorizedAmount);
          return (
            <Card key={fund.id} withBorder padding="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/app/fondos/${fund.id}`} fw={600} lineClamp={1}>
                  {fund.name}
                </Anchor>
                {fund.needsReplenishment && (
                  <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                    {t('funds.needsReplenishment')}
                  </Badge>
                )}
              </Group>
              <Text fz={22} fw={700} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(fund.cash)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reports.cashOf', { authorized: money(fund.authorizedAmount) })}
              </Text>
              <Progress
                value={share}
                color={fund.needsReplenishment ? 'orange' : 'teal'}
                mt="xs"
                aria-label={t('funds.cash')}
              />
              {[
                { label: t('funds.pendingVouchers'), value: fund.pendingVouchers },
                { label: t('funds.advances'), value: fund.openAdvances },
              ].map((part, index) => (
                <Group key={part.label} justify="space-between" gap="xs" mt={index === 0 ? 'sm' : 0}>
                  <Text size="sm" c="dimmed">
                    {part.label}
                  </Text>
                  <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {money(part.value)}
                  </Text>
                </Group>
              ))}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
