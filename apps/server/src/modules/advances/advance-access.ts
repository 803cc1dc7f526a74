import type { Actor } from '../../platform/auth/actor.js';
import { can, type Role } from '../../platform/auth/permissions.js';

// Who sees and handles which advance. Readers and approvers see all; a person sees the advances
// they received and, as custodian, those handed out from their fund. Managers hand out and settle
// any advance, whoever records payments settles too; a custodian acts only on cash of their own fund
// (the funds module checks that when it locks the fund).
const SEE_ALL: readonly Role[] = ['owner', 'admin', 'approver', 'accountant', 'auditor'];

export function canSeeAllAdvances(actor: Actor): boolean {
  return actor.roles.some((role) => SEE_ALL.includes(role));
}

export function canSeeAdvance(
  actor: Actor,
  advance: { employeeId: string; fundId: string | null },
  custodiedFundIds: readonly string[],
): boolean {
  return (
    canSeeAllAdvances(actor) ||
    advance.employeeId === actor.membershipId ||
    (advance.fundId !== null && custodiedFundIds.includes(advance.fundId))
  );
}

/** Hands out any advance (cash from any fund or a transfer); others only cash from a fund they hold. */
export const managesAdvances = (actor: Actor) => can(actor.roles, 'funds.manage');

/** Settles any advance and reimburses any expense; others only with cash of a fund they hold. */
export const recordsPayments = (actor: Actor) =>
  can(actor.roles, 'payments.record') || can(actor.roles, 'funds.manage');
