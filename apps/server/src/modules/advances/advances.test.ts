import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
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
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { withTenant } from '../../platform/tenancy.js';

/** I2: cash + pending vouchers + open advances = authorized amount. */
const imprest = (fund: { cash: string; pendingVouchers: string; openAdvances: string }) =>
  (Number(fund.cash) * 100 + Number(fund.pendingVouchers) * 100 + Number(fund.openAdvances) * 100) / 100;

describe.each(testDatabaseKinds())('advances API on %s', (kind) => {
  const t = useTestApp(kind);
  let team: AdvanceTeam;
  const fundOf = (amount = '5000.00') =>
    openFund(team.owner.client, { custodianId: team.custodian.membershipId, authorizedAmount: amount });

  beforeAll(async () => {
    team = await advanceTeam(t);
  });

  it('hands out a cash advance: the cash of the fund becomes an open advance, with a folio and its audit', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '2000.00',
    });
    expect(advance).toMatchObject({
      status: 'open',
      method: 'fund_cash',
      amount: '2000.00',
      fund: { id: fund.id },
    });
    expect(advance.folio).toBeGreaterThan(0);
    expect(await fundBalances(team.owner.client, fund.id)).toMatchObject({
      cash: '3000.00',
      pendingVouchers: '0.00',
      openAdvances: '2000.00',
      authorizedAmount: '5000.00',
    });
    const movements = (await team.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements[0]).toMatchObject({
      kind: 'advance_paid_in_cash',
      sourceType: 'advance',
      sourceId: advance.id,
    });
    const audit = (await team.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    expect(audit.map((r: { action: string }) => r.action)).toContain('advance.handed_out');
    // The custodian hands out from their own fund too; the employee sees their advance.
    await handOutCash(team.custodian.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '10.00',
    });
    const mine = (await team.employee.client.get('/api/v1/advances')).json().data;
    expect(mine.map((a: { id: string }) => a.id)).toContain(advance.id);
    expect((await team.otherEmployee.client.get(`/api/v1/advances/${advance.id}`)).statusCode).toBe(404);
  });

  it('refuses an advance larger than the cash of the fund ("fondos insuficientes") and stores nothing', async () => {
    const fund = await fundOf('1000.00');
    const response = await team.owner.client.post('/api/v1/advances', {
      employeeId: team.employee.membershipId,
      purpose: 'Viaje a Monterrey',
      amount: '1000.01',
      method: 'fund_cash',
      fundId: fund.id,
      dueDate: mexicoDay(3),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(response.json().detail).toMatch(/^Fondos insuficientes: la caja tiene \$1,000\.00/);
    expect(await fundBalances(team.owner.client, fund.id)).toMatchObject({
      cash: '1000.00',
      openAdvances: '0.00',
    });
  });

  it('settles with the unspent cash returned: cash +r, pending +e, advances −x, and mails the employee', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '2000.00',
    });
    const expenseId = await spendAgainst(team.employee.client, advance.id, '1500.00');
    const expense = (await team.employee.client.get(`/api/v1/expenses/${expenseId}`)).json();
    expect(expense).toMatchObject({ advanceId: advance.id, fundId: fund.id, paymentMethod: 'employee' });
    await approve(team.approver.client, expenseId);
    const before = (await team.owner.client.get(`/api/v1/advances/${advance.id}`)).json();
    expect(before.preview).toEqual({ expenses: '1500.00', toReturn: '500.00', toPay: '0.00' });

    const settled = await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(settled.statusCode).toBe(200);
    expect(settled.json()).toMatchObject({
      status: 'settled',
      settlement: { expenses: '1500.00', difference: '500.00', method: 'fund_cash' },
    });
    const balances = await fundBalances(team.owner.client, fund.id);
    expect(balances).toMatchObject({ cash: '3500.00', pendingVouchers: '1500.00', openAdvances: '0.00' });
    expect(imprest(balances)).toBe(5000);
    const mail = t.mailer.sent.findLast((m) => m.to === team.employee.email && m.subject.includes('liquidó'));
    expect(mail?.text).toContain('Devolviste $500.00 en efectivo');
    const again = await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(again.json().code).toBe('ADVANCE_NOT_OPEN');
  });

  it('settles an excess from the cash of the fund, and refuses an excess the box cannot pay', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '1000.00',
    });
    await approve(team.approver.client, await spendAgainst(team.employee.client, advance.id, '1200.00'));
    const settled = (await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {})).json();
    expect(settled.settlement).toMatchObject({ expenses: '1200.00', difference: '-200.00' });
    const balances = await fundBalances(team.owner.client, fund.id);
    expect(balances).toMatchObject({ cash: '3800.00', pendingVouchers: '1200.00', openAdvances: '0.00' });
    expect(imprest(balances)).toBe(5000);

    const small = await fundOf('1000.00');
    const all = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: small.id,
      amount: '1000.00',
    });
    await approve(team.approver.client, await spendAgainst(team.employee.client, all.id, '1100.00'));
    const refused = await team.owner.client.post(`/api/v1/advances/${all.id}/settle`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^Fondos insuficientes: hay que reembolsar al empleado \$100\.00/);
    expect((await team.owner.client.get(`/api/v1/advances/${all.id}`)).json().status).toBe('open');
  });

  it('an advance with no expenses settles with everything returned', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.custodian.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '700.00',
    });
    const settled = await team.custodian.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(settled.json().settlement).toMatchObject({ expenses: '0.00', difference: '700.00' });
    expect(await fundBalances(team.owner.client, fund.id)).toMatchObject({
      cash: '5000.00',
      pendingVouchers: '0.00',
    });
  });

  it('a transfer advance settles without touching any fund; the difference needs its reference', async () => {
    const fund = await fundOf();
    const created = await team.owner.client.post('/api/v1/advances', {
      employeeId: team.employee.membershipId,
      purpose: 'Congreso en Guadalajara',
      amount: '3000.00',
      method: 'transfer',
      transferReference: 'SPEI 8842211',
      dueDate: mexicoDay(10),
    });
    expect(created.statusCode).toBe(201);
    const advance = created.json();
    expect(advance).toMatchObject({ method: 'transfer', fund: null, transferReference: 'SPEI 8842211' });
    const expenseId = await spendAgainst(team.employee.client, advance.id, '2600.00');
    expect((await team.employee.client.get(`/api/v1/expenses/${expenseId}`)).json().fundId).toBeNull();
    await approve(team.approver.client, expenseId);
    const noReference = await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(noReference.json().code).toBe('TRANSFER_REFERENCE_REQUIRED');
    const settled = await team.accountant.client.post(`/api/v1/advances/${advance.id}/settle`, {
      reference: 'SPEI 991',
    });
    expect(settled.json().settlement).toMatchObject({
      method: 'transfer',
      difference: '400.00',
      reference: 'SPEI 991',
      movementId: null,
    });
    const movements = (await team.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements.map((m: { kind: string }) => m.kind)).toEqual(['fund_opened']);
    // A transfer is for managers: a custodian may only hand out cash of their fund.
    const byCustodian = await team.custodian.client.post('/api/v1/advances', {
      ...advanceBody(team),
      method: 'transfer',
      transferReference: 'x',
    });
    expect(byCustodian.statusCode).toBe(403);
  });

  it('only the person who received the advance records expenses against it, paid with its money', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '500.00',
    });
    const other = await team.otherEmployee.client.post(
      '/api/v1/expenses',
      expenseBody(advance.id, 'employee'),
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('ADVANCE_OTHER_EMPLOYEE');
    const cash = await team.employee.client.post(
      '/api/v1/expenses',
      expenseBody(advance.id, 'fund_cash', fund.id),
    );
    expect(cash.json().code).toBe('ADVANCE_EXPENSE_PAYMENT_METHOD');
    // A draft of another person cannot be moved onto it either.
    const draft = (
      await team.otherEmployee.client.post('/api/v1/expenses', expenseBody(null, 'employee'))
    ).json();
    const patched = await team.owner.client.patch(`/api/v1/expenses/${draft.id}`, { advanceId: advance.id });
    expect(patched.json().code).toBe('ADVANCE_OTHER_EMPLOYEE');
  });

  it('refuses to settle while expenses wait, saying how many', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '900.00',
    });
    await spendAgainst(team.employee.client, advance.id, '100.00', { submit: false });
    await spendAgainst(team.employee.client, advance.id, '200.00');
    await spendAgainst(team.employee.client, advance.id, '300.00');
    const refused = await team.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ADVANCE_EXPENSES_PENDING');
    expect(refused.json().detail).toContain('1 gasto en borrador');
    expect(refused.json().detail).toContain('2 gastos por aprobar');
    const detail = (await team.owner.client.get(`/api/v1/advances/${advance.id}`)).json();
    expect(detail.totals).toMatchObject({
      pendingDecision: '600.00',
      remaining: '300.00',
      waiting: { draft: 1, submitted: 2 },
    });
  });

  it('the database refuses a cash advance without its ledger movement and a settlement that skips expenses', async () => {
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '300.00',
    });
    await spendAgainst(team.employee.client, advance.id, '100.00');
    const asApp = (statement: ReturnType<typeof sql>) =>
      withTenant(t.database.db, { organizationId: team.owner.organizationId }, (tx) => tx.execute(statement));
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error) => pgConstraint(error),
      );
    expect(
      await refusal(
        asApp(sql`INSERT INTO advances (organization_id, id, folio, employee_id, purpose, amount, method, fund_id, due_date, handed_out_by)
                  VALUES (${team.owner.organizationId}, gen_random_uuid(), 9999, ${team.employee.membershipId}, 'x', 10, 'fund_cash',
                          ${fund.id}, current_date, ${team.employee.membershipId})`),
      ),
    ).toBe('advances_cash_movement');
    expect(
      await refusal(
        asApp(sql`UPDATE advances SET status = 'settled', settled_expenses = 0, settled_difference = 300,
                    settlement_method = 'fund_cash', settled_at = now() WHERE id = ${advance.id}`),
      ),
    ).toBe('advances_settled_decided');
  });

  it("another organization's advance is not found", async () => {
    const stranger = await signUpVerifiedOwner(t);
    const fund = await fundOf();
    const advance = await handOutCash(team.owner.client, {
      employeeId: team.employee.membershipId,
      fundId: fund.id,
      amount: '50.00',
    });
    expect((await stranger.client.get(`/api/v1/advances/${advance.id}`)).statusCode).toBe(404);
    expect((await stranger.client.post(`/api/v1/advances/${advance.id}/settle`, {})).statusCode).toBe(404);
  });
});

function advanceBody(team: AdvanceTeam) {
  return {
    employeeId: team.employee.membershipId,
    purpose: 'Viaje',
    amount: '100.00',
    dueDate: mexicoDay(5),
  };
}

function expenseBody(advanceId: string | null, paymentMethod: string, fundId?: string) {
  return {
    date: mexicoDay(),
    concept: 'Taxi',
    subtotal: '120.00',
    total: '120.00',
    paymentMethod,
    ...(advanceId ? { advanceId } : {}),
    ...(fundId ? { fundId } : {}),
  };
}
