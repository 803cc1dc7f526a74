import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logIn, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('suspending a subscription on %s', (kind) => {
  // The annual plan costs exactly 12,000.00 with IVA (10,344.83 + 1,655.17), as in BILLING.md.
  const t = useTestApp(kind, { env: { PLAN_MONTHLY_PRICE: '1000.00', PLAN_ANNUAL_PRICE: '10344.83' } });

  /** An organization whose trial is over, paying `plan` by `method` on `day` (noon in Mexico City). */
  async function paidOn(day: string, plan: string, method = 'spei') {
    t.clock.now = new Date(`${day}T18:00:00Z`);
    const owner = await signUpVerifiedOwner(t);
    await t.database.db.execute(
      sql`UPDATE subscriptions SET status = 'awaiting_payment', trial_ends_at = ${t.clock.now}
           WHERE organization_id = ${owner.organizationId}`,
    );
    const payment = (await owner.client.post('/api/v1/subscription/checkout', { plan, method })).json()
      .payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    return owner;
  }

  /** Moves the clock; sessions do not live for months, so the owner signs in again. */
  async function later(owner: { client: TestClient; email: string }, day: string) {
    t.clock.now = new Date(`${day}T18:00:00Z`);
    await logIn(owner.client, owner.email);
  }

  it('refunds the whole unused months of an annual plan: paid 2026-01-10, suspended 2026-04-25 → 8,000.00', async () => {
    const owner = await paidOn('2026-01-10', 'annual');
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'active',
      plan: 'annual',
      currentPeriodStart: '2026-01-10',
      currentPeriodEnd: '2027-01-10',
    });
    await later(owner, '2026-04-25');
    const preview = (await owner.client.get('/api/v1/subscription/suspension')).json();
    expect(preview).toEqual({
      action: 'refund',
      status: 'canceling',
      accessEndsOn: '2026-05-10',
      refund: { total: '8000.00', base: '6896.55', iva: '1103.45', unusedMonths: 8 },
      refundNeedsClabe: false,
    });
    const suspended = await owner.client.post('/api/v1/subscription/suspend', {});
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      subscription: { status: 'canceling', accessEndsOn: '2026-05-10', readOnly: false },
      refund: preview.refund,
    });
    const stored = await t.database.db.execute(
      sql`SELECT total, channel, status FROM refunds WHERE organization_id = ${owner.organizationId}`,
    );
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([
      { total: '8000.00', channel: 'provider', status: 'issued' },
    ]);
    const twice = await owner.client.post('/api/v1/subscription/suspend', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Tu suscripción ya está suspendida.');
  });

  it('ends a monthly plan with its period, without refund; undoing it keeps it active', async () => {
    const owner = await paidOn('2026-01-31', 'monthly');
    await later(owner, '2026-02-10');
    expect((await owner.client.get('/api/v1/subscription/suspension')).json()).toEqual({
      action: 'end_of_period',
      status: 'cancel_scheduled',
      accessEndsOn: '2026-02-28',
      refund: null,
      refundNeedsClabe: false,
    });
    const suspended = (await owner.client.post('/api/v1/subscription/suspend', {})).json();
    expect(suspended).toMatchObject({ subscription: { status: 'cancel_scheduled' }, refund: null });
    const undone = await owner.client.post('/api/v1/subscription/reactivate');
    expect(undone.json()).toMatchObject({ status: 'active', accessEndsOn: null });
    expect((await owner.client.post('/api/v1/subscription/reactivate')).statusCode).toBe(409);
  });

  it('refunds a plan paid at OXXO during the trial whole, by SPEI to a CLABE whose control digit checks', async () => {
    t.clock.now = new Date('2026-06-01T18:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    // The monthly plan paid in cash at OXXO during the trial: OXXO cannot refund, SPEI does.
    const payment = (
      await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'oxxo' })
    ).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    const preview = (await owner.client.get('/api/v1/subscription/suspension')).json();
    expect(preview).toEqual({
      action: 'refund',
      status: 'canceling',
      accessEndsOn: '2026-07-01',
      refund: { total: '1160.00', base: '1000.00', iva: '160.00', unusedMonths: 1 },
      refundNeedsClabe: true,
    });
    const noClabe = await owner.client.post('/api/v1/subscription/suspend', {});
    expect(noClabe.json()).toMatchObject({ code: 'CLABE_REQUIRED', errors: [{ path: 'clabe' }] });
    const typo = await owner.client.post('/api/v1/subscription/suspend', { clabe: '002010077777777772' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().errors[0].message).toBe('Revisa la CLABE: su dígito de control no coincide.');
    const done = await owner.client.post('/api/v1/subscription/suspend', { clabe: '002010077777777771' });
    expect(done.json().subscription).toMatchObject({ status: 'canceling', nextPlan: null });
    const stored = await t.database.db.execute(
      sql`SELECT channel, clabe, status FROM refunds WHERE organization_id = ${owner.organizationId}`,
    );
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([
      { channel: 'spei', clabe: '002010077777777771', status: 'pending' },
    ]);
  });

  it('has nothing to suspend during an unpaid trial', async () => {
    const owner = await signUpVerifiedOwner(t);
    const response = await owner.client.post('/api/v1/subscription/suspend', {});
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/^Tu prueba gratuita termina sola/);
  });
});
