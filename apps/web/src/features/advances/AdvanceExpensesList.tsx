import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../app/format';
import { ExpenseStatusBadge, FindingBadges } from '../expenses/ExpenseBadges';
import type { AdvanceExpense } from './advances.api';

const expenseLink = (expense: AdvanceExpense) => `/app/gastos/${expense.id}`;

/** The expenses proved against the advance, with their state and findings (viáticos limits among them). */
export function AdvanceExpensesList({ expenses }: { expenses: AdvanceExpense[] }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const kind = (expense: AdvanceExpense) =>
    expense.travelKind ? t(`advances.travelKind.${expense.travelKind}`) : '—';
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('advances.expenses.title')}
      </Title>
      {expenses.length === 0 ? (
        <Text c="dimmed">{t('advances.expenses.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table striped verticalSpacing="sm" aria-label={t('advances.expenses.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('expenses.form.date')}</Table.Th>
                  <Table.Th>{t('expenses.form.concept')}</Table.Th>
                  <Table.Th>{t('advances.expense.travelKind')}</Table.Th>
                  <Table.Th>{t('advances.statusLabel')}</Table.Th>
                  <Table.Th ta="right">{t('advances.expense.total')}</Table.Th>
                  <Table.Th>{t('advances.expenses.findings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {expenses.map((expense) => (
                  <Table.Tr key={expense.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(expense.date, i18n.language)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={expenseLink(expense)}>
                        {expense.concept}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{kind(expense)}</Table.Td>
                    <Table.Td>
                      <ExpenseStatusBadge status={expense.status} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(expense.totalMxn)}
                    </Table.Td>
                    <Table.Td>
                      <FindingBadges findings={expense.findings} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {expenses.map((expense) => (
              <Card component="li" key={expense.id} withBorder padding="sm">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Anchor component={Link} to={expenseLink(expense)} fw={500}>
                      {expense.concept}
                    </Anchor>
                    <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {money(expense.totalMxn)}
                    </Text>
                  </Group>
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      {formatDate(expense.date, i18n.language)} · {kind(expense)}
                    </Text>
                    <ExpenseStatusBadge status={expense.status} />
                  </Group>
                  <FindingBadges findings={expense.findings} />
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
