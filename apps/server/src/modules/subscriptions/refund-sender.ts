import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs.js';
import { withTenant } from '../../platform/tenancy.js';
import type { PaymentGateway } from './payment-gateway.js';
import { payments, refunds } from './subscriptions.schema.js';

export const SEND_REFUND_JOB = 'subscription-send-refund';

/** A refund that left (for the invoicing module: its nota de crédito). */
export interface RefundIssued {
  organizationId: string;
  refundId: string;
}

/** What the audit log records as the origin of a refund the provider confirmed to the job. */
const SENDER_ORIGIN: RequestOrigin = {
  ip: '',
  userAgent: 'CajaChica (reembolso por el proveedor)',
  requestId: `job:${SEND_REFUND_JOB}`,
};

/**
 * Sends refunds back through the payment provider, durably: a suspension tries at once, and a
 * refused or interrupted attempt goes to a job that retries with backoff (the idempotency key
 * `refund:{payment}:{refund}` makes every retry refund once). Each failure is kept on the refund
 * (attempts, last_error) for the operator. SPEI refunds are not sent here: the operator records
 * the transfer (`markIssued`).
 */
export function createRefundSender(deps: {
  db: Db;
  gateway: PaymentGateway;
  jobs: Pick<JobQueue, 'register' | 'send'>;
  now: () => Date;
  onRefundIssued?: ((event: RefundIssued) => Promise<void>) | undefined;
}) {
  const { db, gateway } = deps;

  async function markIssued(
    organizationId: string,
    refundId: string,
    input: {
      reference: string;
      by: string | null;
      origin: RequestOrigin;
      /** Who sent it (the operator), kept in the audit. */
      details?: Record<string, string> | undefined;
    },
  ) {
    const issued = await withTenant(db, { organizationId, userId: input.by }, async (tx) => {
      const [row] = await tx
        .select()
        .from(refunds)
        .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId)))
        .for('update');
      if (!row) throw notFound('REFUND_NOT_FOUND', 'Ese reembolso no existe.');
      if (row.status === 'issued') return false;
      await tx
        .update(refunds)
        .set({ status: 'issued', providerRefundId: input.reference, issuedAt: deps.now(), lastError: null })
        .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId)));
      await recordAudit(tx, { organizationId, userId: input.by }, input.origin, {
        action: 'subscription.refund_issued',
        targetType: 'refund',
        targetId: refundId,
        before: { status: row.status },
        after: {
          status: 'issued',
          channel: row.channel,
          total: row.total,
          reference: input.reference,
          ...input.details,
        },
      });
      return true;
    });
    if (issued) await deps.onRefundIssued?.({ organizationId, refundId });
    return issued;
  }

  /** One attempt: sends a pending provider refund; a failure is recorded and thrown. */
  async function send(organizationId: string, refundId: string): Promise<void> {
    const found = await withTenant(db, { organizationId }, async (tx) => {
      const [row] = await tx
        .select({ refund: refunds, providerPaymentId: payments.providerPaymentId, paymentId: payments.id })
        .from(refunds)
        .innerJoin(
          payments,
          and(eq(payments.organizationId, refunds.organizationId), eq(payments.id, refunds.paymentId)),
        )
        .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId)));
      return row;
    });
    if (!found) throw new Error(`refund ${refundId} of ${organizationId} not found`);
    if (found.refund.status === 'issued' || found.refund.channel !== 'provider') return;
    try {
      const sent = await gateway.refund({
        providerPaymentId: found.providerPaymentId,
        total: found.refund.total,
        idempotencyKey: `refund:${found.paymentId}:${refundId}`,
      });
      await markIssued(organizationId, refundId, {
        reference: sent.providerRefundId,
        by: null,
        origin: SENDER_ORIGIN,
      });
    } catch (error) {
      await withTenant(db, { organizationId }, (tx) =>
        tx
          .update(refunds)
          .set({
            attempts: sql`${refunds.attempts} + 1`,
            lastError: String((error as Error).message ?? error).slice(0, 500),
          })
          .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId))),
      );
      throw error;
    }
  }

  deps.jobs.register<{ organizationId: string; refundId: string }>(
    SEND_REFUND_JOB,
    async ({ organizationId, refundId }) => send(organizationId, refundId),
    // Backoff from one minute: about a day of attempts before the operator must step in.
    { retryLimit: 12, retryDelaySeconds: 60 },
  );

  const enqueue = (organizationId: string, refundId: string) =>
    deps.jobs.send(SEND_REFUND_JOB, { organizationId, refundId }, { singletonKey: refundId });

  return {
    markIssued,
    enqueue,
    /** Right after a suspension: one attempt now; if it fails, the job keeps trying. */
    async sendNowOrLater(
      organizationId: string,
      refundId: string,
      log?: { error(o: unknown, m: string): void },
    ) {
      try {
        await send(organizationId, refundId);
      } catch (error) {
        log?.error({ err: error, refundId }, 'refund through the provider failed; a job retries it');
        await enqueue(organizationId, refundId);
      }
    },
    /** The operator's "reintentar" on a refund the job gave up on. */
    async retry(organizationId: string, refundId: string) {
      const [row] = await withTenant(db, { organizationId }, (tx) =>
        tx
          .select({ status: refunds.status, channel: refunds.channel })
          .from(refunds)
          .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId))),
      );
      if (!row) throw notFound('REFUND_NOT_FOUND', 'Ese reembolso no existe.');
      if (row.status === 'issued') throw conflict('REFUND_ISSUED', 'Ese reembolso ya se emitió.');
      if (row.channel !== 'provider') {
        throw conflict('REFUND_BY_SPEI', 'Ese reembolso se paga por SPEI: registra la transferencia.');
      }
      await enqueue(organizationId, refundId);
    },
  };
}

export type RefundSender = ReturnType<typeof createRefundSender>;
