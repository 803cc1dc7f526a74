import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('subscription payments in the sandbox on %s', (kind) => {
  // Monthly $2,320 with IVA: OXXO takes it with a deductibility warning; annual $23,200: over OXXO's cap.
  const t = useTestApp(kind, { env: { PLAN_MONTHLY_PRICE: '2000.00', PLAN_ANNUAL_PRICE: '20000.00' } });

  const subscription = async (client: TestClient) => (await client.get('/api/v1/subscription')).json();
  const checkout = (client: TestClient, plan: string, method: string) =>
    client.post('/api/v1/subscription/checkout', { plan, method });

  it('pays the annual plan by SPEI during the trial: paid, starting when the free month ends', async () => {
    t.clock.now = new Date('2026-01-05T18:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    const opened = await checkout(owner.client, 'annual', 'spei');
    expect(opened.statusCode).toBe(201);
    const { payment, warnings } = opened.json();
    expect(payment).toMatchObject({
      plan: 'annual',
      method: 'spei',
      provider: 'sandbox',
      status: 'pending',
      total: '23200.00',
      base: '20000.00',
      iva: '3200.00',
      instructions: { method: 'spei', clabe: '002010077777777771', reference: payment.reference },
    });
    expect(payment.reference).toMatch(/^CC[0-9A-F]{10}$/);
    expect(warnings).toEqual([]);
    const simulated = await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    expect(simulated.json()).toMatchObject({ status: 'succeeded', confirmedAt: '2026-01-05T18:00:00.000Z' });
    expect(await subscription(owner.client)).toMatchObject({
      status: 'trialing',
      plan: null,
      nextPlan: 'annual',
      trialEndsAt: '2026-02-05T18:00:00.000Z',
    });
    // Confirmed once: simulating again changes nothing; another payment has nothing to pay.
    expect(
      (await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`)).json().status,
    ).toBe('succeeded');
    const again = await checkout(owner.client, 'monthly', 'spei');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Ya pagaste el siguiente periodo: empieza cuando termine el actual.');
    const audit = await t.database.db.execute(
      sql`SELECT action FROM audit_log WHERE organization_id = ${owner.organizationId} AND action LIKE 'subscription.%'`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows).toEqual([
      { action: 'subscription.payment_confirmed' },
    ]);
  });

  it('refuses OXXO above its cap and warns that cash above $2,000 is not deductible', async () => {
    const owner = await signUpVerifiedOwner(t);
    const over = await checkout(owner.client, 'annual', 'oxxo');
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({
      code: 'OXXO_OVER_LIMIT',
      detail: 'OXXO acepta pagos de hasta $10,000.00; este es de $23,200.00. Elige SPEI o tarjeta.',
    });
    const monthly = await checkout(owner.client, 'monthly', 'oxxo');
    expect(monthly.statusCode).toBe(201);
    expect(monthly.json().payment.instructions).toMatchObject({
      method: 'oxxo',
      reference: expect.any(String),
    });
    expect(monthly.json().warnings[0]).toMatch(/^Un pago en efectivo mayor de \$2,000\.00 no es deducible/);
  });

  it('replaces a pending payment with a new checkout; the replaced one can no longer be paid', async () => {
    const owner = await signUpVerifiedOwner(t);
    const first = (await checkout(owner.client, 'monthly', 'oxxo')).json().payment;
    const second = (await checkout(owner.client, 'monthly', 'card')).json().payment;
    const listed = (await owner.client.get('/api/v1/subscription/payments')).json().data;
    expect(listed.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'canceled'],
    ]);
    const late = await owner.client.post(`/api/v1/subscription/payments/${first.id}/simulate`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PAYMENT_CLOSED');
  });

  it('reactivates an expired account at once: a period starts today', async () => {
    t.clock.now = new Date('2026-03-31T20:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    await t.database.db.execute(
      sql`UPDATE subscriptions SET status = 'expired' WHERE organization_id = ${owner.organizationId}`,
    );
    expect(await subscription(owner.client)).toMatchObject({ status: 'expired', readOnly: true });
    const payment = (await checkout(owner.client, 'monthly', 'spei')).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    expect(await subscription(owner.client)).toMatchObject({
      status: 'active',
      readOnly: false,
      plan: 'monthly',
      currentPeriodStart: '2026-03-31',
      currentPeriodEnd: '2026-04-30',
    });
  });

  it('is the account administrator’s: an admin may read the status but not pay; bad input is named', async () => {
    const owner = await signUpVerifiedOwner(t);
    const admin = await addMember(t, owner.client, ['admin']);
    expect((await checkout(admin.client, 'monthly', 'spei')).statusCode).toBe(403);
    expect((await admin.client.get('/api/v1/subscription/payments')).statusCode).toBe(403);
    const bad = await checkout(owner.client, 'weekly', 'cash');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['method', 'plan']);
  });
});
