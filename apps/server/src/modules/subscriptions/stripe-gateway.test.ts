import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, signedEvent, startFakeStripe } from '../../../test/helpers/fake-stripe.js';
import { isValidClabe } from './clabe.js';
import type { PaymentGateway, PaymentToStart } from './payment-gateway.js';
import { createStripeClient, createStripeGateway } from './stripe-gateway.js';

const APP_URL = 'https://app.cajachica.test';
const NOW = new Date('2026-05-10T17:00:00.000Z');

let fake: FakeStripe;
let stripe: Stripe;
let gateway: PaymentGateway;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeClient({ secretKey: fake.secretKey, apiUrl: fake.url });
  gateway = createStripeGateway(stripe, { appUrl: APP_URL, oxxoExpiresDays: 3 });
});

afterAll(async () => {
  await fake?.close();
});

/** A payment of a new organization (no Stripe customer yet) unless told otherwise. */
function paymentOf(overrides: Partial<PaymentToStart> = {}): PaymentToStart {
  const id = randomUUID();
  return {
    id,
    organizationId: randomUUID(),
    method: 'spei',
    total: '5788.40',
    reference: `CC${id.replace(/-/g, '').slice(-10).toUpperCase()}`,
    description: 'CajaChica, plan anual',
    customer: { email: 'duena@ferreteria.mx', name: 'Ferretería La Tuerca', providerCustomerId: null },
    now: NOW,
    ...overrides,
  };
}

/** A payment of an organization whose Stripe customer exists: the start makes one request. */
async function paymentOfKnownCustomer(method: PaymentToStart['method']): Promise<PaymentToStart> {
  const customer = await stripe.customers.create({ email: 'duena@ferreteria.mx' });
  const payment = paymentOf({ method });
  return { ...payment, customer: { ...payment.customer, providerCustomerId: customer.id } };
}

/** The requests the fake received while `run` ran. */
async function requestsDuring<T>(run: () => Promise<T>) {
  const before = fake.requests.length;
  const result = await run();
  return { result, requests: fake.requests.slice(before) };
}

const ourMetadata = (payment: PaymentToStart) => ({
  cajachica_payment_id: payment.id,
  cajachica_organization_id: payment.organizationId,
});

