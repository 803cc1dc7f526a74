import { Button, Collapse, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EXPENSE_STATUSES, type ExpenseFilters } from '../../api/types';
import { useFundOptions } from '../funds/funds.hooks';
import { useCategories } from './expenses.hooks';

interface Props {
  organizationId: string;
  filters: ExpenseFilters;
  count: number;
  setFilter: (key: keyof ExpenseFilters, value: string | null) => void;
  clear: () => void;
}

/** Fund, status, category, dates, findings and pending invoice; folded behind a button on phones. */
export function ExpenseFiltersBar({ organizationId, filters, count, setFilter, clear }: Props) {
  const { t } = useTranslation();
  const isWide = useMediaQuery('(min-width: 48em)', true) ?? true;
  const [opened, toggle] = useDisclosure(false);
  const funds = useFundOptions(organizationId);
  const categories = useCategories(organizationId);

  const select = (key: keyof ExpenseFilters, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder={t('expenses.filters.all')}
      data={data}
      value={filters[key] ?? null}
      onChange={(value) => setFilter(key, value)}
      clearable
      searchable={data.length > 8}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const date = (key: 'from' | 'to', label: string) => (
    <TextInput
      type="date"
      label={label}
      value={filters[key] ?? ''}
      onChange={(event) => setFilter(key, event.currentTarget.value || null)}
    />
  );

  // Wide screens show the filters as they are; only phones fold them (a Collapse measured while a
  // modal locks the page's scroll kept a stale height).
  const grid = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt={isWide ? 0 : 'sm'}>
      {select(
        'fundId',
        t('expenses.filters.fund'),
        funds.funds.map((fund) => ({ value: fund.id, label: fund.name })),
      )}
      {select(
        'status',
        t('expenses.filters.status'),
        EXPENSE_STATUSES.map((status) => ({ value: status, label: t(`expenses.status.${status}`) })),
      )}
      {select('categoryId', t('expenses.filters.category'), categories.options)}
      {select('findings', t('expenses.filters.findings'), [
        { value: 'none', label: t('expenses.filters.findingsNone') },
        { value: 'warnings', label: t('expenses.filters.findingsWarnings') },
        { value: 'errors', label: t('expenses.filters.findingsErrors') },
      ])}
      {date('from', t('expenses.filters.from'))}
      {date('to', t('expenses.filters.to'))}
      {select('invoicePending', t('expenses.filters.invoice'), [
        { value: 'true', label: t('expenses.filters.invoicePending') },
        { value: 'false', label: t('expenses.filters.invoiceReceived') },
      ])}
      {isWide && (
        <Button variant="default" onClick={clear} disabled={count === 0} style={{ alignSelf: 'flex-end' }}>
          {t('expenses.filters.clear')}
        </Button>
      )}
    </SimpleGrid>
  );

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('expenses.filters.title')}>
      {!isWide && (
        <Group justify="space-between">
          <Button variant="subtle" onClick={toggle.toggle} aria-expanded={opened} px="xs">
            {count > 0 ? t('expenses.filters.toggleCount', { count }) : t('expenses.filters.toggle')}
          </Button>
          {count > 0 && (
            <Button variant="subtle" color="gray" onClick={clear}>
              {t('expenses.filters.clear')}
            </Button>
          )}
        </Group>
      )}
      {isWide ? grid : <Collapse expanded={opened}>{grid}</Collapse>}
    </Paper>
  );
}
