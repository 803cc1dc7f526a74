export { accountsRoutes } from './accounts.routes.js';
export { type AccountsService, createAccountsService, type Me } from './accounts.service.js';
export { createMfaService, type MfaService } from './mfa.js';
export type { OrganizationDirectory } from './organization-directory.js';
