import type { OrganizationDirectory } from '../accounts/organization-directory.js';
import {
  createOrganizationWithOwner,
  findActiveMembership,
  listActiveMembershipsOfUser,
} from './memberships.js';

export { createInvitationsService, type InvitationsService } from './invitations.service.js';
export { createMembersService, type MembersService } from './members.service.js';
export { organizationsRoutes } from './organizations.routes.js';

/** The organizations side of what accounts needs (sign-up, login, sessions). */
export const organizationDirectory: OrganizationDirectory = {
  createOrganizationWithOwner,
  findActiveMembership,
  listActiveMembershipsOfUser,
};
export { fiscalDataRoutes } from './fiscal-data.routes.js';
export {
  createFiscalDataService,
  type FiscalDataService,
  findOrganizationRfc,
} from './fiscal-data.service.js';
export {
  activeMemberContactsWithRoles,
  findMemberById,
  memberContacts,
  memberNames,
  organizationName,
} from './memberships.js';
export { scheduleOrganizationReminders } from './organization-reminders.js';
export { memberships } from './organizations.schema.js';
