import { beforeAll, describe, expect, it } from 'vitest';
import { logIn, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { createSubscriptionTimers } from './subscription-timers.js';

describe.each(testDatabaseKinds())('subscription timers on %s (injected clock)', (kind) => {
  const t = useTestApp(kind);
  let timers: ReturnType<typeof createSubscriptionTimers>;
  beforeAll(async () => {
    timers = createSubscriptionTimers({
      db: t.database.db,
      mailer: t.mailer,
      jobs: { register: () => {}, schedule: () => {} },
      config: {
        appUrl: 'http://localhost:3000',
        billing: t.config.billing,
      },
      now: () => t.clock.now,
      log: { error: () => {} },
    });
  });

  it('runs trial → reminders → instructions → paid at OXXO → renewal unpaid → past due → unpaid (read-only) → paid → active', async () => {
    t.clock.now = new Date('2026-01-10T18:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    const mine = () => t.mailer.sent.filter((mail) => mail.to === owner.email).map((mail) => mail.subject);
    const at = async (instant: string) => {
      t.clock.now = new Date(instant);
      const acted = await timers.runDueTimers();
      await logIn(owner.client, owner.email); // sessions do not last for weeks
      return acted;
    };
    const status = async () => (await owner.client.get('/api/v1/subscription')).json();
    const mailsBefore = mine().length;

    expect(await at('2026-01-20T18:00:00Z')).toBe(0);
    expect(await at('2026-02-03T19:00:00Z')).toBe(1);
    expect(await at('2026-02-03T20:00:00Z')).toBe(0); // each reminder once
    expect(await at('2026-02-07T19:00:00Z')).toBe(1);
    expect(mine().slice(mailsBefore)).toEqual([
      expect.stringMatching(/^Tu prueba gratuita de CajaChica termina en 7 días/),
      expect.stringMatching(/^Tu prueba gratuita de CajaChica termina en 3 días/),
    ]);

    expect(await at('2026-02-10T19:00:00Z')).toBe(1);
    expect(await status()).toMatchObject({ status: 'awaiting_payment', readOnly: false });
    expect(mine().at(-1)).toMatch(/^Instrucciones de pago de CajaChica/);

    t.clock.now = new Date('2026-02-12T18:00:00Z');
    const payment = (
      await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'oxxo' })
    ).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    expect(await status()).toMatchObject({
      status: 'active',
      currentPeriodStart: '2026-02-12',
      currentPeriodEnd: '2026-03-12',
    });

    expect(await at('2026-03-06T18:00:00Z')).toBe(0);
    expect(await at('2026-03-07T18:00:00Z')).toBe(1); // renewal instructions 5 days before
    expect(mine().at(-1)).toMatch(/^Renueva tu suscripción de CajaChica/);

    expect(await at('2026-03-12T19:00:00Z')).toBe(1);
    expect(await status()).toMatchObject({ status: 'past_due', readOnly: false });
    expect(await at('2026-03-19T19:00:00Z')).toBe(1);
    expect(await status()).toMatchObject({ status: 'unpaid', readOnly: true });

    const again = (
      await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'spei' })
    ).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${again.id}/simulate`);
    expect(await status()).toMatchObject({
      status: 'active',
      readOnly: false,
      currentPeriodStart: '2026-03-19',
    });
  });

  it('starts a plan paid during the trial when the trial ends, and a renewal paid ahead when the period ends', async () => {
    t.clock.now = new Date('2026-01-31T18:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    const pay = async (plan: string) => {
      const payment = (
        await owner.client.post('/api/v1/subscription/checkout', { plan, method: 'spei' })
      ).json().payment;
      await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    };
    await pay('monthly');
    t.clock.now = new Date('2026-02-28T19:00:00Z');
    await timers.runDueTimers();
    await logIn(owner.client, owner.email);
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'active',
      plan: 'monthly',
      currentPeriodStart: '2026-02-28',
      currentPeriodEnd: '2026-03-28',
    });
    await pay('annual'); // monthly → annual when the paid month ends
    t.clock.now = new Date('2026-03-28T19:00:00Z');
    await timers.runDueTimers();
    await logIn(owner.client, owner.email);
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'active',
      plan: 'annual',
      nextPlan: null,
      currentPeriodStart: '2026-03-28',
      currentPeriodEnd: '2027-03-28',
    });
  });

  it('cancels an annual plan being canceled at the end of its month slice', async () => {
    t.clock.now = new Date('2026-01-05T18:00:00Z');
    const owner = await signUpVerifiedOwner(t);
    const payment = (
      await owner.client.post('/api/v1/subscription/checkout', { plan: 'annual', method: 'spei' })
    ).json().payment;
    await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
    t.clock.now = new Date('2026-02-05T19:00:00Z');
    await timers.runDueTimers();
    t.clock.now = new Date('2026-04-25T18:00:00Z');
    await logIn(owner.client, owner.email);
    await owner.client.post('/api/v1/subscription/suspend', {});
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'canceling',
      accessEndsOn: '2026-05-05',
    });
    t.clock.now = new Date('2026-05-05T07:00:00Z'); // 1 a.m. in Mexico City on the day access ends
    await timers.runDueTimers();
    await logIn(owner.client, owner.email);
    expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({
      status: 'canceled',
      readOnly: true,
    });
  });
});
