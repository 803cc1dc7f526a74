import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { ROLE_LABELS_ES, type Role } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';
import { memberNames } from '../organizations/index.js';
import {
  ANY_APPROVER,
  checkCurrentStep,
  type ExpenseFacts,
  mayDecideStep,
  planApproval,
} from './approval-rules.js';
import { approvalErrors } from './approvals.errors.js';
import { approvalRules, expenseApprovalSteps } from './approvals.schema.js';

type StepRow = typeof expenseApprovalSteps.$inferSelect;

export interface ExpenseRef extends ExpenseFacts {
  id: string;
  organizationId: string;
}

/** What a decision did to the expense: approved (last level), rejected, or on to the next level. */
export type DecisionOutcome = 'approved' | 'rejected' | 'next_level';

async function activeRules(tx: Tx, organizationId: string) {
  return tx
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.organizationId, organizationId), eq(approvalRules.active, true)))
    .orderBy(asc(approvalRules.position));
}

/**
 * Fixes the expense's approval chain when it is submitted: the matching rule's levels (first one
 * pending), or nothing when the rule approves automatically. Answers whether it was auto-approved.
 */
export async function startApproval(tx: Tx, expense: ExpenseRef): Promise<{ autoApproved: boolean }> {
  const plan = planApproval(await activeRules(tx, expense.organizationId), expense);
  if (plan.kind === 'auto') return { autoApproved: true };
  await tx.insert(expenseApprovalSteps).values(
    plan.levels.map((level, index) => ({
      organizationId: expense.organizationId,
      expenseId: expense.id,
      level: index + 1,
      ruleId: plan.ruleId,
      ...level,
      status: index === 0 ? ('pending' as const) : ('waiting' as const),
    })),
  );
  return { autoApproved: false };
}

async function lockSteps(tx: Tx, organizationId: string, expenseId: string) {
  return tx
    .select()
    .from(expenseApprovalSteps)
    .where(
      and(
        eq(expenseApprovalSteps.organizationId, organizationId),
        eq(expenseApprovalSteps.expenseId, expenseId),
      ),
    )
    .orderBy(asc(expenseApprovalSteps.level))
    .for('update');
}

/** "un aprobador", "Administrador", or the person's name: who a step waits for, in Spanish. */
export function waitingForLabel(
  step: Pick<StepRow, 'approverRole' | 'approverId'>,
  names: Map<string, string>,
) {
  if (step.approverId) return names.get(step.approverId) ?? 'la persona designada';
  if (step.approverRole === ANY_APPROVER) return 'un aprobador';
  return `un ${ROLE_LABELS_ES[step.approverRole as Role]?.toLowerCase() ?? step.approverRole}`;
}

/**
 * Decides the expense's current level. The caller holds the expense's row lock and checked the
 * expense is submitted and not the actor's own. One person decides at most one level.
 */
export async function decideCurrentStep(
  tx: Tx,
  actor: Actor,
  expense: ExpenseRef,
  decision: 'approve' | 'reject',
  at: Date,
  reason?: string,
): Promise<DecisionOutcome> {
  let steps = await lockSteps(tx, actor.organizationId, expense.id);
  // Submitted before approval chains existed: its chain is planned now, under today's rules.
  if (steps.length === 0) {
    const { autoApproved } = await startApproval(tx, expense);
    // A rule approves it without levels: whoever may approve decides it either way.
    if (autoApproved) return decision === 'approve' ? 'approved' : 'rejected';
    steps = await lockSteps(tx, actor.organizationId, expense.id);
  }
  const check = checkCurrentStep(steps, actor);
  if (!check.may) {
    if (check.why === 'none_pending')
      throw new Error(`expense ${expense.id} is submitted without a pending approval step`);
    if (check.why === 'already_decided') throw approvalErrors.alreadyDecidedLevel();
    const names = check.current.approverId
      ? await memberNames(tx, actor.organizationId, [check.current.approverId])
      : new Map<string, string>();
    throw approvalErrors.notYourLevel(waitingForLabel(check.current, names));
  }
  const { current } = check;
  const stepWhere = (step: StepRow) =>
    and(eq(expenseApprovalSteps.organizationId, actor.organizationId), eq(expenseApprovalSteps.id, step.id));
  await tx
    .update(expenseApprovalSteps)
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: actor.membershipId,
      decidedAt: at,
      reason: reason ?? null,
    })
    .where(stepWhere(current));
  const later = steps.filter((step) => step.level > current.level);
  if (decision === 'reject') {
    for (const step of later)
      await tx.update(expenseApprovalSteps).set({ status: 'skipped' }).where(stepWhere(step));
    return 'rejected';
  }
  const next = later[0];
  if (!next) return 'approved';
  await tx.update(expenseApprovalSteps).set({ status: 'pending' }).where(stepWhere(next));
  return 'next_level';
}

/**
 * The expense's chain as the API shows it: each level, who it waits for, who decided and when; and
 * whether the actor may decide its current level now (by the chain alone: the expense's state and
 * whose it is are the caller's to add). A chain not planned yet (submitted before chains existed)
 * is planned on the first decision under today's rules, so its first level is asked about.
 */
export async function approvalStepsView(tx: Tx, actor: Actor, expense: ExpenseRef) {
  const { organizationId } = actor;
  const steps = await tx
    .select()
    .from(expenseApprovalSteps)
    .where(
      and(
        eq(expenseApprovalSteps.organizationId, organizationId),
        eq(expenseApprovalSteps.expenseId, expense.id),
      ),
    )
    .orderBy(asc(expenseApprovalSteps.level));
  let mayDecideCurrent = checkCurrentStep(steps, actor).may;
  if (steps.length === 0) {
    const plan = planApproval(await activeRules(tx, organizationId), expense);
    const first = plan.kind === 'levels' ? plan.levels[0] : undefined;
    mayDecideCurrent = plan.kind === 'auto' || (first !== undefined && mayDecideStep(first, actor));
  }
  const people = steps
    .flatMap((step) => [step.approverId, step.decidedBy])
    .filter((id): id is string => !!id);
  const names = await memberNames(tx, organizationId, people);
  const view = steps.map((step) => ({
    level: step.level,
    status: step.status,
    waitingFor: waitingForLabel(step, names),
    approverRole: step.approverRole === ANY_APPROVER ? null : step.approverRole,
    approver: step.approverId ? { id: step.approverId, name: names.get(step.approverId) ?? '' } : null,
    decidedBy: step.decidedBy ? { id: step.decidedBy, name: names.get(step.decidedBy) ?? '' } : null,
    decidedAt: step.decidedAt,
    reason: step.reason,
  }));
  return { steps: view, mayDecideCurrent };
}
