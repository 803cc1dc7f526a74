import { Anchor, Card, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { FindingBadges } from '../expenses/ExpenseBadges';
import { ExpenseSat, ExpenseTotal } from '../expenses/ExpenseRows';
import { DecisionButtons, expenseLink, type InboxRowsProps, selectionState } from './InboxTable';

/** Phones: a card per expense, what matters at a glance and two big buttons to decide it. */
export function InboxCards({ expenses, selected, toggle, toggleAll, approve, reject, busy }: InboxRowsProps) {
  const { t, i18n } = useTranslation();
  const state = selectionState(expenses, selected);
  return (
    <Stack hiddenFrom="sm" gap="sm">
      <Checkbox
        label={t('approvals.selectAll')}
        checked={state.all}
        indeterminate={state.some}
        onChange={toggleAll}
      />
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {expenses.map((expense) => (
          <Card
            component="li"
            key={expense.id}
            withBorder
            padding="sm"
            bg={selected.has(expense.id) ? 'var(--mantine-primary-color-light)' : undefined}
          >
            <Stack gap={8}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Checkbox
                    mt={3}
                    aria-label={t('approvals.select', { concept: expense.concept })}
                    checked={selected.has(expense.id)}
                    onChange={() => toggle(expense.id)}
                  />
                  <Anchor component={Link} to={expenseLink(expense)} fw={600} lineClamp={2}>
                    {expense.concept}
                  </Anchor>
                </Group>
                <div style={{ textAlign: 'right', flexShrink: 0 }}>
                  <ExpenseTotal expense={expense} />
                </div>
              </Group>
              <Text size="sm" c="dimmed">
                {[expense.spender.name, formatDate(expense.date, i18n.language), expense.supplier.name]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Group gap={4}>
                <ExpenseSat expense={expense} />
                {expense.findings.length > 0 && <FindingBadges findings={expense.findings} />}
              </Group>
              <SimpleGrid cols={2} spacing="xs">
                <DecisionButtons expense={expense} approve={approve} reject={reject} busy={busy} size="md" />
              </SimpleGrid>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
