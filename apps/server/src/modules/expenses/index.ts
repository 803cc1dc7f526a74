export { createExpenseAttachments, type ExpenseAttachments } from './expense-attachments.service.js';
export type { Supplier69bLookup } from './expense-findings.js';
export { createExpenseImportService, type ExpenseImportService } from './expense-import.service.js';
export { refreshSupplierListFindings, supplierListRefresher } from './expense-refresh.js';
export { createExpenseSatStatus, type ExpenseSatStatus } from './expense-sat-status.js';
export { expensesRoutes } from './expenses.routes.js';
export { createExpensesService, type ExpensesService } from './expenses.service.js';
export { createInvoiceReminders } from './invoice-reminders.js';
