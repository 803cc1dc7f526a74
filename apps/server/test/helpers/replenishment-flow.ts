import { cashCounts } from '../../src/modules/cash-counts/cash-counts.schema.js';
import { appendMovement, type Fund, lockFund } from '../../src/modules/funds/fund-ledger.js';
import { newId } from '../../src/platform/db/ids.js';
import { money } from '../../src/platform/money.js';
import { withTenant } from '../../src/platform/tenancy.js';
import { addMember, signUpVerifiedOwner } from './accounts-flow.js';
import { membershipIdOf } from './petty-cash-flow.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

let counter = 0;

/** An organization's owner (who approves and pays), a fund custodian and an approver. */
export async function replenishmentTeam(t: TestApp) {
  const owner = await signUpVerifiedOwner(t);
  const custodian = await addMember(t, owner.client, ['custodian']);
  const approver = await addMember(t, owner.client, ['approver']);
  const custodianId = await membershipIdOf(owner.client, custodian.userId);
  return { owner, custodian, approver, custodianId };
}
export type ReplenishmentTeam = Awaited<ReturnType<typeof replenishmentTeam>>;

/** A cash expense of the fund recorded by its custodian, submitted, and approved by someone else. */
export async function approvedCashExpense(
  custodian: TestClient,
  approver: TestClient,
  fundId: string,
  total: string,
  concept = `Gasto ${++counter}`,
): Promise<{ id: string; concept: string; totalMxn: string }> {
  const created = await custodian.post('/api/v1/expenses', {
    fundId,
    date: '2026-11-20',
    concept,
    subtotal: total,
    total,
    paymentMethod: 'fund_cash',
  });
  if (created.statusCode !== 201) throw new Error(`expense failed: ${created.body}`);
  const expense = created.json<{ id: string; concept: string; totalMxn: string }>();
  const submitted = await custodian.post(`/api/v1/expenses/${expense.id}/submit`);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  const approved = await approver.post(`/api/v1/expenses/${expense.id}/approve`);
  if (approved.json().status !== 'approved') throw new Error(`approve failed: ${approved.body}`);
  return expense;
}

/**
 * A cash count of the fund with this difference (negative: shortage), written as the cash-counts
 * module records one: its shortage/overage movement and the count that matches the ledger.
 */
export async function countWithDifference(
  t: TestApp,
  organizationId: string,
  fundId: string,
  custodianId: string,
  difference: string,
): Promise<string> {
  const id = newId();
  await withTenant(t.database.db, { organizationId }, async (tx) => {
    const fund = (await lockFund(tx, organizationId, fundId)) as Fund;
    const expectedCash = fund.cash;
    const d = money(difference);
    const movement = await appendMovement(
      tx,
      { organizationId, membershipId: custodianId },
      fund,
      { kind: d.isNegative() ? 'cash_count_shortage' : 'cash_count_overage', amount: d.abs().toFixed(2) },
      { source: { type: 'cash_count', id } },
    );
    await tx.insert(cashCounts).values({
      organizationId,
      id,
      fundId,
      counts: [],
      countedCash: movement.cashAfter,
      expectedCash,
      difference: d.toFixed(2),
      custodianId,
      recordedBy: custodianId,
      movementId: movement.id,
    });
  });
  return id;
}

export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
