import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { type FakeStripe, signedEvent, startFakeStripe } from '../../../test/helpers/fake-stripe.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createSubscriptionTimers } from './subscription-timers.js';

const WEBHOOK_SECRET = 'whsec_cajachicaPruebas123';
const WEBHOOK = '/api/v1/payments/webhooks/stripe';

describe.each(testDatabaseKinds())(
  'Stripe payments and webhooks on %s (fake Stripe on 127.0.0.1)',
  (kind) => {
    let fake: FakeStripe;
    let t: TestApp;
    beforeAll(async () => {
      fake = await startFakeStripe();
      t = await buildTestApp(kind, {
        STRIPE_SECRET_KEY: fake.secretKey,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: fake.url,
        JOBS_POLL_SECONDS: '0.5',
      });
    });
    afterAll(async () => {
      await t.close();
      await fake.close();
    });

    const seconds = () => Math.floor(t.clock.now.getTime() / 1000);
    const deliver = (delivery: { payload: string; signature: string }) =>
      t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: delivery.payload,
        headers: { 'content-type': 'application/json', 'stripe-signature': delivery.signature },
      });
    const event = (type: string, object: object, timestamp = seconds()) =>
      signedEvent(type, object, WEBHOOK_SECRET, timestamp);

    const paymentOf = async (client: TestClient, id: string) =>
      (await client.get('/api/v1/subscription/payments'))
        .json()
        .data.find((p: { id: string }) => p.id === id);
    const paymentBecomes = (client: TestClient, id: string, status: string) =>
      waitFor(
        () => paymentOf(client, id),
        (payment) => payment?.status === status,
      );
    const checkout = async (client: TestClient, plan: string, method: string) => {
      const response = await client.post('/api/v1/subscription/checkout', { plan, method });
      expect(response.statusCode).toBe(201);
      return response.json().payment;
    };
    /** The PaymentIntent the gateway made for our payment, found by the metadata it carries. */
    const intentOf = (paymentId: string) => {
      const intent = [...fake.paymentIntents.values()].find(
        (candidate) => candidate.metadata.cajachica_payment_id === paymentId,
      );
      if (!intent) throw new Error(`no PaymentIntent for ${paymentId}`);
      return intent;
    };
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      (await t.database.db.execute(query)) as unknown as { rows: T[] };

    it('confirms an OXXO payment once from a signed payment_intent.succeeded, however often Stripe delivers it', async () => {
      t.clock.now = new Date();
      const owner = await signUpVerifiedOwner(t);
      const payment = await checkout(owner.client, 'monthly', 'oxxo');
      expect(payment.instructions).toMatchObject({
        method: 'oxxo',
        provider: 'stripe',
        reference: expect.stringMatching(/^\d{10,}$/),
        voucherUrl: expect.stringMatching(/^https?:\/\//),
      });
      const delivery = event('payment_intent.succeeded', fake.succeed(intentOf(payment.id).id));
      const first = await deliver(delivery);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ received: true, duplicate: false });
      // Stripe delivers again (it did not see our answer): stored once, acted on once.
      expect((await deliver(delivery)).json()).toEqual({ received: true, duplicate: true });
      expect(await paymentBecomes(owner.client, payment.id, 'succeeded')).toMatchObject({
        amountReceived: payment.total,
        amountRemaining: '0.00',
      });
      const audits = await rows<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE organization_id = ${owner.organizationId} AND action = 'subscription.payment_confirmed'`,
      );
      expect(audits.rows).toHaveLength(1);
      const stored = await rows<{ outcome: string }>(
        sql`SELECT outcome FROM payment_events WHERE event_id = ${JSON.parse(delivery.payload).id}`,
      );
      expect(stored.rows).toEqual([{ outcome: `confirmed ${payment.id}` }]);
    });

    it('refuses forged, altered, stale and unsigned events with 400, storing nothing', async () => {
      const object = { id: 'pi_forged', object: 'payment_intent', metadata: {} };
      const count = async () =>
        (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM payment_events`)).rows;
      const before = await count();
      const forged = signedEvent('payment_intent.succeeded', object, 'whsec_otroSecreto', seconds());
      const genuine = event('payment_intent.succeeded', object);
      const altered = { ...genuine, payload: genuine.payload.replace('pi_forged', 'pi_altered') };
      const stale = event('payment_intent.succeeded', object, seconds() - 600);
      for (const delivery of [forged, altered, stale]) {
        const response = await deliver(delivery);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'WEBHOOK_SIGNATURE',
          detail: 'La firma del evento no es válida o el evento es demasiado antiguo.',
        });
      }
      const unsigned = await t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: genuine.payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(unsigned.statusCode).toBe(400);
      expect(await count()).toEqual(before);
    });

    it('takes SPEI in parts: a partial transfer keeps the payment pending with what arrived, the rest confirms it', async () => {
      t.clock.now = new Date();
      const owner = await signUpVerifiedOwner(t);
      const payment = await checkout(owner.client, 'annual', 'spei');
      expect(payment.instructions).toMatchObject({
        method: 'spei',
        provider: 'stripe',
        clabe: expect.any(String),
      });
      const intent = intentOf(payment.id);
      await deliver(event('payment_intent.partially_funded', fake.partiallyFund(intent.id, 100_000)));
      const partial = await waitFor(
        () => paymentOf(owner.client, payment.id),
        (row) => row.amountReceived === '1000.00',
      );
      expect(partial).toMatchObject({ status: 'pending', amountRemaining: '4788.40' });
      await deliver(event('payment_intent.succeeded', fake.succeed(intent.id)));
      expect(await paymentBecomes(owner.client, payment.id, 'succeeded')).toMatchObject({
        amountReceived: '5788.40',
      });
      expect((await owner.client.get('/api/v1/subscription')).json()).toMatchObject({ nextPlan: 'annual' });
    });

    it("pays by card on Stripe's page and keeps the card's funding for the invoice's FormaPago", async () => {
      t.clock.now = new Date();
      const owner = await signUpVerifiedOwner(t);
      const payment = await checkout(owner.client, 'monthly', 'card');
      expect(payment.instructions).toMatchObject({
        method: 'card',
        checkoutUrl: expect.stringMatching(/^https?:/),
      });
      const session = [...fake.checkoutSessions.values()].find(
        (candidate) => candidate.metadata.cajachica_payment_id === payment.id,
      );
      if (!session) throw new Error('no Checkout Session');
      const { paymentIntent } = fake.completeCheckout(session.id, 'debit');
      await deliver(event('payment_intent.succeeded', paymentIntent));
      await paymentBecomes(owner.client, payment.id, 'succeeded');
      const funding = await rows<{ card_funding: string }>(
        sql`SELECT card_funding FROM payments WHERE id = ${payment.id}`,
      );
      expect(funding.rows).toEqual([{ card_funding: 'debit' }]);
    });

    it('expires an OXXO voucher Stripe reports unpaid, so the customer can start another', async () => {
      t.clock.now = new Date();
      const owner = await signUpVerifiedOwner(t);
      const payment = await checkout(owner.client, 'monthly', 'oxxo');
      const intent = intentOf(payment.id);
      await deliver(event('payment_intent.payment_failed', { ...intent, status: 'requires_payment_method' }));
      await paymentBecomes(owner.client, payment.id, 'expired');
      expect(
        (await owner.client.post('/api/v1/subscription/checkout', { plan: 'monthly', method: 'spei' }))
          .statusCode,
      ).toBe(201);
      // One Stripe customer per organization, kept before its first payment and reused after.
      const customers = [...fake.customers.values()].filter(
        (customer) => customer.metadata.cajachica_organization_id === owner.organizationId,
      );
      expect(customers).toHaveLength(1);
    });

    it('records why it ignored an event about an unknown payment or of a type it does not act on', async () => {
      const unknown = event('payment_intent.succeeded', {
        id: 'pi_desconocido',
        object: 'payment_intent',
        payment_method_types: ['oxxo'],
        metadata: {
          cajachica_payment_id: '0190a1b2-0000-7000-8000-000000000001',
          cajachica_organization_id: '0190a1b2-0000-7000-8000-000000000002',
        },
      });
      const other = event('customer.created', { id: 'cus_123', object: 'customer' });
      for (const delivery of [unknown, other]) expect((await deliver(delivery)).statusCode).toBe(200);
      const outcomes = await waitFor(
        () =>
          rows<{ outcome: string | null }>(
            sql`SELECT outcome FROM payment_events WHERE event_id IN (${JSON.parse(unknown.payload).id}, ${JSON.parse(other.payload).id}) ORDER BY type DESC`,
          ),
        (result) => result.rows.every((row) => row.outcome !== null),
      );
      expect(outcomes.rows).toEqual([
        { outcome: 'ignored: unknown payment 0190a1b2-0000-7000-8000-000000000001' },
        { outcome: 'ignored: customer.created' },
      ]);
    });

    it('refunds a suspended annual plan through Stripe once; a refusal is retried by a job', async () => {
      t.clock.now = new Date();
      const owner = await signUpVerifiedOwner(t);
      const payment = await checkout(owner.client, 'annual', 'spei');
      await deliver(event('payment_intent.succeeded', fake.succeed(intentOf(payment.id).id)));
      await paymentBecomes(owner.client, payment.id, 'succeeded');
      fake.failNext(500, { type: 'api_error', message: 'Stripe no respondió' });
      const suspended = await owner.client.post('/api/v1/subscription/suspend', {});
      expect(suspended.statusCode).toBe(200);
      expect(suspended.json().refund).toMatchObject({ total: '5788.40', unusedMonths: 12 });
      const refund = await waitFor(
        () =>
          rows<{ status: string; attempts: number; provider_refund_id: string | null }>(
            sql`SELECT status, attempts, provider_refund_id FROM refunds WHERE organization_id = ${owner.organizationId}`,
          ),
        (result) => result.rows[0]?.status === 'issued',
      );
      expect(refund.rows).toEqual([
        { status: 'issued', attempts: 1, provider_refund_id: expect.stringMatching(/^re_/) },
      ]);
      const sent = [...fake.refunds.values()].filter((r) => r.payment_intent === intentOf(payment.id).id);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.amount).toBe(578_840);
    });

    it('runs the lifecycle with an OXXO payment confirmed by webhook: active → past due → unpaid (read-only) → paid → active', async () => {
      const timers = createSubscriptionTimers({
        db: t.database.db,
        mailer: t.mailer,
        jobs: { register: () => {}, schedule: () => {} },
        config: { appUrl: 'http://localhost:3000', billing: t.config.billing },
        now: () => t.clock.now,
        log: { error: () => {} },
      });
      t.clock.now = new Date('2026-01-10T18:00:00Z');
      const owner = await signUpVerifiedOwner(t);
      const at = async (instant: string) => {
        t.clock.now = new Date(instant);
        await timers.runDueTimers();
        await logIn(owner.client, owner.email);
      };
      const status = async () => (await owner.client.get('/api/v1/subscription')).json();
      await at('2026-02-10T19:00:00Z');
      expect(await status()).toMatchObject({ status: 'awaiting_payment' });

      t.clock.now = new Date('2026-02-12T18:00:00Z');
      const payment = await checkout(owner.client, 'monthly', 'oxxo');
      await deliver(event('payment_intent.succeeded', fake.succeed(intentOf(payment.id).id)));
      await paymentBecomes(owner.client, payment.id, 'succeeded');
      expect(await status()).toMatchObject({ status: 'active', currentPeriodEnd: '2026-03-12' });

      await at('2026-03-12T19:00:00Z');
      expect(await status()).toMatchObject({ status: 'past_due', readOnly: false });
      await at('2026-03-19T19:00:00Z');
      expect(await status()).toMatchObject({ status: 'unpaid', readOnly: true });

      const again = await checkout(owner.client, 'monthly', 'oxxo');
      await deliver(event('payment_intent.succeeded', fake.succeed(intentOf(again.id).id)));
      await paymentBecomes(owner.client, again.id, 'succeeded');
      expect(await status()).toMatchObject({
        status: 'active',
        readOnly: false,
        currentPeriodStart: '2026-03-19',
      });
    });
  },
);

describe('the Stripe webhook without Stripe configured', () => {
  it('answers 404: there is no Stripe endpoint in the sandbox', async () => {
    const t = await buildTestApp('pglite');
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: '{}',
        headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('PROVIDER_NOT_CONFIGURED');
    } finally {
      await t.close();
    }
  });
});
