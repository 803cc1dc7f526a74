import type { Role } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';

/**
 * What accounts needs to know about organizations, implemented by the organizations module and
 * wired in app.ts, so accounts never imports organizations (organizations depends on accounts).
 */
export interface OrganizationDirectory {
  createOrganizationWithOwner(
    tx: Tx,
    input: { organizationId: string; name: string; ownerUserId: string },
  ): Promise<{ id: string; name: string }>;
  listActiveMembershipsOfUser(
    tx: Tx,
    userId: string,
  ): Promise<{ membershipId: string; organization: { id: string; name: string }; roles: Role[] }[]>;
  findActiveMembership(
    tx: Tx,
    organizationId: string,
    userId: string,
  ): Promise<{ id: string; roles: Role[]; organizationName: string } | null>;
}
