export {
  AUTO_FUND_JOB,
  createReplenishmentAutomation,
  type ReplenishmentAutomation,
  requestReplenishmentIfNeeded,
} from './replenishment-auto.js';
export { replenishmentsRoutes } from './replenishments.routes.js';
export { createReplenishmentsService, type ReplenishmentsService } from './replenishments.service.js';
