import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { users } from '../accounts/accounts.schema.js';
import { organizationErrors } from './organizations.errors.js';
import { memberships } from './organizations.schema.js';

export interface Member {
  id: string;
  user: { id: string; email: string; name: string };
  roles: Role[];
  active: boolean;
  createdAt: Date;
}

const memberColumns = {
  id: memberships.id,
  roles: memberships.roles,
  active: memberships.active,
  createdAt: memberships.createdAt,
  user: { id: users.id, email: users.email, name: users.name },
};

// Filters by organization explicitly as well: RLS also shows people their own memberships elsewhere.
async function findMember(
  tx: Tx,
  organizationId: string,
  where: ReturnType<typeof eq>,
): Promise<Member | null> {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), where));
  return row ? { ...row, roles: row.roles as Role[] } : null;
}

/** Keeps 'owner' where it was: it only moves by transferOwnership. */
function rolesKeepingOwner(current: Role[], requested: Role[]): Role[] {
  const withoutOwner = requested.filter((role) => role !== 'owner');
  return current.includes('owner') ? ['owner', ...withoutOwner] : withoutOwner;
}

/** Members of the actor's organization: list, change roles, deactivate/reactivate, hand over ownership. */
export function createMembersService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  return {
    /** Keyset pagination on the time-ordered membership id. */
    async list(actor: Actor, page: { limit: number; cursor?: string | undefined }) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select(memberColumns)
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.organizationId, actor.organizationId),
              page.cursor ? gt(memberships.id, page.cursor) : undefined,
            ),
          )
          .orderBy(asc(memberships.id))
          .limit(page.limit + 1);
        const data = rows.slice(0, page.limit).map((row) => ({ ...row, roles: row.roles as Role[] }));
        return { data, nextCursor: rows.length > page.limit ? (data.at(-1)?.id ?? null) : null };
      });
    },

    /**
     * Names of the active members, for anyone in the organization: whoever records a cash count or
     * hands out an advance must be able to name a witness or an employee without reading the full
     * member list (emails and roles stay with members.read).
     */
    async directory(actor: Actor) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select({ id: memberships.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.active, true)))
          .orderBy(asc(users.name))
          .limit(2000);
        return { data: rows };
      });
    },

    async update(
      actor: Actor,
      membershipId: string,
      change: { roles?: Role[] | undefined; active?: boolean | undefined },
      origin: RequestOrigin,
    ) {
      return withTenant(db, scope(actor), async (tx) => {
        const before = await findMember(tx, actor.organizationId, eq(memberships.id, membershipId));
        if (!before) throw organizationErrors.memberNotFound();
        if (change.roles?.includes('owner') && !before.roles.includes('owner'))
          throw organizationErrors.ownerRoleByTransfer();
        if (change.active === false && before.roles.includes('owner'))
          throw organizationErrors.ownerCannotBeDeactivated();
        if (change.active === false && before.user.id === actor.userId)
          throw organizationErrors.cannotDeactivateSelf();
        const roles = change.roles ? rolesKeepingOwner(before.roles, change.roles) : before.roles;
        const active = change.active ?? before.active;
        await tx
          .update(memberships)
          .set({
            roles,
            active,
            updatedAt: now(),
            ...(active !== before.active ? { deactivatedAt: active ? null : now() } : {}),
          })
          .where(eq(memberships.id, membershipId));
        const after = { ...before, roles, active };
        const action =
          active !== before.active
            ? active
              ? 'member.reactivated'
              : 'member.deactivated'
            : 'member.roles_changed';
        await recordAudit(tx, auditAs(actor), origin, {
          action,
          targetType: 'membership',
          targetId: membershipId,
          before: { roles: before.roles, active: before.active },
          after: { roles, active },
        });
        return after;
      });
    },

    /** The owner hands the role to another active member and becomes an admin: always exactly one owner. */
    async transferOwnership(actor: Actor, targetUserId: string, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        // Serialize concurrent transfers in this organization.
        await tx.execute(
          sql`SELECT id FROM memberships WHERE organization_id = ${actor.organizationId} AND 'owner' = ANY(roles) FOR UPDATE`,
        );
        const current = await findMember(tx, actor.organizationId, eq(memberships.id, actor.membershipId));
        const target = await findMember(tx, actor.organizationId, eq(memberships.userId, targetUserId));
        if (!current?.roles.includes('owner')) throw organizationErrors.transferTargetInvalid();
        if (!target?.active || target.user.id === actor.userId)
          throw organizationErrors.transferTargetInvalid();
        const formerOwnerRoles: Role[] = [
          ...new Set<Role>(['admin', ...current.roles.filter((role) => role !== 'owner')]),
        ];
        const newOwnerRoles: Role[] = ['owner', ...target.roles.filter((role) => role !== 'owner')];
        await tx
          .update(memberships)
          .set({ roles: formerOwnerRoles, updatedAt: now() })
          .where(eq(memberships.id, current.id));
        await tx
          .update(memberships)
          .set({ roles: newOwnerRoles, updatedAt: now() })
          .where(eq(memberships.id, target.id));
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'organization.ownership_transferred',
          targetType: 'membership',
          targetId: target.id,
          before: { ownerUserId: actor.userId },
          after: { ownerUserId: target.user.id },
        });
        return { ownerUserId: target.user.id };
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
