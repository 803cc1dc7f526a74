import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';
import { switchTenant } from '../../platform/tenancy.js';
import { memberships, organizations } from './organizations.schema.js';

export interface MembershipSummary {
  membershipId: string;
  organization: { id: string; name: string };
  roles: Role[];
}

/** Creates an organization and its first member, the account administrator, in the caller's transaction. */
export async function createOrganizationWithOwner(
  tx: Tx,
  input: { organizationId: string; name: string; ownerUserId: string },
): Promise<{ id: string; name: string }> {
  await switchTenant(tx, { organizationId: input.organizationId, userId: input.ownerUserId });
  const [organization] = await tx
    .insert(organizations)
    .values({ id: input.organizationId, name: input.name })
    .returning({ id: organizations.id, name: organizations.name });
  await tx.insert(memberships).values({
    organizationId: input.organizationId,
    userId: input.ownerUserId,
    roles: ['owner'],
  });
  if (!organization) throw new Error('organization insert returned nothing');
  return organization;
}

/** The person's active memberships in every organization (RLS lets them read only their own). */
export async function listActiveMembershipsOfUser(tx: Tx, userId: string): Promise<MembershipSummary[]> {
  const rows = await tx
    .select({
      membershipId: memberships.id,
      roles: memberships.roles,
      organization: { id: organizations.id, name: organizations.name },
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt));
  return rows.map((row) => ({ ...row, roles: row.roles as Role[] }));
}

/** The active membership of a person in the transaction's organization. */
export async function findActiveMembership(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({
      id: memberships.id,
      roles: memberships.roles,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        eq(memberships.active, true),
      ),
    );
  return row ? { ...row, roles: row.roles as Role[] } : null;
}
