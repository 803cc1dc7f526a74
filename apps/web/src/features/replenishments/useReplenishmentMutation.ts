import { useMutation, useQueryClient } from '@tanstack/react-query';
import { expensesKeys } from '../expenses/expenses.api';
import { fundsKeys } from '../funds/funds.api';
import { type ReplenishmentDetail, replenishmentsKeys } from './replenishments.api';

/**
 * A decision on one replenishment: its answer replaces the cached one; lists, fund balances and
 * expenses (a payment replenishes them and moves cash) are refetched. A refusal refetches it too:
 * an approval refused for a cancelled CFDI has just stored SAT's answers.
 */
export function useReplenishmentMutation<Variables>(
  organizationId: string,
  id: string,
  mutationFn: (variables: Variables) => Promise<ReplenishmentDetail>,
  onDone?: (replenishment: ReplenishmentDetail) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (replenishment) => {
      queryClient.setQueryData(replenishmentsKeys.detail(organizationId, id), replenishment);
      onDone?.(replenishment);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: replenishmentsKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
      ]);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: replenishmentsKeys.detail(organizationId, id) }),
  });
}
