export { createAdvanceLink } from './advance-link.js';
export { createAdvanceReminders } from './advance-reminders.js';
export { advancesRoutes } from './advances.routes.js';
export { type AdvancesService, createAdvancesService } from './advances.service.js';
export { createEmployeeReimbursements, type EmployeeReimbursements } from './employee-reimbursements.js';
