import { api } from '../../api/client';
import type { ExpenseFilters, ExpenseStatus } from '../../api/types';
import { expensesKeys } from '../expenses/expenses.api';

export type ApprovalStepStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped';

/** One level of an expense's approval chain (GET /expenses/{id}/approvals). */
export interface ApprovalStep {
  level: number;
  status: ApprovalStepStatus;
  /** Who the level waits for, in Spanish ("un aprobador", a person's name). */
  waitingFor: string;
  approverRole: string | null;
  approver: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  reason: string | null;
}

/** One expense of a bulk decision: each is decided on its own, so some may fail. */
export interface BulkResult {
  id: string;
  ok: boolean;
  /** The expense's status after the decision: still `submitted` when it moved to the next level. */
  status: ExpenseStatus | null;
  error: { code: string; detail: string } | null;
}

export type Decision = 'approve' | 'reject';

/** The inbox: the expenses whose current level the person may decide. */
export const INBOX_FILTERS: ExpenseFilters = { awaitingMyApproval: 'true' };

export const decideExpenses = (decision: Decision, ids: string[], reason?: string) =>
  api.post<{ results: BulkResult[] }>(
    decision === 'approve' ? '/expenses/bulk-approve' : '/expenses/bulk-reject',
    decision === 'approve' ? { ids } : { ids, reason },
  );

/** The chain, and whether the person may approve or reject the expense now (the server's rule). */
export interface ApprovalSteps {
  data: ApprovalStep[];
  canDecide: boolean;
}

export const listApprovalSteps = (expenseId: string) =>
  api.get<ApprovalSteps>(`/expenses/${encodeURIComponent(expenseId)}/approvals`);

/** Under `expenses`: every decision (which invalidates expensesKeys.all) refreshes the chain too. */
export const approvalStepsKey = (organizationId: string, expenseId: string) =>
  [...expensesKeys.detail(organizationId, expenseId), 'approvals'] as const;
