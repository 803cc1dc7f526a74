import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense } from '../../../api/types';
import { BulkResultAlert } from '../../../app/BulkResultAlert';
import { ErrorAlert } from '../../../app/problem';
import type { BulkResult } from '../../approvals/approvals.api';
import { fundsKeys } from '../../funds/funds.api';
import { replenishmentsKeys } from '../../replenishments/replenishments.api';
import { expensesKeys, submitExpenses } from '../expenses.api';

/** The server takes up to 200 ids a request; a bigger import goes in several, one after another. */
const IDS_PER_REQUEST = 200;

/** What sending did, expense by expense: sent, approved at once by an automatic rule, or refused and why. */
interface SubmitSummary {
  submitted: Expense[];
  approved: Expense[];
  failed: { expense: Expense; detail: string }[];
}

function summarize(expenses: Expense[], results: BulkResult[]): SubmitSummary {
  const byId = new Map(expenses.map((expense) => [expense.id, expense]));
  const summary: SubmitSummary = { submitted: [], approved: [], failed: [] };
  for (const result of results) {
    const expense = byId.get(result.id);
    if (!expense) continue;
    if (!result.ok) summary.failed.push({ expense, detail: result.error?.detail ?? '' });
    else if (result.status === 'approved') summary.approved.push(expense);
    else summary.submitted.push(expense);
  }
  return summary;
}

/**
 * After an import: send every draft it created to approval at once. Each is sent on its own, so
 * one the server refuses (no longer a draft, for instance) is listed with its reason and the
 * others still go.
 */
export function SubmitAllDrafts({ drafts }: { drafts: Expense[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<SubmitSummary | null>(null);
  // Drafts already sent (or refused): the button offers only the rest.
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set());
  const waiting = drafts.filter((expense) => !handled.has(expense.id));
  const submit = useMutation({
    mutationFn: async (expenses: Expense[]) => {
      const results: BulkResult[] = [];
      for (let start = 0; start < expenses.length; start += IDS_PER_REQUEST) {
        const ids = expenses.slice(start, start + IDS_PER_REQUEST).map((expense) => expense.id);
        results.push(...(await submitExpenses(ids)).results);
      }
      return summarize(expenses, results);
    },
    onSuccess: (result, expenses) => {
      setSummary(result);
      setHandled((previous) => new Set([...previous, ...expenses.map((expense) => expense.id)]));
    },
    // An automatic rule may approve a fund's voucher, and that may request its replenishment.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
        queryClient.invalidateQueries({ queryKey: replenishmentsKeys.all }),
      ]),
  });

  return (
    <Stack gap="xs">
      {waiting.length > 0 && (
        <Group gap="sm">
          <Button onClick={() => submit.mutate(waiting)} loading={submit.isPending}>
            {t('expenses.import.submitAll.action')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('expenses.import.submitAll.hint', { count: waiting.length })}
          </Text>
        </Group>
      )}
      <ErrorAlert error={submit.error} />
      {summary && <SubmitSummaryAlert summary={summary} onClose={() => setSummary(null)} />}
    </Stack>
  );
}

function SubmitSummaryAlert({ summary, onClose }: { summary: SubmitSummary; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <BulkResultAlert
      title={t('expenses.import.submitAll.title')}
      closeLabel={t('expenses.import.submitAll.close')}
      counts={[
        summary.submitted.length > 0 &&
          t('expenses.import.submitAll.submitted', { count: summary.submitted.length }),
        summary.approved.length > 0 &&
          t('expenses.import.submitAll.approved', { count: summary.approved.length }),
        summary.failed.length > 0 && t('expenses.import.submitAll.failed', { count: summary.failed.length }),
      ]}
      failed={summary.failed}
      onClose={onClose}
    />
  );
}
