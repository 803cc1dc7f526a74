import { and, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { withSystem } from '../../platform/tenancy.js';
import type { PaymentGateway } from './payment-gateway.js';
import { paymentEvents, payments } from './subscriptions.schema.js';
import type { SubscriptionsService } from './subscriptions.service.js';

export const PAYMENT_EVENT_JOB = 'payment-event';

/** What the audit log records as the origin of a change a provider's event made. */
const origin = (event: { id: string }): RequestOrigin => ({
  ip: '',
  userAgent: 'Stripe (webhook)',
  requestId: `stripe:${event.id}`,
});

/** Our ids, put on every PaymentIntent and Checkout Session we create (stripe-gateway.ts). */
interface OurMetadata {
  cajachica_payment_id?: string;
  cajachica_organization_id?: string;
}

const centavosToPesos = (centavos: number) => (centavos / 100).toFixed(2);

/**
 * Acts on stored Stripe events, one job per event, each once: the event row is marked processed
 * with what it did, and a redelivered event never reaches here twice (the webhook stores each
 * event id once). Payments are found by the ids we put in the metadata; an event about a payment
 * we do not know, or not Stripe's, changes nothing and says so.
 */
export function createStripeEvents(deps: {
  db: Db;
  jobs: Pick<JobQueue, 'register' | 'send'>;
  subscriptions: Pick<SubscriptionsService, 'confirmPayment' | 'recordReceived' | 'expirePayment'>;
  gateway: Pick<PaymentGateway, 'cardFunding'>;
  now: () => Date;
}) {
  const { db, subscriptions } = deps;

  /** Our payment named by the metadata, when it exists and Stripe took it. */
  async function ourPayment(
    metadata: OurMetadata | null | undefined,
  ): Promise<{ ok: false; outcome: string } | { ok: true; organizationId: string; paymentId: string }> {
    const paymentId = metadata?.cajachica_payment_id;
    const organizationId = metadata?.cajachica_organization_id;
    if (!paymentId || !organizationId) return { ok: false, outcome: 'ignored: not a CajaChica payment' };
    const [row] = await withSystem(db, (tx) =>
      tx
        .select({ provider: payments.provider })
        .from(payments)
        .where(and(eq(payments.organizationId, organizationId), eq(payments.id, paymentId))),
    );
    if (!row) return { ok: false, outcome: `ignored: unknown payment ${paymentId}` };
    if (row.provider !== 'stripe')
      return { ok: false, outcome: `ignored: payment ${paymentId} is not Stripe's` };
    return { ok: true, organizationId, paymentId };
  }

  async function expire(event: Stripe.Event, metadata: OurMetadata): Promise<string> {
    const found = await ourPayment(metadata);
    if (!found.ok) return found.outcome;
    const expired = await subscriptions.expirePayment(found.organizationId, found.paymentId, origin(event));
    return expired ? `expired ${found.paymentId}` : `left as it was ${found.paymentId}`;
  }

  async function handle(event: Stripe.Event): Promise<string> {
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = event.data.object;
        const found = await ourPayment(intent.metadata as OurMetadata);
        if (!found.ok) return found.outcome;
        const isCard = intent.payment_method_types.includes('card');
        const funding =
          isCard && deps.gateway.cardFunding ? await deps.gateway.cardFunding(intent.id) : undefined;
        const before = await subscriptions.confirmPayment(
          found.organizationId,
          found.paymentId,
          origin(event),
          funding,
        );
        return before.status === 'succeeded'
          ? `confirmed ${found.paymentId}`
          : `not confirmed: ${before.status}`;
      }
      case 'payment_intent.partially_funded': {
        // SPEI in parts: Stripe keeps what arrived on the customer's balance; what is still owed
        // is in the transfer instructions.
        const intent = event.data.object;
        const found = await ourPayment(intent.metadata as OurMetadata);
        if (!found.ok) return found.outcome;
        const remaining =
          intent.next_action?.display_bank_transfer_instructions?.amount_remaining ?? intent.amount;
        const received = centavosToPesos(intent.amount - remaining);
        await subscriptions.recordReceived(
          found.organizationId,
          found.paymentId,
          { total: received },
          origin(event),
        );
        return `partially funded ${found.paymentId}: ${received} of ${centavosToPesos(intent.amount)}`;
      }
      // An OXXO voucher that expired unpaid, a card refused for good, a card page left to expire:
      // the customer starts another payment.
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled':
      case 'checkout.session.expired':
        return expire(event, event.data.object.metadata as OurMetadata);
      case 'cash_balance.funds_available':
        // More SPEI money than the payments asked for stays on the customer's Stripe balance.
        return `alert: money left on customer ${event.data.object.customer}'s balance: the operator returns or applies it`;
      default:
        return `ignored: ${event.type}`;
    }
  }

  async function processStored(id: string, isLastAttempt: boolean): Promise<void> {
    const [row] = await withSystem(db, (tx) =>
      tx.select().from(paymentEvents).where(eq(paymentEvents.id, id)),
    );
    if (!row || row.processedAt) return;
    try {
      const outcome = await handle(row.payload as unknown as Stripe.Event);
      await withSystem(db, (tx) =>
        tx
          .update(paymentEvents)
          .set({ processedAt: deps.now(), outcome })
          .where(and(eq(paymentEvents.id, id), sql`${paymentEvents.processedAt} IS NULL`)),
      );
    } catch (error) {
      // The job retries; the last failure stays on the event for the operator's alerts.
      if (isLastAttempt) {
        await withSystem(db, (tx) =>
          tx
            .update(paymentEvents)
            .set({ outcome: `error: ${String((error as Error).message ?? error).slice(0, 500)}` })
            .where(eq(paymentEvents.id, id)),
        );
      }
      throw error;
    }
  }

  deps.jobs.register<{ id: string }>(
    PAYMENT_EVENT_JOB,
    async ({ id }, context) => processStored(id, context.isLastAttempt),
    { retryLimit: 8, retryDelaySeconds: 15 },
  );

  return {
    /**
     * Stores a verified event once; answers whether it was new. A new one is queued for its job,
     * so the webhook answers Stripe at once.
     */
    async receive(event: Stripe.Event): Promise<{ duplicate: boolean }> {
      const [stored] = await withSystem(db, (tx) =>
        tx
          .insert(paymentEvents)
          .values({
            provider: 'stripe',
            eventId: event.id,
            type: event.type,
            payload: event as unknown as Record<string, unknown>,
            receivedAt: deps.now(),
          })
          .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventId] })
          .returning({ id: paymentEvents.id }),
      );
      if (!stored) return { duplicate: true };
      await deps.jobs.send(PAYMENT_EVENT_JOB, { id: stored.id }, { singletonKey: stored.id });
      return { duplicate: false };
    },
    processStored,
  };
}

export type StripeEvents = ReturnType<typeof createStripeEvents>;
