import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/permissions.js';

// Fund custody is a per-fund right: being named custodian of a fund, not a role, lets a person
// spend from it and see it. Managers act on every fund; readers and approvers see every fund.
const MANAGE_ANY: readonly Role[] = ['owner', 'admin'];
const READ_ANY: readonly Role[] = ['owner', 'admin', 'approver', 'accountant', 'auditor'];

const hasAny = (actor: Actor, roles: readonly Role[]) => actor.roles.some((role) => roles.includes(role));

export function canReadAnyFund(actor: Actor): boolean {
  return hasAny(actor, READ_ANY);
}

export function canReadFund(actor: Actor, fund: { custodianId: string }): boolean {
  return canReadAnyFund(actor) || fund.custodianId === actor.membershipId;
}

/** Spend from the fund, import CFDIs into it, count its cash. */
export function canOperateFund(actor: Actor, fund: { custodianId: string }): boolean {
  return hasAny(actor, MANAGE_ANY) || fund.custodianId === actor.membershipId;
}
