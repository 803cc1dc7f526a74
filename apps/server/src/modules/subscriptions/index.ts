export { writePlans } from './plans.js';
export { subscriptionsRoutes } from './subscriptions.routes.js';
export {
  createSubscriptionsService,
  type SubscriptionsService,
  startTrial,
} from './subscriptions.service.js';