describe('Stripe gateway', () => {
  it('is the stripe provider with card, SPEI and OXXO; OXXO cash cannot be refunded through it', () => {
    expect(gateway.provider).toBe('stripe');
    expect(gateway.methods).toEqual(['card', 'spei', 'oxxo']);
    expect(gateway.canRefund('card')).toBe(true);
    expect(gateway.canRefund('spei')).toBe(true);
    expect(gateway.canRefund('oxxo')).toBe(false);
  });

  describe('OXXO', () => {
    it('confirms a PaymentIntent and gives the voucher: number, expiry and printable page', async () => {
      const payment = paymentOf({ method: 'oxxo' });
      const { result: started, requests } = await requestsDuring(() => gateway.start(payment));

      const intent = fake.paymentIntents.get(started.providerPaymentId ?? '');
      const voucher = intent?.next_action?.oxxo_display_details;
      expect(intent?.status).toBe('requires_action');
      expect(voucher).toBeDefined();
      const expiresAt = new Date((voucher?.expires_after ?? 0) * 1000);
      expect(started).toEqual({
        instructions: {
          method: 'oxxo',
          provider: 'stripe',
          reference: voucher?.number,
          expiresAt: expiresAt.toISOString(),
          voucherUrl: voucher?.hosted_voucher_url,
        },
        providerPaymentId: intent?.id,
        expiresAt,
        providerCustomerId: intent?.customer,
      });

      const create = requests.find((request) => request.path === '/v1/payment_intents');
      expect(create?.idempotencyKey).toBe(`payment:${payment.id}`);
      expect(create?.body).toMatchObject({
        amount: '578840',
        currency: 'mxn',
        allowed_payment_method_types: ['oxxo'],
        confirm: 'true',
        customer: intent?.customer,
        payment_method_data: {
          type: 'oxxo',
          billing_details: { name: 'Ferretería La Tuerca', email: 'duena@ferreteria.mx' },
        },
        payment_method_options: { oxxo: { expires_after_days: '3' } },
        metadata: ourMetadata(payment),
      });
    });

    it('passes the configured voucher life', async () => {
      const weekLong = createStripeGateway(stripe, { appUrl: APP_URL, oxxoExpiresDays: 7 });
      const { requests } = await requestsDuring(() => weekLong.start(paymentOf({ method: 'oxxo' })));
      const create = requests.find((request) => request.path === '/v1/payment_intents');
      expect(create?.body.payment_method_options).toEqual({ oxxo: { expires_after_days: '7' } });
    });
  });

  describe('SPEI', () => {
    it("opens a Mexico bank transfer to the customer's own CLABE", async () => {
      const payment = paymentOf({ method: 'spei', total: '578.84' });
      const { result: started, requests } = await requestsDuring(() => gateway.start(payment));

      const intent = fake.paymentIntents.get(started.providerPaymentId ?? '');
      const transfer = intent?.next_action?.display_bank_transfer_instructions;
      const spei = transfer?.financial_addresses[0]?.spei;
      expect(started.instructions).toEqual({
        method: 'spei',
        provider: 'stripe',
        clabe: spei?.clabe,
        bank: spei?.bank_name,
        beneficiary: spei?.account_holder_name,
        reference: transfer?.reference,
      });
      expect(isValidClabe(spei?.clabe ?? '')).toBe(true);
      expect(started.expiresAt).toBeNull();

      const create = requests.find((request) => request.path === '/v1/payment_intents');
      expect(create?.idempotencyKey).toBe(`payment:${payment.id}`);
      expect(create?.body).toMatchObject({
        amount: '57884',
        currency: 'mxn',
        customer: started.providerCustomerId,
        allowed_payment_method_types: ['customer_balance'],
        payment_method_data: { type: 'customer_balance' },
        payment_method_options: {
          customer_balance: { funding_type: 'bank_transfer', bank_transfer: { type: 'mx_bank_transfer' } },
        },
        confirm: 'true',
        metadata: ourMetadata(payment),
      });
    });

    it('makes the customer once, keyed by the organization, and reuses it with the same CLABE', async () => {
      const first = paymentOf({ method: 'spei' });
      const opened = await requestsDuring(() => gateway.start(first));
      const customerCreate = opened.requests.filter((request) => request.path === '/v1/customers');
      expect(customerCreate).toHaveLength(1);
      expect(customerCreate[0]?.idempotencyKey).toBe(`customer:${first.organizationId}`);
      expect(customerCreate[0]?.body).toMatchObject({
        email: 'duena@ferreteria.mx',
        name: 'Ferretería La Tuerca',
        metadata: { cajachica_organization_id: first.organizationId },
      });
      const customerId = opened.result.providerCustomerId;
      expect(customerId).toMatch(/^cus_/);
      expect(fake.customers.get(customerId ?? '')?.metadata).toEqual({
        cajachica_organization_id: first.organizationId,
      });

      const next = paymentOf({
        method: 'spei',
        organizationId: first.organizationId,
        customer: { ...first.customer, providerCustomerId: customerId ?? null },
      });
      const reopened = await requestsDuring(() => gateway.start(next));
      expect(reopened.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /v1/payment_intents',
      ]);
      expect(reopened.requests[0]?.body.customer).toBe(customerId);
      expect(reopened.result.providerCustomerId).toBeUndefined();
      expect(reopened.result.instructions).toMatchObject({
        clabe: (opened.result.instructions as { clabe: string }).clabe,
      });
    });
    it('lets a test fund the transfer in parts until it succeeds', async () => {
      const started = await gateway.start(paymentOf({ method: 'spei', total: '1160.00' }));
      const id = started.providerPaymentId ?? '';
      const partial = fake.partiallyFund(id, 60000);
      expect(partial.status).toBe('requires_action');
      expect(partial.next_action?.display_bank_transfer_instructions?.amount_remaining).toBe(56000);
      const paid = fake.partiallyFund(id, 56000);
      expect(paid).toMatchObject({ status: 'succeeded', amount_received: 116000, next_action: null });
      expect(typeof paid.latest_charge).toBe('string');
    });
  });

  describe('card', () => {
    it('opens a Checkout page for the exact amount, our ids on the session and its PaymentIntent', async () => {
      const payment = paymentOf({ method: 'card', total: '1024.10' });
      const { result: started, requests } = await requestsDuring(() => gateway.start(payment));

      const session = fake.checkoutSessions.get(started.providerPaymentId ?? '');
      expect(session?.id).toMatch(/^cs_test_/);
      expect(started.instructions).toEqual({ method: 'card', provider: 'stripe', checkoutUrl: session?.url });
      expect(started.expiresAt).toEqual(new Date((session?.expires_at ?? 0) * 1000));

      const create = requests.find((request) => request.path === '/v1/checkout/sessions');
      expect(create?.idempotencyKey).toBe(`payment:${payment.id}`);
      expect(create?.body).toMatchObject({
        mode: 'payment',
        allowed_payment_method_types: ['card'],
        customer: started.providerCustomerId,
        line_items: [
          {
            quantity: '1',
            price_data: {
              currency: 'mxn',
              // 1024.10 × 100 is 102409.99999999999 in floating point.
              unit_amount: '102410',
              product_data: { name: 'CajaChica, plan anual' },
            },
          },
        ],
        success_url: `${APP_URL}/app/suscripcion?pago=ok`,
        cancel_url: `${APP_URL}/app/suscripcion?pago=cancelado`,
        metadata: ourMetadata(payment),
        payment_intent_data: { metadata: ourMetadata(payment) },
      });
      expect(session?.amount_total).toBe(102410);

      const { paymentIntent } = fake.completeCheckout(session?.id ?? '');
      expect(paymentIntent.metadata).toEqual(ourMetadata(payment));
    });

    it('tells credit from debit from the charge of the paid session, or of its PaymentIntent', async () => {
      const credit = await gateway.start(paymentOf({ method: 'card' }));
      const debit = await gateway.start(paymentOf({ method: 'card' }));
      const unpaid = await gateway.start(paymentOf({ method: 'card' }));
      fake.completeCheckout(credit.providerPaymentId ?? '', 'credit');
      const { paymentIntent } = fake.completeCheckout(debit.providerPaymentId ?? '', 'debit');

      expect(await gateway.cardFunding?.(credit.providerPaymentId ?? '')).toBe('credit');
      const { result, requests } = await requestsDuring(
        async () => gateway.cardFunding?.(debit.providerPaymentId ?? '') ?? 'none',
      );
      expect(result).toBe('debit');
      expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        `GET /v1/checkout/sessions/${debit.providerPaymentId}`,
        `GET /v1/payment_intents/${paymentIntent.id}`,
      ]);
      expect(requests[1]?.query).toEqual({ expand: ['latest_charge'] });
      expect(await gateway.cardFunding?.(paymentIntent.id)).toBe('debit');
      expect(await gateway.cardFunding?.(unpaid.providerPaymentId ?? '')).toBe('unknown');

      fake.setCardFunding('prepaid');
      const prepaid = await gateway.start(paymentOf({ method: 'card' }));
      fake.completeCheckout(prepaid.providerPaymentId ?? '');
      expect(await gateway.cardFunding?.(prepaid.providerPaymentId ?? '')).toBe('prepaid');
      fake.setCardFunding('credit');
    });
  });

  it('opens nothing new when the start of the same payment is retried', async () => {
    for (const method of ['card', 'spei', 'oxxo'] as const) {
      const payment = paymentOf({ method });
      const first = await gateway.start(payment);
      const counts = () => [fake.customers.size, fake.paymentIntents.size, fake.checkoutSessions.size];
      const before = counts();
      const { result: again, requests } = await requestsDuring(() => gateway.start(payment));

      expect(again).toEqual(first);
      expect(counts()).toEqual(before);
      expect(requests.map((request) => request.idempotencyKey)).toEqual([
        `customer:${payment.organizationId}`,
        `payment:${payment.id}`,
      ]);
    }
  });

  describe('refunds', () => {
    it('refunds a card payment through the PaymentIntent of its Checkout Session, once per key', async () => {
      const started = await gateway.start(paymentOf({ method: 'card', total: '5788.40' }));
      const { paymentIntent } = fake.completeCheckout(started.providerPaymentId ?? '');
      const refund = {
        providerPaymentId: started.providerPaymentId,
        total: '482.37',
        idempotencyKey: 'refund:a:1',
      };

      const { result, requests } = await requestsDuring(() => gateway.refund(refund));
      expect(result.providerRefundId).toMatch(/^re_/);
      const create = requests.find((request) => request.path === '/v1/refunds');
      expect(create?.idempotencyKey).toBe('refund:a:1');
      expect(create?.body).toEqual({ payment_intent: paymentIntent.id, amount: '48237' });

      expect(await gateway.refund(refund)).toEqual(result);
      expect(
        [...fake.refunds.values()].filter((row) => row.payment_intent === paymentIntent.id),
      ).toHaveLength(1);
    });

    it('refunds a SPEI payment by its PaymentIntent, and Stripe refuses more than was received', async () => {
      const started = await gateway.start(paymentOf({ method: 'spei', total: '1160.00' }));
      const intent = fake.succeed(started.providerPaymentId ?? '');
      expect(intent.status).toBe('succeeded');

      const first = await requestsDuring(() =>
        gateway.refund({ providerPaymentId: intent.id, total: '1000.00', idempotencyKey: 'refund:b:1' }),
      );
      expect(first.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /v1/refunds',
      ]);
      expect(first.requests[0]?.body).toEqual({ payment_intent: intent.id, amount: '100000' });
      expect(fake.refunds.get(first.result.providerRefundId)?.amount).toBe(100000);

      await expect(
        gateway.refund({ providerPaymentId: intent.id, total: '160.01', idempotencyKey: 'refund:b:2' }),
      ).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        code: 'amount_too_large',
        statusCode: 400,
      });
      await gateway.refund({ providerPaymentId: intent.id, total: '160.00', idempotencyKey: 'refund:b:3' });
      await expect(
        gateway.refund({ providerPaymentId: intent.id, total: '1.00', idempotencyKey: 'refund:b:4' }),
      ).rejects.toMatchObject({ code: 'charge_already_refunded' });
    });

    it('cannot refund OXXO cash, as canRefund says', async () => {
      const started = await gateway.start(paymentOf({ method: 'oxxo' }));
      fake.succeed(started.providerPaymentId ?? '');
      await expect(
        gateway.refund({
          providerPaymentId: started.providerPaymentId,
          total: '100.00',
          idempotencyKey: 'refund:c:1',
        }),
      ).rejects.toMatchObject({ code: 'charge_not_refundable' });
    });

    it('refuses a payment without a Stripe id, or a Checkout page never paid', async () => {
      await expect(
        gateway.refund({ providerPaymentId: null, total: '100.00', idempotencyKey: 'refund:d:1' }),
      ).rejects.toThrow(/without its Stripe id/);
      const unpaid = await gateway.start(paymentOf({ method: 'card' }));
      await expect(
        gateway.refund({
          providerPaymentId: unpaid.providerPaymentId,
          total: '100.00',
          idempotencyKey: 'refund:d:2',
        }),
      ).rejects.toThrow(/never paid/);
    });
  });

  describe('failures', () => {
    it('lets an error of Stripe through (the service answers 502 and cancels the payment)', async () => {
      const payment = await paymentOfKnownCustomer('oxxo');
      const intentsBefore = fake.paymentIntents.size;
      fake.failNext(500, { type: 'api_error', message: 'An unknown error occurred' });
      const { requests } = await requestsDuring(() =>
        expect(gateway.start(payment)).rejects.toMatchObject({ type: 'StripeAPIError', statusCode: 500 }),
      );
      // Stripe-Should-Retry: false, as Stripe sends on most failures: the SDK gives up at once.
      expect(requests).toHaveLength(1);
      expect(fake.paymentIntents.size).toBe(intentsBefore);
    });

    it('retries a transient failure with the same idempotency key', async () => {
      const payment = await paymentOfKnownCustomer('spei');
      const intentsBefore = fake.paymentIntents.size;
      fake.failNext(503, { type: 'api_error', message: 'Service unavailable' }, { shouldRetry: true });
      const { result, requests } = await requestsDuring(() => gateway.start(payment));
      expect(requests.map((request) => request.idempotencyKey)).toEqual([
        `payment:${payment.id}`,
        `payment:${payment.id}`,
      ]);
      expect(result.providerPaymentId).toMatch(/^pi_/);
      expect(fake.paymentIntents.size).toBe(intentsBefore + 1);
    });

    it('lets through a method the account has not activated', async () => {
      const payment = await paymentOfKnownCustomer('oxxo');
      const intentsBefore = fake.paymentIntents.size;
      fake.failNext(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_invalid_parameter',
        message:
          'The payment method type "oxxo" is invalid. Please ensure the provided type is activated in your dashboard.',
      });
      await expect(gateway.start(payment)).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        code: 'payment_intent_invalid_parameter',
      });
      expect(fake.paymentIntents.size).toBe(intentsBefore);
    });

    it('is refused when a retried start sends other parameters under the same key', async () => {
      const payment = await paymentOfKnownCustomer('spei');
      await gateway.start(payment);
      await expect(gateway.start({ ...payment, total: '6000.00' })).rejects.toMatchObject({
        type: 'StripeIdempotencyError',
      });
    });

    it('refuses a wrong secret key with an authentication error', async () => {
      const wrongClient = createStripeClient({
        secretKey: 'sk_test_notTheRightKey000000000',
        apiUrl: fake.url,
      });
      const wrongKey = createStripeGateway(wrongClient, { appUrl: APP_URL, oxxoExpiresDays: 3 });
      const customersBefore = fake.customers.size;
      await expect(wrongKey.start(paymentOf())).rejects.toMatchObject({
        type: 'StripeAuthenticationError',
        statusCode: 401,
        message: expect.stringMatching(/^Invalid API Key provided: sk_test_/),
      });
      expect(fake.customers.size).toBe(customersBefore);
    });
  });

  describe('the wire format the real SDK sends', () => {
    it('is form-encoded in bracket notation, with the bearer key and the pinned API version', async () => {
      const payment = paymentOf({ method: 'oxxo' });
      const { requests } = await requestsDuring(() => gateway.start(payment));
      const create = requests.find((request) => request.path === '/v1/payment_intents');

      expect(create?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(create?.headers['stripe-version']).toBe(Stripe.API_VERSION);
      expect(Stripe.API_VERSION).toBe('2026-10-28.endive');
      expect(create?.headers.authorization).toBe(`Bearer ${fake.secretKey}`);
      expect(create?.headers['x-stripe-client-telemetry']).toBeUndefined();
      expect(create?.rawBody).toContain(`metadata[cajachica_payment_id]=${payment.id}`);
      expect(create?.rawBody).toContain('allowed_payment_method_types[0]=oxxo');
      expect(create?.rawBody).toContain('payment_method_options[oxxo][expires_after_days]=3');
      expect(create?.rawBody).toContain('billing_details][name]=Ferreter%C3%ADa%20La%20Tuerca');
    });

    it('puts expand in the query of a GET', async () => {
      const started = await gateway.start(paymentOf({ method: 'card' }));
      const { paymentIntent } = fake.completeCheckout(started.providerPaymentId ?? '');
      const { requests } = await requestsDuring(async () => gateway.cardFunding?.(paymentIntent.id));
      expect(requests[0]?.method).toBe('GET');
      expect(requests[0]?.rawBody).toBe('');
      expect(requests[0]?.query).toEqual({ expand: ['latest_charge'] });
    });
  });

  it('signs webhook events the real SDK verifies', () => {
    const secret = 'whsec_cajachicaTest';
    const started = { id: 'pi_test', object: 'payment_intent', status: 'succeeded' };
    const { payload, signature } = signedEvent('payment_intent.succeeded', started, secret, 1_780_000_000);
    const event = Stripe.webhooks.constructEvent(payload, signature, secret, 300, undefined, 1_780_000_100);
    expect(event).toMatchObject({
      object: 'event',
      type: 'payment_intent.succeeded',
      created: 1_780_000_000,
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: { object: started },
    });
    expect(event.id).toMatch(/^evt_/);
  });
});
