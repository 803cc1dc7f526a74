import Stripe from 'stripe';
import { money, toCentavos } from '../../platform/money.js';
import { isValidClabe } from './clabe.js';
import type { PaymentGateway, PaymentToStart, StartedPayment } from './payment-gateway.js';
import type { CardFunding } from './subscriptions.schema.js';

/**
 * A Stripe client for the gateway. `apiUrl` points it elsewhere (a local fake in tests). POSTs
 * carry our own idempotency keys, so the SDK's retries of a timeout or a 5xx never pay twice.
 */
export function createStripeClient(options: { secretKey: string; apiUrl?: string | undefined }): Stripe {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false };
  if (options.apiUrl) {
    const url = new URL(options.apiUrl);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    config.protocol = protocol;
    config.host = url.hostname;
    config.port = url.port || (protocol === 'http' ? 80 : 443);
  }
  return new Stripe(options.secretKey, config);
}

/** Stripe takes integer centavos; decimal.js keeps "1024.10" at 102410 where a float gives 102409.99…. */
function centavosOf(total: string): number {
  return money(toCentavos(total)).times(100).toNumber();
}

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/**
 * Stripe Mexico as the payment provider (BILLING.md "Payment methods"): card through a hosted
 * Checkout page (3-D Secure included), OXXO as a confirmed PaymentIntent with its voucher, SPEI as
 * a customer-balance bank transfer to the organization's own CLABE. Every object carries our ids in
 * metadata (the webhook finds the payment from them) and every POST an idempotency key made from
 * them, so a retried start opens nothing new. Stripe's errors propagate: the service answers 502
 * and cancels the pending payment.
 */
