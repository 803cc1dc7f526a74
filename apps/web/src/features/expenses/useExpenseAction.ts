import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Expense } from '../../api/types';
import { fundsKeys } from '../funds/funds.api';
import { expensesKeys } from './expenses.api';

/**
 * A mutation on one expense: the answer replaces the cached expense, and lists and fund balances
 * (a discard or an approval moves cash and vouchers) are refetched.
 */
export function useExpenseMutation<Variables>(
  organizationId: string,
  expenseId: string,
  mutationFn: (variables: Variables) => Promise<Expense>,
  onDone?: (expense: Expense) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (expense) => {
      queryClient.setQueryData(expensesKeys.detail(organizationId, expenseId), expense);
      onDone?.(expense);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: expensesKeys.all }),
        queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
      ]);
    },
  });
}
