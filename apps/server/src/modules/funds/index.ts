export { createFundChangesService, type FundChangesService } from './fund-changes.service.js';
export type { Fund, FundMovement, MovementSource } from './fund-ledger.js';
export { fundErrors } from './funds.errors.js';
export { fundSchema, fundsRoutes } from './funds.routes.js';
export { createFundsService, type FundsService } from './funds.service.js';
