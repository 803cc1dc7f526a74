import { and, asc, eq, sql } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { requireActiveCategory, requireActiveCostCenter } from '../categories/index.js';
import { fundErrors } from '../funds/index.js';
import { findMemberById, memberNames } from '../organizations/index.js';
import { mayBeApproverRole } from './approval-rules.js';
import { approvalErrors } from './approvals.errors.js';
import { type ApproverSpec, approvalRules } from './approvals.schema.js';

export interface ApprovalRuleInput {
  name: string;
  minAmount: string | null;
  maxAmount: string | null;
  categoryId: string | null;
  fundId: string | null;
  costCenterId: string | null;
  autoApprove: boolean;
  levels: ApproverSpec[];
  /** Where it goes in the evaluation order (1 = tried first); omitted: last. */
  position?: number | undefined;
}

type RuleRow = typeof approvalRules.$inferSelect;

/** Approval rules of the organization: tried in order, the first that matches an expense decides. */
export function createApprovalRulesService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function ruleView(tx: Tx, organizationId: string, row: RuleRow) {
    const people = row.levels.flatMap((level) => ('membershipId' in level ? [level.membershipId] : []));
    const names = await memberNames(tx, organizationId, people);
    return {
      id: row.id,
      name: row.name,
      position: row.position,
      minAmount: row.minAmount,
      maxAmount: row.maxAmount,
      categoryId: row.categoryId,
      fundId: row.fundId,
      costCenterId: row.costCenterId,
      autoApprove: row.autoApprove,
      levels: row.levels.map((level) =>
        'role' in level
          ? { role: level.role, membershipId: null, name: null }
          : { role: null, membershipId: level.membershipId, name: names.get(level.membershipId) ?? '' },
      ),
      active: row.active,
      updatedAt: row.updatedAt,
    };
  }

  /** Checks what the database cannot: approvers able to approve, a sensible range, live references. */
  async function validate(tx: Tx, actor: Actor, input: ApprovalRuleInput) {
    if (input.minAmount && input.maxAmount && money(input.maxAmount).lessThan(input.minAmount)) {
      throw approvalErrors.rangeInvalid();
    }
    if (!input.autoApprove && input.levels.length === 0) throw approvalErrors.levelsRequired();
    for (const [index, level] of input.levels.entries()) {
      if ('role' in level) {
        if (!mayBeApproverRole(level.role)) throw approvalErrors.approverRoleInvalid(index);
        continue;
      }
      const member = await findMemberById(tx, actor.organizationId, level.membershipId);
      if (!member?.active || !can(member.roles, 'expenses.approve'))
        throw approvalErrors.approverInvalid(index);
    }
    if (input.categoryId) await requireActiveCategory(tx, actor.organizationId, input.categoryId);
    if (input.costCenterId) await requireActiveCostCenter(tx, actor.organizationId, input.costCenterId);
  }

  async function write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (pgConstraint(error) === 'approval_rules_fund_fk') throw fundErrors.fundNotFound();
      throw error;
    }
  }

  async function lockRule(tx: Tx, actor: Actor, id: string) {
    const [row] = await tx
      .select()
      .from(approvalRules)
      .where(and(eq(approvalRules.organizationId, actor.organizationId), eq(approvalRules.id, id)))
      .for('update');
    if (!row) throw approvalErrors.ruleNotFound();
    return row;
  }

  return {
    async list(actor: Actor) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select()
          .from(approvalRules)
          .where(eq(approvalRules.organizationId, actor.organizationId))
          .orderBy(asc(approvalRules.active), asc(approvalRules.position));
        return { data: await Promise.all(rows.map((row) => ruleView(tx, actor.organizationId, row))) };
      });
    },

    async create(actor: Actor, input: ApprovalRuleInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), (tx) =>
        write(async () => {
          await validate(tx, actor, input);
          const [{ last } = { last: 0 }] = await tx
            .select({ last: sql<number>`coalesce(max(${approvalRules.position}), 0)::int` })
            .from(approvalRules)
            .where(eq(approvalRules.organizationId, actor.organizationId));
          const { position, ...values } = input;
          const [row] = await tx
            .insert(approvalRules)
            .values({
              organizationId: actor.organizationId,
              ...values,
              levels: input.autoApprove ? [] : input.levels,
              position: position ?? last + 1,
              updatedBy: actor.membershipId,
            })
            .returning();
          if (!row) throw new Error('approval rule insert returned nothing');
          const view = await ruleView(tx, actor.organizationId, row);
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'approval_rule.created',
            targetType: 'approval_rule',
            targetId: row.id,
            after: view,
          });
          return view;
        }),
      );
    },

    /** Replaces the rule's conditions and levels; `active: false` retires it (expenses already submitted keep their chain). */
    async update(
      actor: Actor,
      id: string,
      input: Partial<ApprovalRuleInput> & { active?: boolean | undefined },
      origin: RequestOrigin,
    ) {
      return withTenant(db, scope(actor), (tx) =>
        write(async () => {
          const before = await lockRule(tx, actor, id);
          const merged = { ...before, ...input };
          await validate(tx, actor, merged);
          const [row] = await tx
            .update(approvalRules)
            .set({
              ...input,
              levels: merged.autoApprove ? [] : merged.levels,
              updatedBy: actor.membershipId,
              updatedAt: now(),
            })
            .where(and(eq(approvalRules.organizationId, actor.organizationId), eq(approvalRules.id, id)))
            .returning();
          if (!row) throw approvalErrors.ruleNotFound();
          const view = await ruleView(tx, actor.organizationId, row);
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'approval_rule.updated',
            targetType: 'approval_rule',
            targetId: id,
            before: await ruleView(tx, actor.organizationId, before),
            after: view,
          });
          return view;
        }),
      );
    },
  };
}

export type ApprovalRulesService = ReturnType<typeof createApprovalRulesService>;
