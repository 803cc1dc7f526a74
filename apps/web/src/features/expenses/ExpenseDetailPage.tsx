import { Anchor, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { RecordLoadState } from '../../app/RecordLoadState';
import { ApprovalChain } from '../approvals/ApprovalChain';
import { ExpenseActions } from './ExpenseActions';
import { ExpenseAmounts } from './ExpenseAmounts';
import { ExpenseStatusBadge, InvoicePendingBadge, SatBadge } from './ExpenseBadges';
import { ExpenseCfdi } from './ExpenseCfdi';
import { ExpenseFindingsList } from './ExpenseFindingsList';
import { ExpenseInfo } from './ExpenseInfo';
import { expensesKeys, getExpense } from './expenses.api';

/** `/app/gastos/:id`: an expense's amounts, CFDI, findings and what may happen next. */
export function ExpenseDetailPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const organizationId = me.organization.id;
  const expense = useQuery({
    queryKey: expensesKeys.detail(organizationId, id),
    queryFn: () => getExpense(id),
  });

  const back = (
    <Anchor component={Link} to="/app/gastos" size="sm">
      {t('expenses.back')}
    </Anchor>
  );
  if (!expense.isSuccess) {
    return <RecordLoadState query={expense} back={back} notFound={t('expenses.notFound')} />;
  }

  const data = expense.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {data.concept}
        </Title>
        <Group gap={6}>
          <ExpenseStatusBadge status={data.status} />
          {data.cfdi ? <SatBadge expense={data} /> : data.invoicePending && <InvoicePendingBadge />}
        </Group>
      </Stack>
      <ExpenseActions expense={data} me={me} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <ExpenseAmounts expense={data} />
          <ExpenseInfo expense={data} organizationId={organizationId} />
        </Stack>
        <Stack gap="md">
          <ApprovalChain expense={data} organizationId={organizationId} />
          <ExpenseFindingsList findings={data.findings} />
          <ExpenseCfdi expense={data} organizationId={organizationId} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
