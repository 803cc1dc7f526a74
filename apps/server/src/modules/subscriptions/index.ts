export type { PaymentGateway } from './payment-gateway.js';
export { writePlans } from './plans.js';
export { createSandboxGateway } from './sandbox-gateway.js';
export { createSubscriptionTimers, SUBSCRIPTION_TIMERS_JOB } from './subscription-timers.js';
export { subscriptionsRoutes } from './subscriptions.routes.js';
export {
  createSubscriptionsService,
  organizationIsReadOnly,
  type SubscriptionsService,
  startTrial,
} from './subscriptions.service.js';
