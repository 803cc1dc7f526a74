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
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('replenishing what a cash advance proved, on %s', (kind) => {
  const t = useTestApp(kind);
  let team: AdvanceTeam;

  beforeAll(async () => {
    team = await advanceTeam(t);
  });

  it('makes the expenses of a settled cash advance vouchers of its fund, replenished like any other', async () => {
    const { owner, custodian, employee, approver } = team;
    const fund = await openFund(owner.client, {
      custodianId: custodian.membershipId,
      authorizedAmount: '5000.00',
    });
    const advance = await handOutCash(owner.client, {
      employeeId: employee.membershipId,
      fundId: fund.id,
      amount: '2000.00',
    });
    const expenseId = await spendAgainst(employee.client, advance.id, '1500.00');
    await approve(approver.client, expenseId);

    // Before the settlement the expense is not yet a voucher of the fund.
    const before = await custodian.client.get(`/api/v1/replenishments/eligible-vouchers?fundId=${fund.id}`);
    expect(JSON.stringify(before.json())).not.toContain(expenseId);

    const settled = await owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
    expect(settled.statusCode).toBe(200);
    expect(await fundBalances(owner.client, fund.id)).toMatchObject({
      cash: '3500.00',
      pendingVouchers: '1500.00',
    });

    const requested = await custodian.client.post('/api/v1/replenishments', { fundId: fund.id });
    expect(requested.statusCode).toBe(201);
    expect(requested.json()).toMatchObject({ total: '1500.00' });
    const id = requested.json().id;
    expect((await approver.client.post(`/api/v1/replenishments/${id}/approve`)).statusCode).toBe(200);
    const paid = await owner.client.post(`/api/v1/replenishments/${id}/pay`, {
      paymentDate: mexicoDay(),
      reference: 'SPEI 123456',
    });
    expect(paid.statusCode).toBe(200);
    expect(await fundBalances(owner.client, fund.id)).toMatchObject({
      cash: '5000.00',
      pendingVouchers: '0.00',
      openAdvances: '0.00',
    });
    expect((await owner.client.get(`/api/v1/expenses/${expenseId}`)).json().status).toBe('replenished');
  });
});
