import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { requireActiveCategory } from '../categories/index.js';
import { expenseLimitPolicies, fundChangePolicies } from './policies.schema.js';

export interface ExpenseLimits {
  maxPerExpense: string | null;
  cfdiRequiredAbove: string | null;
}

const fundChangesView = (row: typeof fundChangePolicies.$inferSelect) => ({
  id: row.id,
  kind: 'fund_changes' as const,
  secondApprovalAbove: row.secondApprovalAbove,
  updatedAt: row.updatedAt,
});

const view = (row: typeof expenseLimitPolicies.$inferSelect) => ({
  id: row.id,
  kind: 'expense_limits' as const,
  categoryId: row.categoryId,
  maxPerExpense: row.maxPerExpense,
  cfdiRequiredAbove: row.cfdiRequiredAbove,
  updatedAt: row.updatedAt,
});

/** The limits that apply to an expense of this category: the category's, else the organization's. */
export async function effectiveExpenseLimits(
  tx: Tx,
  organizationId: string,
  categoryId: string | null,
): Promise<ExpenseLimits> {
  const rows = await tx
    .select()
    .from(expenseLimitPolicies)
    .where(
      and(
        eq(expenseLimitPolicies.organizationId, organizationId),
        categoryId
          ? or(isNull(expenseLimitPolicies.categoryId), eq(expenseLimitPolicies.categoryId, categoryId))
          : isNull(expenseLimitPolicies.categoryId),
      ),
    );
  const general = rows.find((row) => row.categoryId === null);
  const specific = rows.find((row) => row.categoryId !== null);
  return {
    maxPerExpense: specific?.maxPerExpense ?? general?.maxPerExpense ?? null,
    cfdiRequiredAbove: specific?.cfdiRequiredAbove ?? general?.cfdiRequiredAbove ?? null,
  };
}

/**
 * The amount above which increasing, decreasing or closing a fund needs a second manager's
 * approval; null when the organization has no such rule.
 */
export async function fundChangeApprovalThreshold(tx: Tx, organizationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ above: fundChangePolicies.secondApprovalAbove })
    .from(fundChangePolicies)
    .where(eq(fundChangePolicies.organizationId, organizationId));
  return row?.above ?? null;
}

/** Spending policies of the organization (more kinds, e.g. approval rules, join this resource later). */
export function createPoliciesService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  return {
    async list(actor: Actor) {
      return withTenant(db, scope(actor), async (tx) => {
        const limits = await tx
          .select()
          .from(expenseLimitPolicies)
          .where(eq(expenseLimitPolicies.organizationId, actor.organizationId))
          .orderBy(asc(expenseLimitPolicies.id));
        const fundChanges = await tx
          .select()
          .from(fundChangePolicies)
          .where(eq(fundChangePolicies.organizationId, actor.organizationId));
        return { data: [...limits.map(view), ...fundChanges.map(fundChangesView)], nextCursor: null };
      });
    },

    /** Sets the limits of a scope (the organization, or one category), replacing what it had. */
    async setExpenseLimits(
      actor: Actor,
      input: ExpenseLimits & { categoryId: string | null },
      origin: RequestOrigin,
    ) {
      return withTenant(db, scope(actor), async (tx) => {
        if (input.categoryId) await requireActiveCategory(tx, actor.organizationId, input.categoryId);
        const where = and(
          eq(expenseLimitPolicies.organizationId, actor.organizationId),
          input.categoryId
            ? eq(expenseLimitPolicies.categoryId, input.categoryId)
            : isNull(expenseLimitPolicies.categoryId),
        );
        const [before] = await tx.select().from(expenseLimitPolicies).where(where).for('update');
        const values = {
          maxPerExpense: input.maxPerExpense,
          cfdiRequiredAbove: input.cfdiRequiredAbove,
          updatedBy: actor.membershipId,
          updatedAt: now(),
        };
        const [row] = before
          ? await tx.update(expenseLimitPolicies).set(values).where(where).returning()
          : await tx
              .insert(expenseLimitPolicies)
              .values({ organizationId: actor.organizationId, categoryId: input.categoryId, ...values })
              .returning();
        if (!row) throw new Error('policy write returned nothing');
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'policy.expense_limits_set',
          targetType: 'policy',
          targetId: row.id,
          before: before ? view(before) : null,
          after: view(row),
        });
        return { created: !before, policy: view(row) };
      });
    },

    /**
     * Sets (or, with null, removes) the amount above which a fund change needs a second manager.
     * Answers the policy, or null when removed.
     */
    async setFundChangeApproval(
      actor: Actor,
      input: { secondApprovalAbove: string | null },
      origin: RequestOrigin,
    ) {
      return withTenant(db, scope(actor), async (tx) => {
        const where = eq(fundChangePolicies.organizationId, actor.organizationId);
        const [before] = await tx.select().from(fundChangePolicies).where(where).for('update');
        let after: typeof fundChangePolicies.$inferSelect | undefined;
        if (input.secondApprovalAbove === null) {
          if (before) await tx.delete(fundChangePolicies).where(where);
        } else {
          const values = {
            secondApprovalAbove: input.secondApprovalAbove,
            updatedBy: actor.membershipId,
            updatedAt: now(),
          };
          [after] = before
            ? await tx.update(fundChangePolicies).set(values).where(where).returning()
            : await tx
                .insert(fundChangePolicies)
                .values({ organizationId: actor.organizationId, ...values })
                .returning();
        }
        const target = after ?? before;
        if (target) {
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'policy.fund_changes_set',
            targetType: 'policy',
            targetId: target.id,
            before: before ? fundChangesView(before) : null,
            after: after ? fundChangesView(after) : null,
          });
        }
        return { created: !before && Boolean(after), policy: after ? fundChangesView(after) : null };
      });
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
