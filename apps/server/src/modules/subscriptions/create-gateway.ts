import type Stripe from 'stripe';
import type { Config } from '../../config.js';
import { createManualTransferGateway } from './manual-gateway.js';
import type { PaymentGateway } from './payment-gateway.js';
import { createSandboxGateway } from './sandbox-gateway.js';
import { createStripeClient, createStripeGateway } from './stripe-gateway.js';

export interface PaymentProviderSetup {
  gateway: PaymentGateway;
  /** Stripe's client and webhook secret, when Stripe is the provider (its webhook needs both). */
  stripe: { client: Stripe; webhookSecret: string } | null;
}

/** The configured provider (config.ts decides which, and refuses one without its settings). */
export function createPaymentProvider(config: Pick<Config, 'appUrl' | 'billing'>): PaymentProviderSetup {
  const payments = config.billing.payments;
  if (payments.provider === 'sandbox') return { gateway: createSandboxGateway(), stripe: null };
  if (payments.provider === 'manual')
    return { gateway: createManualTransferGateway(payments.manual), stripe: null };
  const client = createStripeClient({ secretKey: payments.secretKey, apiUrl: payments.apiUrl });
  return {
    gateway: createStripeGateway(client, {
      appUrl: config.appUrl,
      oxxoExpiresDays: payments.oxxoExpiresDays,
    }),
    stripe: { client, webhookSecret: payments.webhookSecret },
  };
}
