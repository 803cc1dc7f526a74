import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/permissions.js';
import { expenses } from '../expenses/expenses.schema.js';
import { ANY_APPROVER } from './approval-rules.js';
import { expenseApprovalSteps as steps } from './approvals.schema.js';

/**
 * The condition "this submitted expense waits for the actor's decision", for a query on expenses:
 * its pending step names the actor, one of their roles (the owner counts as admin) or any approver
 * (when their role may approve); never their own expense, nor one whose earlier level they decided.
 * (The same rule as mayDecideStep, as SQL, so the inbox is one indexed query.)
 */
export function awaitingDecisionBy(actor: Actor): SQL {
  const roles: string[] = actor.roles.includes('owner') ? [...actor.roles, 'admin'] : [...actor.roles];
  if (can(actor.roles, 'expenses.approve')) roles.push(ANY_APPROVER);
  const me = actor.membershipId;
  return sql`(${expenses.status} = 'submitted'
    AND ${expenses.spenderId} <> ${me} AND ${expenses.createdBy} <> ${me}
    AND EXISTS (SELECT 1 FROM ${steps} s
      WHERE s.organization_id = ${expenses.organizationId} AND s.expense_id = ${expenses.id}
        AND s.status = 'pending'
        AND (s.approver_id = ${me} OR s.approver_role IN (${sql.join(
          roles.map((role) => sql`${role}`),
          sql`, `,
        )})))
    AND NOT EXISTS (SELECT 1 FROM ${steps} d
      WHERE d.organization_id = ${expenses.organizationId} AND d.expense_id = ${expenses.id}
        AND d.decided_by = ${me}))`;
}
