import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('an unpaid account is read-only on %s', (kind) => {
  const t = useTestApp(kind);

  it('reads and exports everything but creates and changes nothing until it pays; nothing is deleted', async () => {
    const owner = await signUpVerifiedOwner(t);
    const custodian = await addMember(t, owner.client, ['custodian']);
    const custodianId = await membershipIdOf(owner.client, custodian.userId);
    const fund = await openFund(owner.client, { custodianId, authorizedAmount: '5000.00' });
    await t.database.db.execute(
      sql`UPDATE subscriptions SET status = 'unpaid', interval = 'month', current_period_start = '2026-01-01',
             current_period_end = '2026-02-01' WHERE organization_id = ${owner.organizationId}`,
    );
    // Reads and exports.
    expect((await owner.client.get(`/api/v1/funds/${fund.id}`)).json().cash).toBe('5000.00');
    expect((await owner.client.get('/api/v1/exports/expenses?format=csv')).statusCode).toBe(200);
    // Writes, by anyone.
    const refused = await custodian.client.post('/api/v1/expenses', {
      fundId: fund.id,
      date: '2026-02-10',
      concept: 'Papelería',
      subtotal: '100.00',
      total: '100.00',
      paymentMethod: 'fund_cash',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'READ_ONLY' });
    expect(refused.json().detail).toMatch(/^Tu cuenta está en modo de solo lectura/);
    expect((await owner.client.post('/api/v1/cost-centers', { code: 'X', name: 'X' })).json().code).toBe(
      'READ_ONLY',
    );
    // Paying is what it can do; then it writes again.
    const payment = (
      await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'spei' })
    ).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    expect((await owner.client.post('/api/v1/cost-centers', { code: 'X', name: 'X' })).statusCode).toBe(201);
  });
});
