import type { ApiResponse } from '@cajachica/sdk';
import { api } from '../../api/client';

// The contract's own types (packages/sdk, generated from the server's OpenAPI document), not a copy.
export type Subscription = ApiResponse<'/api/v1/subscription', 'get'>;
export type SubscriptionStatus = Subscription['status'];
export type Plan = Subscription['plans'][number];
export type PlanId = Plan['id'];
export type PaymentMethod = Subscription['paymentMethods'][number];
export type PaymentProvider = Subscription['paymentProvider'];
export type Checkout = ApiResponse<'/api/v1/subscription/checkout', 'post', 201>;
export type SubscriptionPayment = Checkout['payment'];
export type PaymentStatus = SubscriptionPayment['status'];
export type PaymentInstructions = Exclude<SubscriptionPayment['instructions'], Record<string, never>>;
/** GET /subscription/suspension: what suspending today would do, shown before confirming. */
export type SuspensionPreview = ApiResponse<'/api/v1/subscription/suspension', 'get'>;
export type RefundPreview = NonNullable<SuspensionPreview['refund']>;
export type Suspension = ApiResponse<'/api/v1/subscription/suspend', 'post'>;

/** Every method the product knows, in the order the page offers them. */
export const ALL_METHODS: readonly PaymentMethod[] = ['spei', 'card', 'oxxo'];

export const getSubscription = () => api.get<Subscription>('/subscription');

export const checkout = (plan: PlanId, method: PaymentMethod) =>
  api.post<Checkout>('/subscription/checkout', { plan, method });

export const listPayments = () => api.get<{ data: SubscriptionPayment[] }>('/subscription/payments');

const paymentPath = (id: string) => `/subscription/payments/${encodeURIComponent(id)}`;

/** Sandbox only: confirms a pending payment as the provider would. */
export const simulatePayment = (id: string) => api.post<SubscriptionPayment>(`${paymentPath(id)}/simulate`);

export const getSuspensionPreview = () => api.get<SuspensionPreview>('/subscription/suspension');

export const suspendSubscription = (clabe?: string) =>
  api.post<Suspension>('/subscription/suspend', clabe ? { clabe } : {});

/** Takes back a monthly suspension before the period ends (cancel_scheduled → active). */
export const reactivateSubscription = () => api.post<Subscription>('/subscription/reactivate');

/** Query keys carry the organization; everything starts with `subscription` so one invalidation refreshes all. */
export const subscriptionKeys = {
  all: ['subscription'] as const,
  current: (organizationId: string) => ['subscription', organizationId, 'current'] as const,
  payments: (organizationId: string) => ['subscription', organizationId, 'payments'] as const,
  suspension: (organizationId: string) => ['subscription', organizationId, 'suspension'] as const,
};
