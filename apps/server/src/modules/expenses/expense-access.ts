import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/permissions.js';

// Who sees and touches which expense. Readers and approvers see all; a person sees their own and,
// as custodian, those of their funds; admins and the fund's custodian may act on a draft too.
const SEE_ALL: readonly Role[] = ['owner', 'admin', 'approver', 'accountant', 'auditor'];
const ACT_ON_ANY: readonly Role[] = ['owner', 'admin'];

export function canSeeAllExpenses(actor: Actor): boolean {
  return actor.roles.some((role) => SEE_ALL.includes(role));
}

export function canSeeExpense(
  actor: Actor,
  expense: { spenderId: string; createdBy: string; fundId: string | null },
  custodiedFundIds: readonly string[],
): boolean {
  return (
    canSeeAllExpenses(actor) ||
    expense.spenderId === actor.membershipId ||
    expense.createdBy === actor.membershipId ||
    (expense.fundId !== null && custodiedFundIds.includes(expense.fundId))
  );
}

export function canChangeExpense(
  actor: Actor,
  expense: { spenderId: string; createdBy: string; fundId: string | null },
  custodiedFundIds: readonly string[],
): boolean {
  return (
    actor.roles.some((role) => ACT_ON_ANY.includes(role)) ||
    expense.spenderId === actor.membershipId ||
    expense.createdBy === actor.membershipId ||
    (expense.fundId !== null && custodiedFundIds.includes(expense.fundId))
  );
}

/** Nobody approves or rejects their own expense. */
export function isOwnExpense(actor: Actor, expense: { spenderId: string; createdBy: string }): boolean {
  return expense.spenderId === actor.membershipId || expense.createdBy === actor.membershipId;
}
