import { useInfiniteQuery } from '@tanstack/react-query';
import { canApproveExpenses } from '../../api/session';
import type { Me } from '../../api/types';
import { expensesKeys, listExpenses } from '../expenses/expenses.api';
import { mayApprove } from '../replenishments/replenishment-access';
import { listReplenishments, replenishmentsKeys } from '../replenishments/replenishments.api';
import { INBOX_FILTERS } from './approvals.api';

/**
 * Replenishments wait for an approver while `requested`. The same filter (and so the same cached
 * query) as the replenishments list filtered by that status.
 */
const REQUESTED = { status: 'requested' };

/** The expenses whose current level the person may decide, page by page (the inbox and the nav badge share it). */
export function useExpenseInbox(organizationId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: expensesKeys.list(organizationId, INBOX_FILTERS),
    queryFn: ({ pageParam }) => listExpenses(INBOX_FILTERS, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * The requested replenishments the person may approve: only for those whose role approves, and
 * never one they asked for themselves (the server refuses it).
 */
export function useReplenishmentInbox(me: Me) {
  const query = useInfiniteQuery({
    queryKey: replenishmentsKeys.list(me.organization.id, REQUESTED),
    queryFn: ({ pageParam }) => listReplenishments(REQUESTED, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: canApproveExpenses(me),
  });
  const rows = (query.data?.pages.flatMap((page) => page.data) ?? []).filter((replenishment) =>
    mayApprove(me, replenishment),
  );
  return { query, rows };
}

/**
 * How many things wait for the person's decision, expenses and replenishments, for the navigation
 * ("50+" while more pages remain); null when nothing waits or the person approves nothing.
 */
export function useApprovalCount(me: Me): string | null {
  const approves = canApproveExpenses(me);
  const expenses = useExpenseInbox(me.organization.id, approves);
  const replenishments = useReplenishmentInbox(me);
  if (!approves) return null;
  const count =
    (expenses.data?.pages.reduce((sum, page) => sum + page.data.length, 0) ?? 0) + replenishments.rows.length;
  if (count === 0) return null;
  return expenses.hasNextPage || replenishments.query.hasNextPage ? `${count}+` : String(count);
}
