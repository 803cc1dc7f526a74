import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Expense } from '../../api/types';
import { expensesKeys } from '../expenses/expenses.api';
import { fundsKeys } from '../funds/funds.api';
import { type BulkResult, type Decision, decideExpenses } from './approvals.api';

export interface DecisionRequest {
  decision: Decision;
  expenses: Expense[];
  reason?: string;
}

/** What a decision did, expense by expense, told apart the way the person reads it. */
export interface DecisionSummary {
  decision: Decision;
  approved: Expense[];
  /** Approved at this level; the expense now waits for the next one. */
  nextLevel: Expense[];
  rejected: Expense[];
  failed: { expense: Expense; detail: string }[];
}

export function summarize(request: DecisionRequest, results: BulkResult[]): DecisionSummary {
  const byId = new Map(request.expenses.map((expense) => [expense.id, expense]));
  const summary: DecisionSummary = {
    decision: request.decision,
    approved: [],
    nextLevel: [],
    rejected: [],
    failed: [],
  };
  for (const result of results) {
    const expense = byId.get(result.id);
    if (!expense) continue;
    if (!result.ok) summary.failed.push({ expense, detail: result.error?.detail ?? '' });
    else if (result.status === 'approved') summary.approved.push(expense);
    else if (result.status === 'rejected') summary.rejected.push(expense);
    else summary.nextLevel.push(expense);
  }
  return summary;
}

/**
 * Approves or rejects one or many expenses through the bulk endpoints (each decided on its own);
 * then lists and fund balances are refetched (an approval or rejection moves vouchers and cash).
 */
export function useDecisions(onDone: (summary: DecisionSummary, request: DecisionRequest) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: DecisionRequest) => {
      const ids = request.expenses.map((expense) => expense.id);
      const { results } = await decideExpenses(request.decision, ids, request.reason);
      return summarize(request, results);
    },
    onSuccess: async (summary, request) => {
      onDone(summary, request);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
      ]);
    },
  });
}
