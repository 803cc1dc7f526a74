import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CountAndTotal, ReportFilters, ReportSummary } from '../../api/types';
import { formatMoney } from '../../app/format';

interface Figure {
  key: string;
  label: string;
  hint: string;
  value: CountAndTotal;
  color?: string;
  link?: string;
}

/** The period's spending and what needs someone: approvals, deductions at risk, missing CFDI. */
export function AttentionCards({ summary, filters }: { summary: ReportSummary; filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const range = `desde=${filters.from ?? ''}&hasta=${filters.to ?? ''}`;
  const figures: Figure[] = [
    {
      key: 'spending',
      label: t('reports.spending'),
      hint: t('reports.spendingHint'),
      value: summary.spending,
    },
    {
      key: 'pending',
      label: t('reports.pendingApprovals'),
      hint: t('reports.pendingHint'),
      value: summary.pendingApprovals,
      color: 'blue',
      link: '/app/aprobaciones',
    },
    {
      key: 'nonDeductible',
      label: t('reports.nonDeductible'),
      hint: t('reports.nonDeductibleHint'),
      value: summary.nonDeductibleAtRisk,
      // No expense-list filter picks exactly these (errors plus cash over $2,000): no link.
      color: 'red',
    },
    {
      key: 'awaiting',
      label: t('reports.awaitingCfdi'),
      hint: t('reports.awaitingHint'),
      value: summary.awaitingCfdi,
      color: 'orange',
      link: `/app/gastos?${range}&factura=true`,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
      {figures.map((figure) => (
        <Card key={figure.key} withBorder padding="md" aria-label={figure.label}>
          <Text size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text
            fz={24}
            fw={700}
            c={figure.color && figure.value.count > 0 ? `${figure.color}.8` : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {formatMoney(figure.value.total, i18n.language)}
          </Text>
          <Text size="sm">
            {t('reports.expenseCount', { count: figure.value.count })}
            {figure.link && figure.value.count > 0 && (
              <>
                {' · '}
                <Anchor component={Link} to={figure.link} size="sm">
                  {t('reports.review')}
                </Anchor>
              </>
            )}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {figure.hint}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
