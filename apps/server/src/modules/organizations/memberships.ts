import { and, arrayOverlaps, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';
import { switchTenant } from '../../platform/tenancy.js';
import { users } from '../accounts/accounts.schema.js';
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

/** A member of the organization by membership id, with their name: for naming custodians, witnesses, approvers. */
export async function findMemberById(tx: Tx, organizationId: string, membershipId: string) {
  const [row] = await tx
    .select({ id: memberships.id, active: memberships.active, roles: memberships.roles, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, membershipId)));
  return row ? { ...row, roles: row.roles as Role[] } : null;
}

/** Name and email of these members (to write to them). */
export async function memberContacts(tx: Tx, organizationId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { name: string; email: string }>();
  const rows = await tx
    .select({ id: memberships.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.id, unique)));
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}

/** Name and email of the active members holding any of these roles (to ask them for a decision). */
export async function activeMemberContactsWithRoles(tx: Tx, organizationId: string, roles: readonly Role[]) {
  const rows = await tx
    .select({ id: memberships.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.active, true),
        arrayOverlaps(memberships.roles, [...roles]),
      ),
    );
  return rows;
}

/** The organization's name (for emails written on its behalf). */
export async function organizationName(tx: Tx, organizationId: string): Promise<string> {
  const [row] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.name ?? '';
}

/** Names of these members of the organization, by membership id (one query for a whole list). */
export async function memberNames(tx: Tx, organizationId: string, ids: readonly string[]) {
  const contacts = await memberContacts(tx, organizationId, ids);
  return new Map([...contacts].map(([id, contact]) => [id, contact.name]));
}
