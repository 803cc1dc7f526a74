import { BarChart, BarsList } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '../../api/types';
import { formatMoney } from '../../app/format';
import { chartNumber, compactMoney, monthLabel } from './chart-format';

function ChartPanel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} miw={0}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

interface Grouped {
  name: string | null;
  total: string;
}

/**
 * Largest first: each name and amount on a line of its own above its bar, so long Spanish category
 * names stay readable on a phone however short the bar.
 */
function GroupBars({ groups, unnamed }: { groups: readonly Grouped[]; unnamed: string }) {
  const { t, i18n } = useTranslation();
  if (groups.length === 0) return <Text c="dimmed">{t('reports.noSpending')}</Text>;
  const amounts = new Map(groups.map((group) => [group.name ?? unnamed, group.total]));
  return (
    <BarsList
      data={groups.map((group) => ({ name: group.name ?? unnamed, value: chartNumber(group.total) }))}
      barColor="teal.5"
      variant="filled"
      barHeight={8}
      barGap="sm"
      styles={{ barLabel: { fontSize: 0, padding: 0 }, barValue: { display: 'none' } }}
      renderBar={(item, bar) => (
        <>
          <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
            <Text size="sm" truncate>
              {item.name}
            </Text>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
              {formatMoney(amounts.get(item.name) ?? '0', i18n.language)}
            </Text>
          </Group>
          {bar}
        </>
      )}
    />
  );
}

/** Spending by month (bars) and by category; by cost center when the organization uses them. */
export function SpendingCharts({ summary }: { summary: ReportSummary }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const months = summary.byMonth.map((month) => ({
    month: monthLabel(month.month, locale),
    total: chartNumber(month.total),
  }));
  const usesCostCenters = summary.byCostCenter.some((group) => group.costCenterId !== null);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <ChartPanel id="report-by-month" title={t('reports.byMonth')}>
        {summary.spending.count === 0 ? (
          <Text c="dimmed">{t('reports.noSpending')}</Text>
        ) : (
          <BarChart
            h={260}
            data={months}
            dataKey="month"
            series={[{ name: 'total', label: t('reports.total'), color: 'teal.6' }]}
            valueFormatter={(value) => formatMoney(value.toFixed(2), locale)}
            yAxisProps={{ tickFormatter: (value: number) => compactMoney(value, locale), width: 64 }}
            tickLine="y"
            gridAxis="y"
            maxBarWidth={36}
          />
        )}
      </ChartPanel>
      <ChartPanel id="report-by-category" title={t('reports.byCategory')}>
        <GroupBars groups={summary.byCategory} unnamed={t('reports.uncategorized')} />
      </ChartPanel>
      {usesCostCenters && (
        <ChartPanel id="report-by-cost-center" title={t('reports.byCostCenter')}>
          <GroupBars groups={summary.byCostCenter} unnamed={t('reports.noCostCenter')} />
        </ChartPanel>
      )}
    </SimpleGrid>
  );
}
