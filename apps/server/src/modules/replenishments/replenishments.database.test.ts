import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { openFund } from '../../../test/helpers/petty-cash-flow.js';
import {
  approvedCashExpense,
  type ReplenishmentTeam,
  replenishmentTeam,
} from '../../../test/helpers/replenishment-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import type { Tx } from '../../platform/db/database.js';
import { pgConstraint, pgErrorCode } from '../../platform/db/pg-errors.js';
import { withTenant } from '../../platform/tenancy.js';
import { fundMovements } from '../funds/funds.schema.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

// I4 holds whatever code writes the rows: these tests write them directly, as the app role.
describe.each(testDatabaseKinds())('I4 enforced by the database on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: ReplenishmentTeam['owner'];
  let custodian: ReplenishmentTeam['custodian'];
  let approver: ReplenishmentTeam['approver'];
  let custodianId: string;
  let folio = 1000;

  beforeAll(async () => {
    ({ owner, custodian, approver, custodianId } = await replenishmentTeam(t));
  });

  const spend = (fundId: string, total: string) =>
    approvedCashExpense(custodian.client, owner.client, fundId, total);
  const directly = (write: (tx: Tx) => Promise<unknown>) =>
    withTenant(t.database.db, { organizationId: owner.organizationId }, write);
  /** The constraint named by the error the write ends with (at commit for deferred ones). */
  const refusal = async (write: (tx: Tx) => Promise<unknown>) => {
    try {
      await directly(write);
    } catch (error) {
      return pgConstraint(error) ?? pgErrorCode(error) ?? String(error);
    }
    throw new Error('the database accepted the write');
  };
  async function insertReplenishment(tx: Tx, fundId: string, total: string) {
    const [row] = await tx
      .insert(replenishments)
      .values({
        organizationId: owner.organizationId,
        folio: ++folio,
        fundId,
        total,
        requestedBy: custodianId,
      })
      .returning();
    return row as typeof replenishments.$inferSelect;
  }
  const expenseItem = (replenishmentId: string, expenseId: string, amount: string) => ({
    organizationId: owner.organizationId,
    replenishmentId,
    sourceType: 'expense' as const,
    expenseId,
    amount,
  });

  it('refuses the same voucher in a second active replenishment', async () => {
    const fund = await openFund(owner.client, { custodianId });
    const expense = await spend(fund.id, '75.00');
    const first = await custodian.client.post('/api/v1/replenishments', { fundId: fund.id });
    expect(first.statusCode).toBe(201);
    const constraint = await refusal(async (tx) => {
      const second = await insertReplenishment(tx, fund.id, '75.00');
      await tx.insert(replenishmentItems).values(expenseItem(second.id, expense.id, '75.00'));
    });
    expect(constraint).toBe('replenishment_items_expense_once');
  });

  it('refuses, at commit, a replenishment whose total is not the sum of its active vouchers', async () => {
    const fund = await openFund(owner.client, { custodianId });
    const expense = await spend(fund.id, '50.00');
    const constraint = await refusal(async (tx) => {
      const row = await insertReplenishment(tx, fund.id, '100.00');
      await tx.insert(replenishmentItems).values(expenseItem(row.id, expense.id, '50.00'));
    });
    expect(constraint).toBe('replenishments_total_equals_items');
    const created = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    const item = created.items[0];
    const unbalanced = await refusal((tx) =>
      tx
        .update(replenishmentItems)
        .set({ active: false })
        .where(
          and(
            eq(replenishmentItems.organizationId, owner.organizationId),
            eq(replenishmentItems.id, item.id),
          ),
        ),
    );
    expect(unbalanced).toBe('replenishments_total_equals_items');
  });

  it('refuses a voucher of another fund, one not approved, and a wrong amount', async () => {
    const fund = await openFund(owner.client, { custodianId });
    const other = await openFund(owner.client, { custodianId });
    const foreign = await spend(other.id, '40.00');
    const ofOtherFund = await refusal(async (tx) => {
      const row = await insertReplenishment(tx, fund.id, '40.00');
      await tx.insert(replenishmentItems).values(expenseItem(row.id, foreign.id, '40.00'));
    });
    expect(ofOtherFund).toBe('replenishment_items_same_fund');
    const draft = (
      await custodian.client.post('/api/v1/expenses', {
        fundId: fund.id,
        date: '2026-11-20',
        concept: 'Borrador',
        subtotal: '10.00',
        total: '10.00',
        paymentMethod: 'fund_cash',
      })
    ).json();
    const notApproved = await refusal(async (tx) => {
      const row = await insertReplenishment(tx, fund.id, '10.00');
      await tx.insert(replenishmentItems).values(expenseItem(row.id, draft.id, '10.00'));
    });
    expect(notApproved).toBe('replenishment_items_approved_only');
    const mine = await spend(fund.id, '25.00');
    const wrongAmount = await refusal(async (tx) => {
      const row = await insertReplenishment(tx, fund.id, '20.00');
      await tx.insert(replenishmentItems).values(expenseItem(row.id, mine.id, '20.00'));
    });
    expect(wrongAmount).toBe('replenishment_items_amount');
  });

  it('refuses approval by the requester and "paid" without its replenishment_paid movement', async () => {
    const fund = await openFund(owner.client, { custodianId });
    await spend(fund.id, '60.00');
    const request = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    const where = and(
      eq(replenishments.organizationId, owner.organizationId),
      eq(replenishments.id, request.id),
    );
    const selfApproved = await refusal((tx) =>
      tx
        .update(replenishments)
        .set({ status: 'approved', approvedBy: custodianId, approvedAt: new Date() })
        .where(where),
    );
    expect(selfApproved).toBe('replenishments_second_person');
    expect((await approver.client.post(`/api/v1/replenishments/${request.id}/approve`)).statusCode).toBe(200);
    const withoutMovement = await refusal(async (tx) => {
      const [opening] = await tx
        .select()
        .from(fundMovements)
        .where(and(eq(fundMovements.organizationId, owner.organizationId), eq(fundMovements.fundId, fund.id)))
        .limit(1);
      await tx
        .update(replenishments)
        .set({ status: 'paid', paidAt: new Date(), paymentDate: '2026-11-28', movementId: opening?.id })
        .where(where);
    });
    expect(withoutMovement).toBe('replenishments_paid_movement');
    const backwards = await refusal((tx) =>
      tx.update(replenishments).set({ status: 'requested' }).where(where),
    );
    expect(backwards).toBe('replenishments_transition');
  });
});
