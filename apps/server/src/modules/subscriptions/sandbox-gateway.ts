import type { PaymentGateway } from './payment-gateway.js';

const OXXO_DAYS = 3;
/** A CLABE of the right shape (18 digits, valid check digit) that belongs to no real account. */
export const SANDBOX_CLABE = '002010077777777771';

/**
 * The embedded default: the same flows as a real provider with nothing external. Every method is
 * offered, the instructions are clearly marked as a simulation, and the app's "simular pago"
 * button confirms the payment.
 */
export function createSandboxGateway(): PaymentGateway {
  return {
    provider: 'sandbox',
    methods: ['card', 'spei', 'oxxo'],
    // As Stripe: card and SPEI payments go back through the provider, OXXO cash does not.
    canRefund: (method) => method !== 'oxxo',
    async refund(input) {
      return { providerRefundId: `sandbox_refund_${input.idempotencyKey}` };
    },
    async start(payment) {
      const providerPaymentId = `sandbox_${payment.id}`;
      if (payment.method === 'card') {
        return {
          instructions: { method: 'card', provider: 'sandbox', checkoutUrl: null },
          providerPaymentId,
          expiresAt: null,
        };
      }
      if (payment.method === 'spei') {
        return {
          instructions: {
            method: 'spei',
            provider: 'sandbox',
            clabe: SANDBOX_CLABE,
            bank: 'Banco de pruebas (simulación)',
            beneficiary: 'CajaChica (simulación)',
            reference: payment.reference,
          },
          providerPaymentId,
          expiresAt: null,
        };
      }
      const expiresAt = new Date(payment.now.getTime() + OXXO_DAYS * 24 * 60 * 60 * 1000);
      return {
        instructions: {
          method: 'oxxo',
          provider: 'sandbox',
          reference: payment.reference,
          expiresAt: expiresAt.toISOString(),
          voucherUrl: null,
        },
        providerPaymentId,
        expiresAt,
      };
    },
  };
}
