import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '../../api/types';
import { expensesKeys, listCategories, listCostCenters } from './expenses.api';

/** The organization's categories, for selects and to name an expense's category. */
export function useCategories(organizationId: string) {
  const categories = useQuery({
    queryKey: expensesKeys.categories(organizationId),
    queryFn: listCategories,
    staleTime: 5 * 60_000,
  });
  const all = categories.data?.data ?? [];
  return {
    options: all.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name })),
    nameOf: (id: string | null) => (id ? (all.find((c) => c.id === id)?.name ?? null) : null),
    isPending: categories.isPending,
  };
}

export function useCostCenters(organizationId: string, enabled = true) {
  const costCenters = useQuery({
    queryKey: expensesKeys.costCenters(organizationId),
    queryFn: listCostCenters,
    staleTime: 5 * 60_000,
    enabled,
  });
  const all = costCenters.data?.data ?? [];
  return {
    options: all.filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` })),
    nameOf: (id: string | null) => {
      const found = id ? all.find((c) => c.id === id) : undefined;
      return found ? `${found.code} · ${found.name}` : null;
    },
  };
}

export function usePaymentMethodOptions() {
  const { t } = useTranslation();
  return PAYMENT_METHODS.map((method) => ({ value: method, label: t(`expenses.paymentMethod.${method}`) }));
}
