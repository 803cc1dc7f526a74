import { Paper, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '../../api/types';
import { useCostCenters } from '../expenses/expenses.hooks';
import { useFundOptions } from '../funds/funds.hooks';
import { ExportButtons } from './ExportButtons';
import { presetOf, presetRange, type RangePreset } from './report-filters';

interface Props {
  organizationId: string;
  filters: ReportFilters;
  setFilters: (changes: Partial<Record<keyof ReportFilters, string | null>>) => void;
  /** Fund and cost center selects (the reports page); the home dashboard shows the range only. */
  withScope?: boolean;
}

/** The period (a preset or two dates), optionally a fund and a cost center, and the downloads. */
export function ReportFiltersBar({ organizationId, filters, setFilters, withScope = false }: Props) {
  const { t } = useTranslation();
  const funds = useFundOptions(organizationId);
  const costCenters = useCostCenters(organizationId, withScope);
  const preset = presetOf(filters);
  const presets: RangePreset[] = ['month', 'year', 'last12'];
  const date = (key: 'from' | 'to') => (
    <TextInput
      type="date"
      label={t(`reports.range.${key}`)}
      value={filters[key] ?? ''}
      onChange={(event) => setFilters({ [key]: event.currentTarget.value || null })}
    />
  );
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('reports.filters.title')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('reports.range.label')}
          value={preset ?? ''}
          onChange={(value) => setFilters(presetRange(value as RangePreset))}
          data={presets.map((value) => ({ value, label: t(`reports.range.${value}`) }))}
          fullWidth
          style={{ maxWidth: 520 }}
        />
        <SimpleGrid cols={{ base: 2, md: withScope ? 4 : 2 }} spacing="sm" maw={withScope ? undefined : 520}>
          {date('from')}
          {date('to')}
          {withScope && (
            <Select
              label={t('reports.filters.fund')}
              placeholder={t('reports.filters.allFunds')}
              data={funds.funds.map((fund) => ({ value: fund.id, label: fund.name }))}
              value={filters.fundId ?? null}
              onChange={(value) => setFilters({ fundId: value })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {withScope && (
            <Select
              label={t('reports.filters.costCenter')}
              placeholder={t('reports.filters.allCostCenters')}
              data={costCenters.options}
              value={filters.costCenterId ?? null}
              onChange={(value) => setFilters({ costCenterId: value })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </SimpleGrid>
        <ExportButtons filters={filters} />
      </Stack>
    </Paper>
  );
}
