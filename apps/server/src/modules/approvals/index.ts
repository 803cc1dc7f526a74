export { approvalStepsView, decideCurrentStep, startApproval } from './approval-chain.js';
export { awaitingDecisionBy } from './approval-inbox.js';
export { createApprovalReminders } from './approval-reminders.js';
export { approvalRulesRoutes } from './approval-rules.routes.js';
export { type ApprovalRulesService, createApprovalRulesService } from './approval-rules.service.js';
