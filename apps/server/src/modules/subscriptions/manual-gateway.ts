import type { ManualTransferConfig } from '../../config.js';
import type { PaymentGateway } from './payment-gateway.js';

/**
 * Manual SPEI transfers to the platform's own account (BILLING.md: the production provider when
 * Stripe is not configured): the customer sees the CLABE and the reference to quote; the operator
 * records the transfer in the back office, which confirms the payment. Card and OXXO need a
 * provider, so they are not offered. Refunds go by SPEI to the customer's CLABE, recorded by the
 * operator, so nothing is refunded through here.
 */
export function createManualTransferGateway(account: ManualTransferConfig): PaymentGateway {
  return {
    provider: 'manual',
    methods: ['spei'],
    canRefund: () => false,
    async refund() {
      throw new Error('manual transfers are refunded by the operator, by SPEI');
    },
    async start(payment) {
      if (payment.method !== 'spei')
        throw new Error(`manual transfers take SPEI only, not ${payment.method}`);
      return {
        instructions: {
          method: 'spei',
          provider: 'manual',
          clabe: account.clabe,
          bank: account.bank,
          beneficiary: account.beneficiary,
          reference: payment.reference,
        },
        // The reference is what matches the transfer to this payment; no provider id until then.
        providerPaymentId: null,
        expiresAt: null,
      };
    },
  };
}
