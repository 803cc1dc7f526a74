export { policiesRoutes } from './policies.routes.js';
export {
  createPoliciesService,
  type ExpenseLimits,
  effectiveExpenseLimits,
  fundChangeApprovalThreshold,
  type PoliciesService,
} from './policies.service.js';
