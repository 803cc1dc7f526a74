import { Badge, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canApproveExpenses, useSession } from '../../api/session';
import type { Expense } from '../../api/types';
import { ErrorAlert, notifyError } from '../../app/problem';
import { ReasonModal } from '../../app/ReasonModal';
import { BulkBar } from './BulkBar';
import { DecisionSummaryAlert } from './DecisionSummaryAlert';
import { InboxCards } from './InboxCards';
import { InboxTable } from './InboxTable';
import { notifyDecision } from './notifyDecision';
import { ReplenishmentInbox } from './ReplenishmentInbox';
import { useExpenseInbox, useReplenishmentInbox } from './useApprovalInbox';
import { type DecisionSummary, useDecisions } from './useDecisions';

/**
 * `/app/aprobaciones`: the expenses whose current approval level the person may decide. Each one
 * is approved or rejected on its own, or several at once (then a summary says what happened to each).
 * Above them, the requested replenishments the person may approve, each linking to its own page.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const inbox = useExpenseInbox(me.organization.id);
  const rows = inbox.data?.pages.flatMap((page) => page.data) ?? [];
  const replenishments = useReplenishmentInbox(me);
  const awaitingReplenishments = replenishments.rows;
  // Someone who approves nothing has no replenishments to wait for (that query never runs).
  const replenishmentsKnown = !canApproveExpenses(me) || !replenishments.query.isPending;
  const total = rows.length + awaitingReplenishments.length;
  const more = inbox.hasNextPage || replenishments.query.hasNextPage;
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState<DecisionSummary | null>(null);
  const [rejecting, setRejecting] = useState<Expense[] | null>(null);
  const decide = useDecisions((result, request) => {
    const decided = new Set(request.expenses.map((expense) => expense.id));
    setSelectedIds((previous) => new Set([...previous].filter((id) => !decided.has(id))));
    // One expense: a short notice; several: the summary stays on the page until closed.
    if (decided.size === 1) notifyDecision(result, t);
    else setSummary(result);
  });

  // Only rows still in the inbox count as selected (a decided expense leaves it).
  const selected = rows.filter((expense) => selectedIds.has(expense.id));
  const visibleSelection = new Set(selected.map((expense) => expense.id));
  const toggle = (id: string) =>
    setSelectedIds((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelectedIds(selected.length === rows.length ? new Set() : new Set(rows.map((row) => row.id)));
  const approve = (expenses: Expense[]) => {
    setSummary(null);
    decide.mutate({ decision: 'approve', expenses }, { onError: (error) => notifyError(error, t) });
  };
  const approving = decide.isPending && decide.variables?.decision === 'approve';
  const busy = new Set(approving ? decide.variables.expenses.map((expense) => expense.id) : []);
  const rowProps = {
    expenses: rows,
    selected: visibleSelection,
    toggle,
    toggleAll,
    approve: (expense: Expense) => approve([expense]),
    reject: (expense: Expense) => setRejecting([expense]),
    busy,
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          <Group gap="sm" component="span">
            {t('approvals.title')}
            {total > 0 && (
              <Badge size="lg" circle={total < 10 && !more} variant="filled" aria-hidden>
                {more ? `${total}+` : total}
              </Badge>
            )}
          </Group>
        </Title>
        <Text c="dimmed" size="sm">
          {inbox.isSuccess && rows.length > 0
            ? t(inbox.hasNextPage ? 'approvals.countMore' : 'approvals.count', { count: rows.length })
            : t('approvals.subtitle')}
        </Text>
      </div>
      {summary && <DecisionSummaryAlert summary={summary} onClose={() => setSummary(null)} />}
      <ErrorAlert error={replenishments.query.error} />
      {awaitingReplenishments.length > 0 && (
        <>
          <ReplenishmentInbox replenishments={awaitingReplenishments} />
          <Title order={2} size="h4">
            {t('approvals.expensesTitle')}
          </Title>
          {inbox.isSuccess && rows.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('approvals.empty')}
            </Text>
          )}
        </>
      )}
      {inbox.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={inbox.error} />
      {inbox.isSuccess && replenishmentsKnown && total === 0 && <EmptyInbox />}
      {rows.length > 0 && (
        <>
          <InboxTable {...rowProps} />
          <InboxCards {...rowProps} />
        </>
      )}
      {inbox.hasNextPage && (
        <Button
          variant="default"
          onClick={() => inbox.fetchNextPage()}
          loading={inbox.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
      {selected.length > 0 && (
        <BulkBar
          count={selected.length}
          approving={approving}
          onApprove={() => approve(selected)}
          onReject={() => setRejecting(selected)}
          onClear={() => setSelectedIds(new Set())}
        />
      )}
      <ReasonModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('approvals.rejectTitle', { count: rejecting?.length ?? 1 })}
        label={t('expenses.actions.reason')}
        description={t('expenses.actions.reasonHint')}
        submitLabel={t('approvals.reject')}
        maxLength={200}
        submit={async (reason) => {
          setSummary(null);
          await decide.mutateAsync({ decision: 'reject', expenses: rejecting ?? [], reason });
        }}
      />
    </Stack>
  );
}

function EmptyInbox() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py={48} ta="center">
      <ThemeIcon size={56} radius="xl" variant="light" color="teal" aria-hidden>
        <Text fz={28} fw={700} c="teal">
          ✓
        </Text>
      </ThemeIcon>
      <Title order={2} size="h4">
        {t('approvals.empty')}
      </Title>
      <Text c="dimmed" size="sm" maw={420}>
        {t('approvals.emptyHint')}
      </Text>
    </Stack>
  );
}
