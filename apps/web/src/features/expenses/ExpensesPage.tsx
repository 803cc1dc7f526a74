import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canRecordExpenses, useSession } from '../../api/session';
import { ErrorAlert } from '../../app/problem';
import { ExpenseFiltersBar } from './ExpenseFiltersBar';
import { ExpenseCards, ExpensesTable } from './ExpenseRows';
import { expensesKeys, listExpenses } from './expenses.api';
import { useCategories } from './expenses.hooks';
import { useExpenseFilters } from './filters';
import { NewExpenseModal } from './NewExpenseModal';

/** `/app/gastos`: expenses the person may see, filtered, newest first, a page at a time. */
export function ExpensesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const organizationId = me.organization.id;
  const [newOpened, newExpense] = useDisclosure(false);
  const { filters, setFilter, clear, count } = useExpenseFilters();
  const categories = useCategories(organizationId);
  const expenses = useInfiniteQuery({
    queryKey: expensesKeys.list(organizationId, filters),
    queryFn: ({ pageParam }) => listExpenses(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = expenses.data?.pages.flatMap((page) => page.data) ?? [];
  const canRecord = canRecordExpenses(me);
  const importLink = filters.fundId ? `/app/gastos/importar?caja=${filters.fundId}` : '/app/gastos/importar';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('expenses.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('expenses.subtitle')}
          </Text>
        </div>
        {canRecord && (
          <Group gap="xs">
            <Button variant="default" component={Link} to={importLink}>
              {t('expenses.importCfdi')}
            </Button>
            <Button onClick={newExpense.open}>{t('expenses.new')}</Button>
          </Group>
        )}
      </Group>
      <ExpenseFiltersBar
        organizationId={organizationId}
        filters={filters}
        count={count}
        setFilter={setFilter}
        clear={clear}
      />
      {expenses.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={expenses.error} />
      {expenses.isSuccess && rows.length === 0 && (
        <Text c="dimmed">{t(count > 0 ? 'expenses.emptyFiltered' : 'expenses.empty')}</Text>
      )}
      {rows.length > 0 && (
        <>
          <ExpensesTable expenses={rows} categoryOf={categories.nameOf} />
          <ExpenseCards expenses={rows} categoryOf={categories.nameOf} />
        </>
      )}
      {expenses.hasNextPage && (
        <Button
          variant="default"
          onClick={() => expenses.fetchNextPage()}
          loading={expenses.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
      {canRecord && (
        <NewExpenseModal
          opened={newOpened}
          onClose={newExpense.close}
          me={me}
          defaultFundId={filters.fundId}
        />
      )}
    </Stack>
  );
}
