export { createPaymentProvider } from './create-gateway.js';
export type { PaymentGateway } from './payment-gateway.js';
export { writePlans } from './plans.js';
export { createStripeEvents, PAYMENT_EVENT_JOB } from './stripe-events.js';
export { stripeWebhookRoutes } from './stripe-webhook.routes.js';
export { createSubscriptionTimers, SUBSCRIPTION_TIMERS_JOB } from './subscription-timers.js';
export { subscriptionsRoutes } from './subscriptions.routes.js';
export {
  createSubscriptionsService,
  organizationIsReadOnly,
  type SubscriptionsService,
  startTrial,
} from './subscriptions.service.js';
