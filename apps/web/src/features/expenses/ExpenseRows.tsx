import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Expense } from '../../api/types';
import { formatDate, formatMoney } from '../../app/format';
import { ExpenseStatusBadge, FindingBadges, InvoicePendingBadge, SatBadge } from './ExpenseBadges';

const expenseLink = (expense: Expense) => `/app/gastos/${expense.id}`;

/** The total in pesos; a foreign-currency CFDI also shows its own amount. */
export function ExpenseTotal({ expense }: { expense: Expense }) {
  const { i18n } = useTranslation();
  return (
    <>
      <Text span fw={500} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(expense.totalMxn, i18n.language)}
      </Text>
      {expense.currency !== 'MXN' && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {expense.currency} {expense.total}
        </Text>
      )}
    </>
  );
}

/** A ticket still without its XML says so; otherwise the CFDI's status at SAT. */
export function ExpenseSat({ expense }: { expense: Expense }) {
  return expense.invoicePending && !expense.cfdi ? <InvoicePendingBadge /> : <SatBadge expense={expense} />;
}

/** The supplier's name and, below it, its RFC (a table cell). */
export function ExpenseSupplier({ expense }: { expense: Expense }) {
  return (
    <>
      <Text size="sm" lineClamp={2}>
        {expense.supplier.name ?? '—'}
      </Text>
      {expense.supplier.rfc && (
        <Text size="xs" c="dimmed" ff="monospace">
          {expense.supplier.rfc}
        </Text>
      )}
    </>
  );
}

interface RowsProps {
  expenses: Expense[];
  categoryOf: (id: string | null) => string | null;
}

/** Wide screens: one row per expense, every column. */
export function ExpensesTable({ expenses, categoryOf }: RowsProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960} visibleFrom="sm">
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        horizontalSpacing={6}
        fz="sm"
        aria-label={t('expenses.title')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('expenses.columns.date')}</Table.Th>
            <Table.Th miw={120}>{t('expenses.columns.concept')}</Table.Th>
            <Table.Th>{t('expenses.columns.supplier')}</Table.Th>
            <Table.Th>{t('expenses.columns.category')}</Table.Th>
            <Table.Th ta="right">{t('expenses.columns.total')}</Table.Th>
            <Table.Th>{t('expenses.columns.paymentMethod')}</Table.Th>
            <Table.Th>{t('expenses.columns.statusSat')}</Table.Th>
            <Table.Th w={165}>{t('expenses.columns.findings')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {expenses.map((expense) => (
            <Table.Tr key={expense.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(expense.date, i18n.language)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={expenseLink(expense)} fw={500} size="sm" lineClamp={2}>
                  {expense.concept}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {expense.spender.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <ExpenseSupplier expense={expense} />
              </Table.Td>
              <Table.Td>{categoryOf(expense.categoryId) ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td ta="right">
                <ExpenseTotal expense={expense} />
              </Table.Td>
              <Table.Td>{t(`expenses.paymentMethod.${expense.paymentMethod}`)}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ExpenseStatusBadge status={expense.status} />
                  <ExpenseSat expense={expense} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <FindingBadges findings={expense.findings} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: a card per expense with what matters at a glance. */
export function ExpenseCards({ expenses, categoryOf }: RowsProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {expenses.map((expense) => (
        <Card component="li" key={expense.id} withBorder padding="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={expenseLink(expense)} fw={600} lineClamp={2}>
                {expense.concept}
              </Anchor>
              <div style={{ textAlign: 'right', flexShrink: 0 }}>
                <ExpenseTotal expense={expense} />
              </div>
            </Group>
            <Text size="sm" c="dimmed">
              {[
                formatDate(expense.date, i18n.language),
                expense.supplier.name,
                categoryOf(expense.categoryId),
                t(`expenses.paymentMethod.${expense.paymentMethod}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={4}>
              <ExpenseStatusBadge status={expense.status} />
              <ExpenseSat expense={expense} />
            </Group>
            {expense.findings.length > 0 && <FindingBadges findings={expense.findings} />}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
