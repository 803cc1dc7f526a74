import type { CardFunding, PaymentMethod, PaymentProvider } from './subscriptions.schema.js';

/** What a customer needs to pay, by method (shown in the app and sent by email). */
export type PaymentInstructions =
  | {
      method: 'card';
      provider: PaymentProvider;
      /** The provider's hosted payment page (Stripe Checkout: card form with 3-D Secure). */
      checkoutUrl: string | null;
    }
  | {
      method: 'spei';
      provider: PaymentProvider;
      clabe: string;
      bank: string;
      beneficiary: string;
      reference: string;
    }
  | {
      method: 'oxxo';
      provider: PaymentProvider;
      /** The number the cashier types or scans (the voucher's barcode encodes it). */
      reference: string;
      expiresAt: string;
      /** The provider's printable voucher, when it has one. */
      voucherUrl: string | null;
    };

export interface StartedPayment {
  instructions: PaymentInstructions;
  providerPaymentId: string | null;
  expiresAt: Date | null;
  /** The provider's customer made for this organization (kept, and passed on the next payment). */
  providerCustomerId?: string | null;
}

export interface PaymentToStart {
  id: string;
  organizationId: string;
  method: PaymentMethod;
  total: string;
  reference: string;
  description: string;
  customer: { email: string; name: string; providerCustomerId: string | null };
  now: Date;
}

/**
 * A payment provider (sandbox, manual transfer, Stripe), behind one interface: it opens a payment
 * and gives its instructions; confirmation comes back later (a webhook, the operator, the
 * sandbox's "simular pago") and goes through the same confirmPayment.
 */
export interface PaymentGateway {
  readonly provider: PaymentProvider;
  /** The methods this provider takes; the others are unavailable and the app says so. */
  readonly methods: readonly PaymentMethod[];
  start(payment: PaymentToStart): Promise<StartedPayment>;
  /** Whether the provider can send a payment of this method back (OXXO cash cannot: SPEI instead). */
  canRefund(method: PaymentMethod): boolean;
  /** Sends part or all of a payment back; the idempotency key makes a retry refund once. */
  refund(input: { providerPaymentId: string | null; total: string; idempotencyKey: string }): Promise<{
    providerRefundId: string;
  }>;
  /**
   * Makes the provider's customer for an organization (once: the id is kept on its subscription
   * before any payment starts). Providers without customers leave it out.
   */
  ensureCustomer?(customer: { organizationId: string; email: string; name: string }): Promise<string>;
  /** How a card payment was funded (credit → CFDI FormaPago 04, debit → 28), when the provider says. */
  cardFunding?(providerPaymentId: string): Promise<CardFunding>;
}
