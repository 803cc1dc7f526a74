export { policiesRoutes } from './policies.routes.js';
export {
  createPoliciesService,
  type ExpenseLimits,
  effectiveExpenseLimits,
  type PoliciesService,
} from './policies.service.js';
