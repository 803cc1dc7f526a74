import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { openFund } from '../../../test/helpers/petty-cash-flow.js';
import {
  approvedCashExpense,
  countWithDifference,
  type ReplenishmentTeam,
  replenishmentTeam,
  today,
} from '../../../test/helpers/replenishment-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('replenishments API on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: ReplenishmentTeam['owner'];
  let custodian: ReplenishmentTeam['custodian'];
  let approver: ReplenishmentTeam['approver'];
  let custodianId: string;

  beforeAll(async () => {
    ({ owner, custodian, approver, custodianId } = await replenishmentTeam(t));
  });

  const fundOf = async (id: string) => (await owner.client.get(`/api/v1/funds/${id}`)).json();
  const spend = (fundId: string, total: string, concept?: string) =>
    approvedCashExpense(custodian.client, owner.client, fundId, total, concept);

  it('runs the whole cycle: request, approve, pay; the fund is whole again and its expenses replenished', async () => {
    const fund = await openFund(owner.client, { custodianId, authorizedAmount: '2000.00' });
    const a = await spend(fund.id, '300.00', 'Garrafones de agua');
    const b = await spend(fund.id, '450.50', 'Papelería');
    const shortage = await countWithDifference(t, owner.organizationId, fund.id, custodianId, '-20.00');
    expect(await fundOf(fund.id)).toMatchObject({ cash: '1229.50', pendingVouchers: '770.50' });

    const requested = await custodian.client.post('/api/v1/replenishments', { fundId: fund.id });
    expect(requested.statusCode).toBe(201);
    const replenishment = requested.json();
    expect(replenishment).toMatchObject({
      status: 'requested',
      total: '770.50',
      automatic: false,
      itemCount: 3,
      fund: { id: fund.id, name: fund.name },
      requestedBy: { id: custodianId },
    });
    expect(replenishment.items.map((item: { voucher: { id: string } }) => item.voucher.id).sort()).toEqual(
      [a.id, b.id, shortage].sort(),
    );
    const water = replenishment.items.find((item: { voucher: { id: string } }) => item.voucher.id === a.id);
    expect(water.voucher.expense).toMatchObject({ concept: 'Garrafones de agua', totalMxn: '300.00' });

    // The approvals inbox lists what waits for approval: the requested ones, approvers see every fund's.
    const awaiting = async () =>
      (await approver.client.get('/api/v1/replenishments?status=requested&limit=200'))
        .json()
        .data.map((r: { id: string; status: string }) => [r.id, r.status]);
    expect(await awaiting()).toContainEqual([replenishment.id, 'requested']);
    expect(
      (await custodian.client.post(`/api/v1/replenishments/${replenishment.id}/approve`)).statusCode,
    ).toBe(403);
    const approved = await approver.client.post(`/api/v1/replenishments/${replenishment.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(await awaiting()).not.toContainEqual([replenishment.id, 'requested']);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { name: 'Miembro de Prueba' } });
    expect(approved.json().satCheckedAt).not.toBeNull();

    const paid = await owner.client.post(`/api/v1/replenishments/${replenishment.id}/pay`, {
      paymentDate: today(),
      reference: 'SPEI 0123456789',
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      paymentReference: 'SPEI 0123456789',
      paymentDate: today(),
    });
    expect(await fundOf(fund.id)).toMatchObject({
      cash: '2000.00',
      pendingVouchers: '0.00',
      authorizedAmount: '2000.00',
    });
    for (const expense of [a, b]) {
      expect((await owner.client.get(`/api/v1/expenses/${expense.id}`)).json().status).toBe('replenished');
    }
    const [movement] = (await owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movement).toMatchObject({
      kind: 'replenishment_paid',
      amount: '770.50',
      cashDelta: '770.50',
      pendingDelta: '-770.50',
      sourceType: 'replenishment',
      sourceId: replenishment.id,
      id: paid.json().movementId,
    });
    const again = await owner.client.post(`/api/v1/replenishments/${replenishment.id}/pay`, {
      paymentDate: today(),
      reference: 'otra vez',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('pagada');
    const listed = (await owner.client.get(`/api/v1/replenishments?fundId=${fund.id}&status=paid`)).json();
    expect(listed.data.map((r: { id: string }) => r.id)).toEqual([replenishment.id]);
  });

  it('refuses a voucher of another fund, one not approved, one already requested, and an empty request', async () => {
    const fund = await openFund(owner.client, { custodianId });
    const other = await openFund(owner.client, { custodianId });
    const foreign = await spend(other.id, '100.00', 'Taxi de la otra caja');
    const ofOtherFund = await custodian.client.post('/api/v1/replenishments', {
      fundId: fund.id,
      expenseIds: [foreign.id],
    });
    expect(ofOtherFund.statusCode).toBe(400);
    expect(ofOtherFund.json()).toMatchObject({
      code: 'VOUCHER_OF_ANOTHER_FUND',
      errors: [{ path: 'expenseIds.0' }],
    });
    expect(ofOtherFund.json().detail).toContain('Taxi de la otra caja');

    const draft = (
      await custodian.client.post('/api/v1/expenses', {
        fundId: fund.id,
        date: '2026-11-20',
        concept: 'Borrador sin enviar',
        subtotal: '50.00',
        total: '50.00',
        paymentMethod: 'fund_cash',
      })
    ).json();
    const notApproved = await custodian.client.post('/api/v1/replenishments', {
      fundId: fund.id,
      expenseIds: [draft.id],
    });
    expect(notApproved.statusCode).toBe(409);
    expect(notApproved.json().code).toBe('VOUCHER_NOT_APPROVED');
    expect(notApproved.json().detail).toContain('Borrador sin enviar');

    expect((await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json().code).toBe(
      'REPLENISHMENT_EMPTY',
    );
    const mine = await spend(fund.id, '80.00', 'Café');
    const first = await custodian.client.post('/api/v1/replenishments', {
      fundId: fund.id,
      expenseIds: [mine.id],
    });
    expect(first.statusCode).toBe(201);
    const twice = await custodian.client.post('/api/v1/replenishments', {
      fundId: fund.id,
      expenseIds: [mine.id],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('VOUCHER_ALREADY_IN_REPLENISHMENT');
    expect(twice.json().detail).toContain(`reposición ${first.json().folio}`);
  });

  it('refuses approval by the requester; excludes a voucher (total follows); a canceled one frees its vouchers', async () => {
    const fund = await openFund(owner.client, { custodianId });
    const ownerRequests = await Promise.all([spend(fund.id, '120.00'), spend(fund.id, '30.00')]);
    const request = (await owner.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    expect(request.total).toBe('150.00');
    const own = await owner.client.post(`/api/v1/replenishments/${request.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SECOND_APPROVER_REQUIRED');

    const small = request.items.find(
      (item: { voucher: { id: string } }) => item.voucher.id === ownerRequests[1]?.id,
    );
    const excluded = await custodian.client.post(
      `/api/v1/replenishments/${request.id}/items/${small.id}/exclude`,
      {
        reason: 'Ticket ilegible',
      },
    );
    expect(excluded.statusCode).toBe(200);
    expect(excluded.json()).toMatchObject({ total: '120.00', itemCount: 1 });
    const last = excluded.json().items.find((item: { active: boolean }) => item.active);
    const lastOne = await custodian.client.post(
      `/api/v1/replenishments/${request.id}/items/${last.id}/exclude`,
      {
        reason: 'x',
      },
    );
    expect(lastOne.json().code).toBe('REPLENISHMENT_LAST_ITEM');

    const canceled = await custodian.client.post(`/api/v1/replenishments/${request.id}/cancel`, {
      reason: 'Se pidió por error',
    });
    expect(canceled.json()).toMatchObject({
      status: 'canceled',
      cancelReason: 'Se pidió por error',
      itemCount: 0,
    });
    const eligible = (
      await custodian.client.get(`/api/v1/replenishments/eligible-vouchers?fundId=${fund.id}`)
    ).json();
    expect(eligible).toMatchObject({ defaultTotal: '150.00' });
    const again = await custodian.client.post('/api/v1/replenishments', { fundId: fund.id });
    expect(again.json()).toMatchObject({ total: '150.00', folio: request.folio + 1 });
  });

  it('lets exactly one of two concurrent payments through', async () => {
    const fund = await openFund(owner.client, { custodianId, authorizedAmount: '1000.00' });
    await spend(fund.id, '400.00');
    const request = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    await approver.client.post(`/api/v1/replenishments/${request.id}/approve`);
    await owner.client.fetchCsrf();
    const payments = await Promise.all(
      ['SPEI A', 'SPEI B'].map((reference) =>
        owner.client.post(`/api/v1/replenishments/${request.id}/pay`, { paymentDate: today(), reference }),
      ),
    );
    expect(payments.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(await fundOf(fund.id)).toMatchObject({ cash: '1000.00', pendingVouchers: '0.00' });
  });

  it('files two concurrent requests of one fund as one replenishment; the other finds nothing left', async () => {
    const fund = await openFund(owner.client, { custodianId });
    await spend(fund.id, '90.00');
    await custodian.client.fetchCsrf();
    const requests = await Promise.all(
      [0, 1].map(() => custodian.client.post('/api/v1/replenishments', { fundId: fund.id })),
    );
    expect(requests.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(requests.find((response) => response.statusCode === 409)?.json().code).toBe('REPLENISHMENT_EMPTY');
  });

  it('hides another custodian’s replenishments and another organization’s ids', async () => {
    const fund = await openFund(owner.client, { custodianId });
    await spend(fund.id, '10.00');
    const request = (await custodian.client.post('/api/v1/replenishments', { fundId: fund.id })).json();
    const outsider = await signUpVerifiedOwner(t);
    expect((await outsider.client.get(`/api/v1/replenishments/${request.id}`)).statusCode).toBe(404);
    const otherCustodian = await addMember(t, owner.client, ['custodian']);
    expect((await otherCustodian.client.get(`/api/v1/replenishments/${request.id}`)).statusCode).toBe(404);
    expect((await otherCustodian.client.get('/api/v1/replenishments')).json().data).toEqual([]);
  });
});
