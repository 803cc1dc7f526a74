import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { withTenant } from '../../platform/tenancy.js';

describe.each(testDatabaseKinds())('fund changes needing a second manager on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let admin: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;

  beforeAll(async () => {
    admin = await addMember(t, t.owner.client, ['admin']);
    const custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
    const policy = await t.owner.client.post('/api/v1/policies', {
      kind: 'fund_changes',
      secondApprovalAbove: '10000.00',
    });
    expect(policy.statusCode).toBe(201);
    expect(policy.json()).toMatchObject({ kind: 'fund_changes', secondApprovalAbove: '10000.00' });
  });

  const fundOf = async (id: string) => (await t.owner.client.get(`/api/v1/funds/${id}`)).json();

  it('records changes up to the threshold at once, and files larger ones for a second manager', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '5000.00' });
    const small = await t.owner.client.post(`/api/v1/funds/${fund.id}/increase`, { amount: '10000.00' });
    expect(small.statusCode).toBe(200);
    expect(small.json()).toMatchObject({ authorizedAmount: '15000.00' });

    const mailsBefore = t.mailer.sent.length;
    const large = await t.owner.client.post(`/api/v1/funds/${fund.id}/increase`, {
      amount: '10000.01',
      memo: 'temporada alta',
    });
    expect(large.statusCode).toBe(202);
    expect(large.json()).toMatchObject({
      kind: 'increase',
      amount: '10000.01',
      status: 'pending',
      memo: 'temporada alta',
      decidedBy: null,
    });
    // Nothing moved yet, and the other manager was asked by email (not the requester).
    expect(await fundOf(fund.id)).toMatchObject({ authorizedAmount: '15000.00', cash: '15000.00' });
    const asked = t.mailer.sent.slice(mailsBefore);
    expect(asked.map((mail) => mail.to)).toEqual([admin.email]);
    expect(asked[0]?.text).toContain('$10,000.01');

    const second = await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '12000.00' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('FUND_CHANGE_ALREADY_PENDING');

    const pending = await admin.client.get(`/api/v1/fund-change-requests?fundId=${fund.id}&status=pending`);
    expect(pending.json().data.map((r: { id: string }) => r.id)).toEqual([large.json().id]);
  });

  it('refuses the requester’s own approval and applies the change when another manager approves', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '20000.00' });
    const requested = (
      await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '15000.00' })
    ).json();
    const own = await t.owner.client.post(`/api/v1/fund-change-requests/${requested.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SECOND_APPROVER_REQUIRED');

    const approved = await admin.client.post(`/api/v1/fund-change-requests/${requested.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      request: { status: 'approved', decidedBy: { name: 'Miembro de Prueba' } },
      fund: { authorizedAmount: '5000.00', cash: '5000.00' },
    });
    const movements = (await t.owner.client.get(`/api/v1/funds/${fund.id}/movements`)).json().data;
    expect(movements[0]).toMatchObject({ kind: 'fund_decreased', amount: '15000.00' });
    expect(approved.json().request.movementId).toBe(movements[0].id);

    const again = await admin.client.post(`/api/v1/fund-change-requests/${requested.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FUND_CHANGE_ALREADY_DECIDED');
    const audit = (await t.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    const actions = audit.map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['fund.change_requested', 'fund.change_approved', 'fund.decreased']),
    );
  });

  it('judges an approval against the balances of the moment it is approved', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '20000.00' });
    const requested = (
      await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '15000.00' })
    ).json();
    // Meanwhile the custodian spends: only $9,000 cash is left.
    const spent = await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '6000.00' });
    expect(spent.statusCode).toBe(200);
    await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '5000.00' });
    const approved = await admin.client.post(`/api/v1/fund-change-requests/${requested.id}/approve`);
    expect(approved.statusCode).toBe(409);
    expect(approved.json().code).toBe('DECREASE_EXCEEDS_CASH');
    const still = (await t.owner.client.get(`/api/v1/fund-change-requests?fundId=${fund.id}`)).json().data;
    expect(still[0]).toMatchObject({ status: 'pending' });
  });

  it('a close above the threshold waits too; another manager rejects with a reason, the requester may cancel', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '12000.00' });
    const close = await t.owner.client.post(`/api/v1/funds/${fund.id}/close`, { memo: 'cierre' });
    expect(close.statusCode).toBe(202);
    expect(close.json()).toMatchObject({ kind: 'close', amount: '12000.00' });

    const noReason = await admin.client.post(`/api/v1/fund-change-requests/${close.json().id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await admin.client.post(`/api/v1/fund-change-requests/${close.json().id}/reject`, {
      reason: 'aún hay operación en la sucursal',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'aún hay operación en la sucursal',
    });
    expect(await fundOf(fund.id)).toMatchObject({ status: 'open', cash: '12000.00' });

    const retry = (await t.owner.client.post(`/api/v1/funds/${fund.id}/close`, {})).json();
    const canceled = await t.owner.client.post(`/api/v1/fund-change-requests/${retry.id}/reject`, {});
    expect(canceled.json()).toMatchObject({ status: 'canceled' });
  });

  it('the database itself refuses a decision by the requester and re-deciding a request', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '30000.00' });
    const requested = (
      await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '20000.00' })
    ).json();
    const ownerMembership = await membershipIdOf(t.owner.client, t.owner.userId);
    const scope = { organizationId: t.owner.organizationId, userId: t.owner.userId };
    await expect(
      withTenant(t.database.db, scope, (tx) =>
        tx.execute(
          sql`UPDATE fund_change_requests SET status = 'rejected', decided_by = ${ownerMembership}, decided_at = now() WHERE id = ${requested.id}`,
        ),
      ),
    ).rejects.toThrow();
    await admin.client.post(`/api/v1/fund-change-requests/${requested.id}/reject`, { reason: 'no' });
    await expect(
      withTenant(t.database.db, scope, (tx) =>
        tx.execute(sql`UPDATE fund_change_requests SET status = 'pending' WHERE id = ${requested.id}`),
      ),
    ).rejects.toThrow();
  });

  it('exactly one of two concurrent approvals wins', async () => {
    const third = await addMember(t, t.owner.client, ['admin']);
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '30000.00' });
    const requested = (
      await t.owner.client.post(`/api/v1/funds/${fund.id}/decrease`, { amount: '20000.00' })
    ).json();
    const answers = await Promise.all(
      [admin, third].map((manager) =>
        manager.client.post(`/api/v1/fund-change-requests/${requested.id}/approve`),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await fundOf(fund.id)).toMatchObject({ authorizedAmount: '10000.00' });
  });

  it('removing the policy lets one manager record any amount again', async () => {
    const removed = await t.owner.client.post('/api/v1/policies', {
      kind: 'fund_changes',
      secondApprovalAbove: null,
    });
    expect(removed.statusCode).toBe(204);
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    const large = await t.owner.client.post(`/api/v1/funds/${fund.id}/increase`, { amount: '50000.00' });
    expect(large.statusCode).toBe(200);
    await t.owner.client.post('/api/v1/policies', { kind: 'fund_changes', secondApprovalAbove: '10000.00' });
  });
});
