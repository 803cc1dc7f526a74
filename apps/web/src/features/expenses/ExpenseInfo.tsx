import { Alert, Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Expense } from '../../api/types';
import { formatDate, formatDateTime } from '../../app/format';
import { useFundOptions } from '../funds/funds.hooks';
import { useCategories, useCostCenters } from './expenses.hooks';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** Who, when, from whom and how it was paid; the rejection reason when there is one. */
export function ExpenseInfo({ expense, organizationId }: { expense: Expense; organizationId: string }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories(organizationId);
  const costCenters = useCostCenters(organizationId, expense.costCenterId !== null);
  const funds = useFundOptions(organizationId);
  const fundName = funds.nameOf(expense.fundId);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expense-info">
      <Title order={2} size="h4" id="expense-info" mb="sm">
        {t('expenses.info.title')}
      </Title>
      {expense.rejectionReason && (
        <Alert color="red" variant="light" title={t('expenses.info.rejectionReason')} mb="sm">
          {expense.rejectionReason}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Item label={t('expenses.columns.date')}>{formatDate(expense.date, i18n.language)}</Item>
        <Item label={t('expenses.info.spender')}>{expense.spender.name}</Item>
        <Item label={t('expenses.columns.supplier')}>
          {expense.supplier.name}
          {expense.supplier.rfc && (
            <Text size="xs" c="dimmed" ff="monospace">
              {expense.supplier.rfc}
            </Text>
          )}
        </Item>
        <Item label={t('expenses.columns.paymentMethod')}>
          {t(`expenses.paymentMethod.${expense.paymentMethod}`)}
        </Item>
        <Item label={t('expenses.columns.category')}>{categories.nameOf(expense.categoryId)}</Item>
        <Item label={t('expenses.edit.costCenter')}>{costCenters.nameOf(expense.costCenterId)}</Item>
        <Item label={t('expenses.form.fund')}>
          {expense.fundId && (
            <Anchor component={Link} to={`/app/fondos/${expense.fundId}`} size="sm">
              {fundName ?? t('expenses.info.fundLink')}
            </Anchor>
          )}
        </Item>
        <Item label={t('expenses.info.recordedAt')}>{when(expense.createdAt)}</Item>
        {expense.submittedAt && (
          <Item label={t('expenses.info.submittedAt')}>{when(expense.submittedAt)}</Item>
        )}
        {expense.decidedAt && <Item label={t('expenses.info.decidedAt')}>{when(expense.decidedAt)}</Item>}
      </SimpleGrid>
    </Paper>
  );
}
