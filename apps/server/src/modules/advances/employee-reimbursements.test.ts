import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvanceTeam,
  advanceTeam,
  approve,
  fundBalances,
  handOutCash,
  mexicoDay,
  openFund,
  spendAgainst,
} from '../../../test/helpers/advance-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { withTenant } from '../../platform/tenancy.js';

/** An approved expense the employee paid with their own money; returns its id. */
async function approvedOwnMoneyExpense(
  team: AdvanceTeam,
  spender: TestClient,
  total: string,
  fundId?: string,
) {
  const created = await spender.post('/api/v1/expenses', {
    date: mexicoDay(),
    concept: 'Papelería urgente',
    subtotal: total,
    total,
    paymentMethod: 'employee',
    ...(fundId ? { fundId } : {}),
  });
  const id = created.json<{ id: string }>().id;
  await spender.post(`/api/v1/expenses/${id}/submit`);
  await approve(team.approver.client, id);
  return id;
}

describe.each(testDatabaseKinds())('reimbursing employee-paid expenses on %s', (kind) => {
  const t = useTestApp(kind);
  let team: AdvanceTeam;

  beforeAll(async () => {
    team = await advanceTeam(t);
  });

  it('in cash from a fund: the fund pays it as a pending voucher, and never twice', async () => {
    const fund = await openFund(team.owner.client, { custodianId: team.custodian.membershipId });
    const id = await approvedOwnMoneyExpense(team, team.employee.client, '300.00', fund.id);
    const paid = await team.custodian.client.post(`/api/v1/expenses/${id}/reimburse`, {
      method: 'fund_cash',
      fundId: fund.id,
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().reimbursement).toMatchObject({ method: 'fund_cash', fundId: fund.id });
    expect(await fundBalances(team.owner.client, fund.id)).toMatchObject({
      cash: '4700.00',
      pendingVouchers: '300.00',
      authorizedAmount: '5000.00',
    });
    const movements = (await team.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements[0]).toMatchObject({
      kind: 'employee_reimbursed_in_cash',
      sourceType: 'expense',
      sourceId: id,
    });

    const twice = await team.owner.client.post(`/api/v1/expenses/${id}/reimburse`, {
      method: 'fund_cash',
      fundId: fund.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('EXPENSE_ALREADY_REIMBURSED');
    expect((await fundBalances(team.owner.client, fund.id)).cash).toBe('4700.00');
    // Nor by writing the row: the database keeps the first reimbursement.
    const rewrite = withTenant(t.database.db, { organizationId: team.owner.organizationId }, (tx) =>
      tx.execute(
        sql`UPDATE expenses SET reimbursement_method = 'transfer', reimbursement_fund_id = NULL WHERE id = ${id}`,
      ),
    );
    expect(await rewrite.then(() => null, pgConstraint)).toBe('expenses_reimbursed_once');
  });

  it('by transfer: whoever records payments, with its reference, outside any fund', async () => {
    const id = await approvedOwnMoneyExpense(team, team.employee.client, '450.00');
    const byEmployee = await team.employee.client.post(`/api/v1/expenses/${id}/reimburse`, {
      method: 'transfer',
      reference: 'SPEI 1',
    });
    expect(byEmployee.statusCode).toBe(403);
    const noReference = await team.accountant.client.post(`/api/v1/expenses/${id}/reimburse`, {
      method: 'transfer',
    });
    expect(noReference.json().code).toBe('TRANSFER_REFERENCE_REQUIRED');
    const paid = await team.accountant.client.post(`/api/v1/expenses/${id}/reimburse`, {
      method: 'transfer',
      reference: 'SPEI 7781',
    });
    expect(paid.json().reimbursement).toMatchObject({
      method: 'transfer',
      fundId: null,
      reference: 'SPEI 7781',
    });
    const audit = (await team.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    expect(audit.map((r: { action: string }) => r.action)).toContain('expense.reimbursed');
  });

  it('refuses what is not an approved employee-paid expense outside an advance, and cash the box lacks', async () => {
    const fund = await openFund(team.owner.client, {
      custodianId: team.custodian.membershipId,
      authorizedAmount: '100.00',
    });
    const draft = (
      await team.employee.client.post('/api/v1/expenses', {
        date: mexicoDay(),
        concept: 'Taxi',
        subtotal: '80.00',
        total: '80.00',
        paymentMethod: 'employee',
      })
    ).json();
    const notApproved = await team.owner.client.post(`/api/v1/expenses/${draft.id}/reimburse`, {
      method: 'transfer',
      reference: 'x',
    });
    expect(notApproved.json().code).toBe('EXPENSE_NOT_REIMBURSABLE');

    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '50.00',
    });
    const againstAdvance = await spendAgainst(team.employee.client, advance.id, '40.00');
    await approve(team.approver.client, againstAdvance);
    const refused = await team.owner.client.post(`/api/v1/expenses/${againstAdvance}/reimburse`, {
      method: 'transfer',
      reference: 'x',
    });
    expect(refused.json().detail).toContain('anticipo');

    const big = await approvedOwnMoneyExpense(team, team.employee.client, '500.00', fund.id);
    const tooBig = await team.owner.client.post(`/api/v1/expenses/${big}/reimburse`, {
      method: 'fund_cash',
      fundId: fund.id,
    });
    expect(tooBig.statusCode).toBe(409);
    expect(tooBig.json().detail).toMatch(/^Fondos insuficientes/);
  });
});
