import type { Role } from '../../platform/auth/permissions.js';
import { can } from '../../platform/auth/permissions.js';
import { money } from '../../platform/money.js';
import type { ApproverSpec } from './approvals.schema.js';

/**
 * Who decides a level when no rule names anyone: every person whose role may approve expenses.
 * Stored as this pseudo-role on the step.
 */
export const ANY_APPROVER = 'any';

export interface RuleConditions {
  id: string;
  position: number;
  active: boolean;
  minAmount: string | null;
  maxAmount: string | null;
  categoryId: string | null;
  fundId: string | null;
  costCenterId: string | null;
  autoApprove: boolean;
  levels: ApproverSpec[];
}

export interface ExpenseFacts {
  totalMxn: string;
  categoryId: string | null;
  fundId: string | null;
  costCenterId: string | null;
}

/** A step of the chain to create: who decides it (a role, ANY_APPROVER, or one person). */
export type PlannedLevel =
  | { approverRole: string; approverId: null }
  | { approverRole: null; approverId: string };

export type ApprovalPlan =
  | { kind: 'auto'; ruleId: string }
  | { kind: 'levels'; ruleId: string | null; levels: PlannedLevel[] };

/** Does the rule apply to the expense? Amounts inclusive at both ends; a null condition matches anything. */
export function ruleMatches(rule: RuleConditions, expense: ExpenseFacts): boolean {
  const total = money(expense.totalMxn);
  return (
    rule.active &&
    (rule.minAmount === null || total.greaterThanOrEqualTo(rule.minAmount)) &&
    (rule.maxAmount === null || total.lessThanOrEqualTo(rule.maxAmount)) &&
    (rule.categoryId === null || rule.categoryId === expense.categoryId) &&
    (rule.fundId === null || rule.fundId === expense.fundId) &&
    (rule.costCenterId === null || rule.costCenterId === expense.costCenterId)
  );
}

/** The first matching rule by position decides; without one, a single level any approver decides. */
export function planApproval(rules: readonly RuleConditions[], expense: ExpenseFacts): ApprovalPlan {
  const rule = [...rules].sort((a, b) => a.position - b.position).find((r) => ruleMatches(r, expense));
  if (!rule)
    return { kind: 'levels', ruleId: null, levels: [{ approverRole: ANY_APPROVER, approverId: null }] };
  if (rule.autoApprove) return { kind: 'auto', ruleId: rule.id };
  return {
    kind: 'levels',
    ruleId: rule.id,
    levels: rule.levels.map((level) =>
      'role' in level
        ? { approverRole: level.role, approverId: null }
        : { approverRole: null, approverId: level.membershipId },
    ),
  };
}

/** Roles that may be named as approvers of a level: those allowed to approve expenses. */
export function mayBeApproverRole(role: Role): boolean {
  return can([role], 'expenses.approve');
}

/**
 * May a person with these roles and membership decide a step? The owner counts as an admin
 * (the account administrator can do what administrators do).
 */
export function mayDecideStep(
  step: { approverRole: string | null; approverId: string | null },
  actor: { membershipId: string; roles: readonly Role[] },
): boolean {
  if (step.approverId !== null) return step.approverId === actor.membershipId;
  if (step.approverRole === ANY_APPROVER) return can(actor.roles, 'expenses.approve');
  const roles: readonly string[] = actor.roles.includes('owner') ? [...actor.roles, 'admin'] : actor.roles;
  return step.approverRole !== null && roles.includes(step.approverRole);
}

/** A level of an expense's chain, as far as deciding it goes. */
export interface ChainStep {
  status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped';
  approverRole: string | null;
  approverId: string | null;
  decidedBy: string | null;
}

/** The chain's current level and whether the person may decide it now, or why not. */
export type CurrentStepCheck<S extends ChainStep> =
  | { may: true; current: S }
  | { may: false; why: 'none_pending' }
  | { may: false; why: 'already_decided' | 'not_your_level'; current: S };

/**
 * May this person decide the chain's current level now? Not when no level is pending, when they
 * decided an earlier one (a person decides at most one level), or when the level is not theirs.
 * Deciding and the approval view both ask here, so the buttons shown and the answer given agree.
 */
export function checkCurrentStep<S extends ChainStep>(
  steps: readonly S[],
  actor: { membershipId: string; roles: readonly Role[] },
): CurrentStepCheck<S> {
  const current = steps.find((step) => step.status === 'pending');
  if (!current) return { may: false, why: 'none_pending' };
  if (steps.some((step) => step.decidedBy === actor.membershipId))
    return { may: false, why: 'already_decided', current };
  if (!mayDecideStep(current, actor)) return { may: false, why: 'not_your_level', current };
  return { may: true, current };
}
