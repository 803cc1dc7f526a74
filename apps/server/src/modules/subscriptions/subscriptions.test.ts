import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('subscription trial and plans on %s', (kind) => {
  const t = useTestApp(kind, { env: { PLAN_MONTHLY_PRICE: '500.00', PLAN_ANNUAL_PRICE: '5000.00' } });

  it('starts a free calendar month at sign-up, Mexico City time, with the day clamped (Jan 31 → Feb 28)', async () => {
    // 2027-01-31 10:30 in Mexico City (UTC−6).
    t.clock.now = new Date('2027-01-31T16:30:00Z');
    const owner = await signUpVerifiedOwner(t);
    const subscription = (await owner.client.get('/api/v1/subscription')).json();
    expect(subscription).toMatchObject({
      status: 'trialing',
      readOnly: false,
      plan: null,
      nextPlan: null,
      trialEndsAt: '2027-02-28T16:30:00.000Z',
      trialDaysLeft: 28,
    });
    // Its last hour still counts as a day left.
    await t.database.db.execute(
      sql`UPDATE subscriptions SET trial_ends_at = ${new Date(t.clock.now.getTime() + 3_600_000)}
           WHERE organization_id = ${owner.organizationId}`,
    );
    expect((await owner.client.get('/api/v1/subscription')).json().trialDaysLeft).toBe(1);
  });

  it('shows the plans from configuration with IVA and the annual saving', async () => {
    t.clock.now = new Date();
    const owner = await signUpVerifiedOwner(t);
    expect((await owner.client.get('/api/v1/subscription')).json().plans).toEqual([
      { id: 'monthly', interval: 'month', price: '500.00', iva: '80.00', total: '580.00', saving: null },
      {
        id: 'annual',
        interval: 'year',
        price: '5000.00',
        iva: '800.00',
        total: '5800.00',
        saving: '1160.00',
      },
    ]);
  });

  it('lets every member see the status (the read-only banner needs it), and only signed-in people', async () => {
    const owner = await signUpVerifiedOwner(t);
    const employee = await addMember(t, owner.client, ['employee']);
    expect((await employee.client.get('/api/v1/subscription')).json().status).toBe('trialing');
    expect((await t.client().get('/api/v1/subscription')).statusCode).toBe(401);
  });

  it('refuses in the database a status or plan the lifecycle does not know', async () => {
    const owner = await signUpVerifiedOwner(t);
    for (const change of [sql`status = 'paused'`, sql`interval = 'week'`, sql`status = 'active'`]) {
      await expect(
        t.database.db.execute(
          sql`UPDATE subscriptions SET ${change} WHERE organization_id = ${owner.organizationId}`,
        ),
      ).rejects.toThrow();
    }
  });
});
