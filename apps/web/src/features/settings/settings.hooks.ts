import { useQuery } from '@tanstack/react-query';
import type { ExpenseLimitsPolicy, FundChangesPolicy, Policy } from '../../api/types';
import { listPolicies, settingsKeys } from './settings.api';

const isLimits = (policy: Policy): policy is ExpenseLimitsPolicy => policy.kind === 'expense_limits';
const isFundChanges = (policy: Policy): policy is FundChangesPolicy => policy.kind === 'fund_changes';

/**
 * The organization's policies by what they govern: its own expense limits, the categories' limits
 * (one with both amounts empty is the same as none: the organization's apply) and the fund-change rule.
 */
export function usePolicies(organizationId: string) {
  const query = useQuery({ queryKey: settingsKeys.policies(organizationId), queryFn: listPolicies });
  const all = query.data?.data ?? [];
  const limits = all.filter(isLimits);
  return {
    query,
    general: limits.find((policy) => policy.categoryId === null) ?? null,
    byCategory: limits.filter(
      (policy) =>
        policy.categoryId !== null && (policy.maxPerExpense !== null || policy.cfdiRequiredAbove !== null),
    ),
    fundChanges: all.find(isFundChanges) ?? null,
  };
}
