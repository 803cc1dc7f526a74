import { and, eq } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { PermissionDenied } from '../../platform/auth/permissions.js';
import type { Db } from '../../platform/db/database.js';
import { money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { expenses } from '../expenses/expenses.schema.js';
import { type ExpensesService, toExpenseView } from '../expenses/index.js';
import type { FundsService } from '../funds/index.js';
import { memberNames } from '../organizations/index.js';
import { recordsPayments } from './advance-access.js';
import { advanceErrors } from './advances.errors.js';

export interface ReimbursementInput {
  method: 'transfer' | 'fund_cash';
  fundId?: string | null | undefined;
  reference?: string | null | undefined;
}

/**
 * Pays an employee back an approved expense they paid with their own money (not one spent against
 * an advance: that one settles with the advance). By transfer, outside any fund (who records
 * payments); or in cash from a fund, which becomes that fund's pending voucher until replenished
 * (also the fund's custodian). Once only.
 */
export function createEmployeeReimbursements(deps: {
  db: Db;
  now?: () => Date;
  expenses: Pick<ExpensesService, 'lockVisible'>;
  funds: Pick<FundsService, 'lockOperableFund' | 'lockFundForMovement' | 'appendMovement'>;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async reimburse(actor: Actor, expenseId: string, input: ReimbursementInput, origin: RequestOrigin) {
      return withTenant(
        deps.db,
        { organizationId: actor.organizationId, userId: actor.userId },
        async (tx) => {
          const { row } = await deps.expenses.lockVisible(tx, actor, expenseId);
          if (row.reimbursedAt) throw advanceErrors.alreadyReimbursed();
          if (row.paymentMethod !== 'employee') throw advanceErrors.notReimbursable('method');
          if (row.advanceId) throw advanceErrors.notReimbursable('advance');
          if (row.status !== 'approved') throw advanceErrors.notReimbursable('status');
          const reference = input.reference?.trim() || null;
          let fundId: string | null = null;
          if (input.method === 'fund_cash') {
            if (!input.fundId) throw advanceErrors.fundRequired();
            const fund = recordsPayments(actor)
              ? await deps.funds.lockFundForMovement(tx, actor, input.fundId)
              : await deps.funds.lockOperableFund(tx, actor, input.fundId);
            if (money(row.totalMxn).greaterThan(fund.cash))
              throw advanceErrors.insufficientFunds(fund.cash, row.totalMxn, 'reimbursement');
            await deps.funds.appendMovement(
              tx,
              actor,
              fund,
              { kind: 'employee_reimbursed_in_cash', amount: row.totalMxn },
              { source: { type: 'expense', id: row.id }, memo: `Reembolso: ${row.concept}` },
            );
            fundId = fund.id;
          } else {
            if (!recordsPayments(actor)) throw new PermissionDenied('payments.record');
            if (!reference) throw advanceErrors.referenceRequired();
          }
          const at = now();
          const [after] = await tx
            .update(expenses)
            .set({
              reimbursementMethod: input.method,
              reimbursementFundId: fundId,
              reimbursementReference: reference,
              reimbursedAt: at,
              updatedAt: at,
            })
            .where(and(eq(expenses.organizationId, actor.organizationId), eq(expenses.id, row.id)))
            .returning();
          if (!after) throw new Error('reimbursed expense vanished');
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'expense.reimbursed',
            targetType: 'expense',
            targetId: row.id,
            after: { method: input.method, fundId, reference, amount: row.totalMxn },
          });
          return toExpenseView(after, await memberNames(tx, actor.organizationId, [after.spenderId]));
        },
      );
    },
  };
}

export type EmployeeReimbursements = ReturnType<typeof createEmployeeReimbursements>;
