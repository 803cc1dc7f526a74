import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkout,
  getSubscription,
  getSuspensionPreview,
  listPayments,
  type PaymentMethod,
  type PlanId,
  reactivateSubscription,
  simulatePayment,
  subscriptionKeys,
  suspendSubscription,
} from './subscription.api';

/** The organization's subscription: the page, the banner and the navbar share one cached answer. */
export function useSubscription(organizationId: string) {
  return useQuery({
    queryKey: subscriptionKeys.current(organizationId),
    queryFn: getSubscription,
    // Trial days and the read-only state change at most daily; a minute keeps page changes quiet.
    staleTime: 60_000,
  });
}

/** The organization's payments, newest first (owner only: the server answers 403 to others). */
export function usePayments(organizationId: string, enabled: boolean) {
  return useQuery({ queryKey: subscriptionKeys.payments(organizationId), queryFn: listPayments, enabled });
}

/** What suspending today would do; asked afresh each time the confirmation opens (it depends on the day). */
export function useSuspensionPreview(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: subscriptionKeys.suspension(organizationId),
    queryFn: getSuspensionPreview,
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Everything about the subscription is refetched after a change (status, banner, history), except the
 * suspension preview: it is asked when its confirmation opens, and asked again now it would be refused.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      queryKey: subscriptionKeys.all,
      predicate: (query) => query.queryKey[2] !== 'suspension',
    });
}

export function useCheckout() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { plan: PlanId; method: PaymentMethod }) => checkout(input.plan, input.method),
    onSuccess: refresh,
  });
}

export function useSimulatePayment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: simulatePayment, onSuccess: refresh });
}

export function useSuspend() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (clabe?: string) => suspendSubscription(clabe), onSuccess: refresh });
}

export function useReactivate() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: reactivateSubscription, onSuccess: refresh });
}
