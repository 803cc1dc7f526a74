export { cashCountSchema, cashCountsRoutes } from './cash-counts.routes.js';
export {
  type CashCountsService,
  type CashCountView,
  createCashCountsService,
} from './cash-counts.service.js';
