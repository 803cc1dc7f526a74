import type { PaymentMethod, PaymentProvider } from './subscriptions.schema.js';

/** What a customer needs to pay, by method (shown in the app and sent by email). */
export type PaymentInstructions =
  | { method: 'card'; provider: PaymentProvider; clientSecret: string | null }
  | {
      method: 'spei';
      provider: PaymentProvider;
      clabe: string;
      bank: string;
      beneficiary: string;
      reference: string;
    }
  | { method: 'oxxo'; provider: PaymentProvider; reference: string; expiresAt: string };

export interface StartedPayment {
  instructions: PaymentInstructions;
  providerPaymentId: string | null;
  expiresAt: Date | null;
}

/**
 * A payment provider (issue 6: sandbox, manual transfer, Stripe), behind one interface: it opens a
 * payment and gives its instructions; confirmation comes back later (a webhook, the operator, the
 * sandbox's "simular pago") and goes through the same confirmPayment.
 */
export interface PaymentGateway {
  readonly provider: PaymentProvider;
  /** The methods this provider takes; the others are unavailable and the app says so. */
  readonly methods: readonly PaymentMethod[];
  start(payment: {
    id: string;
    method: PaymentMethod;
    total: string;
    reference: string;
    description: string;
    customerEmail: string;
    now: Date;
  }): Promise<StartedPayment>;
  /** Whether the provider can send a payment of this method back (OXXO cash cannot: SPEI instead). */
  canRefund(method: PaymentMethod): boolean;
  /** Sends part or all of a payment back; the idempotency key makes a retry refund once. */
  refund(input: { providerPaymentId: string | null; total: string; idempotencyKey: string }): Promise<{
    providerRefundId: string;
  }>;
}
