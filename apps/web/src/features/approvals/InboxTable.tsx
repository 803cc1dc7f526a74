import { Anchor, Button, Checkbox, Group, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Expense } from '../../api/types';
import { formatDate } from '../../app/format';
import { FindingBadges } from '../expenses/ExpenseBadges';
import { ExpenseSat, ExpenseSupplier, ExpenseTotal } from '../expenses/ExpenseRows';

/** What the inbox's table and cards share: the rows, the selection and the quick decisions. */
export interface InboxRowsProps {
  expenses: Expense[];
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: () => void;
  approve: (expense: Expense) => void;
  reject: (expense: Expense) => void;
  /** The expenses being decided right now: their buttons wait. */
  busy: ReadonlySet<string>;
}

export const expenseLink = (expense: Expense) => `/app/gastos/${expense.id}`;

/** "all", "some" or "none" of the rows selected, for the select-all checkbox. */
export function selectionState(expenses: Expense[], selected: ReadonlySet<string>) {
  const count = expenses.filter((expense) => selected.has(expense.id)).length;
  return { all: count > 0 && count === expenses.length, some: count > 0 && count < expenses.length };
}

/** Wide screens: one row per expense waiting for the person, with a checkbox and quick decisions. */
export function InboxTable({ expenses, selected, toggle, toggleAll, approve, reject, busy }: InboxRowsProps) {
  const { t, i18n } = useTranslation();
  const state = selectionState(expenses, selected);
  return (
    <Table.ScrollContainer minWidth={880} visibleFrom="sm">
      <Table
        highlightOnHover
        styles={{ th: { whiteSpace: 'nowrap' } }}
        verticalSpacing="sm"
        horizontalSpacing={8}
        fz="sm"
        aria-label={t('approvals.title')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('approvals.selectAll')}
                checked={state.all}
                indeterminate={state.some}
                onChange={toggleAll}
              />
            </Table.Th>
            <Table.Th miw={140}>{t('expenses.columns.concept')}</Table.Th>
            <Table.Th>{t('approvals.columns.spender')}</Table.Th>
            <Table.Th>{t('expenses.columns.date')}</Table.Th>
            <Table.Th>{t('expenses.columns.supplier')}</Table.Th>
            <Table.Th ta="right">{t('expenses.columns.total')}</Table.Th>
            <Table.Th w={170}>{t('expenses.columns.findings')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('approvals.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {expenses.map((expense) => (
            <Table.Tr
              key={expense.id}
              bg={selected.has(expense.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>
                <Checkbox
                  aria-label={t('approvals.select', { concept: expense.concept })}
                  checked={selected.has(expense.id)}
                  onChange={() => toggle(expense.id)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={expenseLink(expense)} fw={500} size="sm" lineClamp={2}>
                  {expense.concept}
                </Anchor>
              </Table.Td>
              <Table.Td>{expense.spender.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(expense.date, i18n.language)}</Table.Td>
              <Table.Td>
                <ExpenseSupplier expense={expense} />
              </Table.Td>
              <Table.Td ta="right">
                <ExpenseTotal expense={expense} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ExpenseSat expense={expense} />
                  <FindingBadges findings={expense.findings} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  <DecisionButtons
                    expense={expense}
                    approve={approve}
                    reject={reject}
                    busy={busy}
                    size="xs"
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Aprobar" and "Rechazar" for one expense, named after it for screen readers. */
export function DecisionButtons({
  expense,
  approve,
  reject,
  busy,
  size,
}: Pick<InboxRowsProps, 'approve' | 'reject' | 'busy'> & { expense: Expense; size: 'xs' | 'md' }) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        size={size}
        color="teal"
        loading={busy.has(expense.id)}
        aria-label={t('approvals.approveOne', { concept: expense.concept })}
        onClick={() => approve(expense)}
      >
        {t('approvals.approve')}
      </Button>
      <Button
        size={size}
        variant="light"
        color="red"
        disabled={busy.has(expense.id)}
        aria-label={t('approvals.rejectOne', { concept: expense.concept })}
        onClick={() => reject(expense)}
      >
        {t('approvals.reject')}
      </Button>
    </>
  );
}