export function createStripeGateway(
  stripe: Stripe,
  options: { appUrl: string; oxxoExpiresDays: number },
): PaymentGateway {
  /** The organization's customer: SPEI gives each customer its own CLABE, so it is made once and kept. */
  async function customerOf(
    payment: Pick<PaymentToStart, 'organizationId' | 'customer'>,
  ): Promise<{ id: string; created: boolean }> {
    if (payment.customer.providerCustomerId) {
      return { id: payment.customer.providerCustomerId, created: false };
    }
    // Only the organization's data, no payment id: a later payment replaying this key (the first
    // one failed before the id was kept) must send the same parameters or Stripe refuses it.
    const customer = await stripe.customers.create(
      {
        email: payment.customer.email,
        ...(payment.customer.name ? { name: payment.customer.name } : {}),
        preferred_locales: ['es-419'],
        metadata: { cajachica_organization_id: payment.organizationId },
      },
      { idempotencyKey: `customer:${payment.organizationId}` },
    );
    return { id: customer.id, created: true };
  }

  const metadataOf = (payment: PaymentToStart) => ({
    cajachica_payment_id: payment.id,
    cajachica_organization_id: payment.organizationId,
  });
  const keyOf = (payment: PaymentToStart) => ({ idempotencyKey: `payment:${payment.id}` });

  async function startCard(payment: PaymentToStart, customer: string): Promise<StartedPayment> {
    const metadata = metadataOf(payment);
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        // The SDK's API version names it allowed_payment_method_types (payment_method_types was removed).
        allowed_payment_method_types: ['card'],
        customer,
        client_reference_id: payment.id,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'mxn',
              unit_amount: centavosOf(payment.total),
              product_data: { name: payment.description },
            },
          },
        ],
        locale: 'es-419',
        success_url: `${options.appUrl}/app/suscripcion?pago=ok`,
        cancel_url: `${options.appUrl}/app/suscripcion?pago=cancelado`,
        metadata,
        // The PaymentIntent that Checkout makes on payment carries our ids too (its events have no session).
        payment_intent_data: { description: payment.description, metadata },
      },
      keyOf(payment),
    );
    if (!session.url) throw new Error(`Stripe checkout session ${session.id} came without a url`);
    return {
      instructions: { method: 'card', provider: 'stripe', checkoutUrl: session.url },
      providerPaymentId: session.id,
      expiresAt: fromUnix(session.expires_at),
    };
  }

  async function startOxxo(payment: PaymentToStart, customer: string): Promise<StartedPayment> {
    const intent = await stripe.paymentIntents.create(
      {
        amount: centavosOf(payment.total),
        currency: 'mxn',
        customer,
        allowed_payment_method_types: ['oxxo'],
        // OXXO requires the payer's name and email on the voucher.
        payment_method_data: {
          type: 'oxxo',
          billing_details: {
            name: payment.customer.name || payment.customer.email,
            email: payment.customer.email,
          },
        },
        payment_method_options: { oxxo: { expires_after_days: options.oxxoExpiresDays } },
        confirm: true,
        description: payment.description,
        metadata: metadataOf(payment),
      },
      keyOf(payment),
    );
    const voucher = intent.next_action?.oxxo_display_details;
    if (!voucher?.number || !voucher.expires_after) {
      throw new Error(`Stripe OXXO payment ${intent.id} came without a voucher (status ${intent.status})`);
    }
    const expiresAt = fromUnix(voucher.expires_after);
    return {
      instructions: {
        method: 'oxxo',
        provider: 'stripe',
        reference: voucher.number,
        expiresAt: expiresAt.toISOString(),
        voucherUrl: voucher.hosted_voucher_url,
      },
      providerPaymentId: intent.id,
      expiresAt,
    };
  }

  async function startSpei(payment: PaymentToStart, customer: string): Promise<StartedPayment> {
    const intent = await stripe.paymentIntents.create(
      {
        amount: centavosOf(payment.total),
        currency: 'mxn',
        customer,
        allowed_payment_method_types: ['customer_balance'],
        payment_method_data: { type: 'customer_balance' },
        payment_method_options: {
          customer_balance: { funding_type: 'bank_transfer', bank_transfer: { type: 'mx_bank_transfer' } },
        },
        confirm: true,
        description: payment.description,
        metadata: metadataOf(payment),
      },
      keyOf(payment),
    );
    const transfer = intent.next_action?.display_bank_transfer_instructions;
    const spei = transfer?.financial_addresses?.find((address) => address.spei)?.spei;
    // A wrong digit would send the customer's money to someone else's account: refuse it here.
    if (!spei || !isValidClabe(spei.clabe)) {
      throw new Error(
        `Stripe SPEI payment ${intent.id} came without a valid CLABE (status ${intent.status})`,
      );
    }
    return {
      instructions: {
        method: 'spei',
        provider: 'stripe',
        clabe: spei.clabe,
        bank: spei.bank_name,
        beneficiary: spei.account_holder_name,
        // The CLABE alone identifies the customer; Stripe's reference, when given, is what to write as concept.
        reference: transfer?.reference ?? payment.reference,
      },
      providerPaymentId: intent.id,
      // The CLABE is the customer's for good: the transfer instructions do not expire.
      expiresAt: null,
    };
  }

  /** Card payments are kept by their Checkout Session (`cs_…`); its PaymentIntent exists once paid. */
  async function paymentIntentIdOf(providerPaymentId: string): Promise<string | null> {
    if (!providerPaymentId.startsWith('cs_')) return providerPaymentId;
    const session = await stripe.checkout.sessions.retrieve(providerPaymentId);
    const intent = session.payment_intent;
    return typeof intent === 'string' ? intent : (intent?.id ?? null);
  }

  return {
    provider: 'stripe',
    methods: ['card', 'spei', 'oxxo'],
    // Stripe cannot send OXXO cash back: those refunds go out by SPEI to the customer's CLABE.
    canRefund: (method) => method !== 'oxxo',

    async ensureCustomer(customer) {
      const made = await customerOf({
        organizationId: customer.organizationId,
        customer: { ...customer, providerCustomerId: null },
      });
      return made.id;
    },

    async start(payment) {
      const customer = await customerOf(payment);
      const started =
        payment.method === 'card'
          ? await startCard(payment, customer.id)
          : payment.method === 'oxxo'
            ? await startOxxo(payment, customer.id)
            : await startSpei(payment, customer.id);
      return customer.created ? { ...started, providerCustomerId: customer.id } : started;
    },

    async refund({ providerPaymentId, total, idempotencyKey }) {
      if (!providerPaymentId) throw new Error('cannot refund through Stripe a payment without its Stripe id');
      const paymentIntent = await paymentIntentIdOf(providerPaymentId);
      if (!paymentIntent) throw new Error(`Stripe checkout session ${providerPaymentId} was never paid`);
      const refund = await stripe.refunds.create(
        { payment_intent: paymentIntent, amount: centavosOf(total) },
        { idempotencyKey },
      );
      return { providerRefundId: refund.id };
    },

    async cardFunding(providerPaymentId): Promise<CardFunding> {
      const paymentIntent = await paymentIntentIdOf(providerPaymentId);
      if (!paymentIntent) return 'unknown';
      const intent = await stripe.paymentIntents.retrieve(paymentIntent, { expand: ['latest_charge'] });
      const charge = intent.latest_charge;
      if (!charge || typeof charge === 'string') return 'unknown';
      const funding = charge.payment_method_details?.card?.funding;
      return funding === 'credit' || funding === 'debit' || funding === 'prepaid' ? funding : 'unknown';
    },
  };
}
