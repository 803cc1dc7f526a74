export type { AlertSource, ReconciliationAlert } from './alert-sources.js';
export { ALERT_SOURCES } from './alert-sources.js';
export { backofficeRoutes } from './backoffice.routes.js';
export { type BackofficeService, createBackofficeService } from './backoffice.service.js';
export { createOperator, type OperatorView } from './operators.js';
export { createReconciliation, RECONCILIATION_ALERTS_JOB } from './reconciliation.js';
