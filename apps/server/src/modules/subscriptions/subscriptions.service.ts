import { and, desc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { Money, money, toCentavos, ZERO } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { addMonthsInMexico } from './billing-calendar.js';
import type { PaymentGateway, PaymentInstructions } from './payment-gateway.js';
import {
  attachInstructions,
  confirmPayment,
  expirePayment,
  lockSubscription,
  openPayment,
  recordReceived,
} from './payments.js';
import { planViews } from './plans.js';
import { createRefundSender, type RefundIssued } from './refund-sender.js';
import { isReadOnly, transition } from './subscription-machine.js';
import {
  type CardFunding,
  type PaymentMethod,
  type PlanId,
  payments,
  subscriptions,
} from './subscriptions.schema.js';
import { planSuspension, refundSummary, suspendSubscription } from './suspension.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new organization's free month: sign-up + 1 calendar month (Mexico City), in the sign-up transaction. */
export async function startTrial(tx: Tx, organizationId: string, signedUpAt: Date): Promise<void> {
  await tx.insert(subscriptions).values({
    organizationId,
    status: 'trialing',
    trialEndsAt: addMonthsInMexico(signedUpAt, 1),
  });
}

/** Whether an organization may only read and export (its subscription unpaid, expired or canceled). */
export async function organizationIsReadOnly(db: Db, organizationId: string): Promise<boolean> {
  const [row] = await withTenant(db, { organizationId }, (tx) =>
    tx
      .select({ status: subscriptions.status })
      .from(subscriptions)
      .where(eq(subscriptions.organizationId, organizationId)),
  );
  return row ? isReadOnly(row.status) : false;
}

function planOf(interval: 'month' | 'year' | null): PlanId | null {
  if (interval === null) return null;
  return interval === 'month' ? 'monthly' : 'annual';
}

/** A confirmed payment, for whoever acts on it (the invoicing module issues its CFDI). */
export interface PaymentConfirmed {
  organizationId: string;
  paymentId: string;
}

const paymentView = (row: typeof payments.$inferSelect) => ({
  id: row.id,
  plan: row.planId,
  method: row.method,
  provider: row.provider,
  status: row.status,
  total: row.total,
  base: row.base,
  iva: row.iva,
  amountReceived: row.amountReceived,
  amountRemaining: toCentavos(Money.max(ZERO, money(row.total).minus(row.amountReceived))),
  reference: row.reference,
  instructions: row.instructions as PaymentInstructions | Record<string, never>,
  expiresAt: row.expiresAt,
  confirmedAt: row.confirmedAt,
  createdAt: row.createdAt,
});

export function createSubscriptionsService(deps: {
  db: Db;
  config: Config;
  gateway: PaymentGateway;
  now?: () => Date;
  log?: { error(object: unknown, message: string): void };
  jobs: Pick<JobQueue, 'register' | 'send'>;
  /** Told after each payment is confirmed (after commit; a crash between is what reconciliation finds). */
  onPaymentConfirmed?: (event: PaymentConfirmed) => Promise<void>;
  /** Told after each refund left (the provider's, or the operator's SPEI transfer). */
  onRefundIssued?: (event: RefundIssued) => Promise<void>;
}) {
  const { db, config, gateway } = deps;
  const now = deps.now ?? (() => new Date());
  const refundSender = createRefundSender({
    db,
    gateway,
    jobs: deps.jobs,
    now,
    onRefundIssued: deps.onRefundIssued,
  });
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function confirm(
    actor: Actor | null,
    organizationId: string,
    paymentId: string,
    origin: RequestOrigin,
    cardFunding?: CardFunding,
  ) {
    const result = await withTenant(db, { organizationId, userId: actor?.userId ?? null }, (tx) =>
      confirmPayment(tx, {
        organizationId,
        paymentId,
        at: now(),
        by: actor?.userId ?? null,
        origin,
        cardFunding,
      }),
    );
    if (!result.already) await deps.onPaymentConfirmed?.({ organizationId, paymentId });
    return paymentView(result.payment);
  }

  return {
    /** The organization's subscription as every member may see it (the read-only banner needs it). */
    async current(actor: Actor) {
      return withTenant(db, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
        const [row] = await tx
          .select()
          .from(subscriptions)
          .where(eq(subscriptions.organizationId, actor.organizationId));
        if (!row) throw new Error(`organization ${actor.organizationId} has no subscription`);
        const left = row.trialEndsAt.getTime() - now().getTime();
        return {
          status: row.status,
          readOnly: isReadOnly(row.status),
          plan: planOf(row.interval),
          nextPlan: planOf(row.nextInterval),
          trialEndsAt: row.trialEndsAt,
          // Whole days, rounded up: "1 día" until the very end.
          trialDaysLeft: row.status === 'trialing' ? Math.max(0, Math.ceil(left / DAY_MS)) : null,
          currentPeriodStart: row.currentPeriodStart,
          currentPeriodEnd: row.currentPeriodEnd,
          accessEndsOn: row.accessEndsOn,
          plans: await planViews(tx, config.billing.ivaRate),
          paymentProvider: gateway.provider,
          paymentMethods: [...gateway.methods],
        };
      });
    },

    /** Opens a payment of a plan and answers the provider's instructions (owner only). */
    async checkout(actor: Actor, input: { plan: PlanId; method: PaymentMethod }) {
      const opened = await withTenant(db, scope(actor), (tx) =>
        openPayment(tx, {
          organizationId: actor.organizationId,
          ...input,
          gateway,
          ivaRate: config.billing.ivaRate,
          oxxoMaxTotal: config.billing.oxxoMaxTotal,
        }),
      );
      const { payment } = opened;
      let started: Awaited<ReturnType<PaymentGateway['start']>>;
      try {
        const customer = { email: actor.email, ...opened.customer };
        // The provider's customer is kept before the payment is made: if the payment fails, the
        // next attempt reuses it (with Stripe it holds the organization's own CLABE).
        if (gateway.ensureCustomer && !customer.providerCustomerId) {
          customer.providerCustomerId = await gateway.ensureCustomer({
            organizationId: actor.organizationId,
            email: customer.email,
            name: customer.name,
          });
          await withTenant(db, scope(actor), (tx) =>
            tx
              .update(subscriptions)
              .set({ providerCustomerId: customer.providerCustomerId, updatedAt: sql`now()` })
              .where(eq(subscriptions.organizationId, actor.organizationId)),
          );
        }
        started = await gateway.start({
          id: payment.id,
          method: payment.method,
          total: payment.total,
          reference: payment.reference,
          description: `CajaChica, plan ${payment.planId === 'monthly' ? 'mensual' : 'anual'}`,
          organizationId: actor.organizationId,
          customer,
          now: now(),
        });
      } catch (error) {
        await withTenant(db, scope(actor), (tx) =>
          tx
            .update(payments)
            .set({ status: 'canceled', updatedAt: now() })
            .where(and(eq(payments.organizationId, actor.organizationId), eq(payments.id, payment.id))),
        );
        const unavailable = new AppError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          502,
          'El proveedor de pagos no respondió. Intenta de nuevo en unos minutos o elige otro método.',
        );
        unavailable.cause = error;
        throw unavailable;
      }
      const row = await withTenant(db, scope(actor), (tx) =>
        attachInstructions(tx, actor.organizationId, payment.id, started),
      );
      return { payment: paymentView(row), warnings: opened.warnings };
    },

    /** What suspending today would do, shown before the customer confirms. */
    async suspensionPreview(actor: Actor) {
      return withTenant(db, scope(actor), async (tx) => {
        const [row] = await tx
          .select()
          .from(subscriptions)
          .where(eq(subscriptions.organizationId, actor.organizationId));
        if (!row) throw new Error(`organization ${actor.organizationId} has no subscription`);
        const plan = await planSuspension(tx, row, {
          today: mexicoCityDate(now()),
          ivaRate: config.billing.ivaRate,
          gateway,
        });
        return {
          action: plan.refunds.length > 0 ? ('refund' as const) : ('end_of_period' as const),
          status: plan.next.status,
          accessEndsOn: plan.accessEndsOn,
          refund: refundSummary(plan.refunds),
          refundNeedsClabe: plan.refunds.some((refund) => refund.bySpei),
        };
      });
    },

    /** Suspends (FAQ "suspender"): refunds recorded, sent back through the provider after commit. */
    async suspend(actor: Actor, input: { clabe?: string | undefined }, origin: RequestOrigin) {
      const { plan, recorded } = await withTenant(db, scope(actor), (tx) =>
        suspendSubscription(tx, {
          organizationId: actor.organizationId,
          userId: actor.userId,
          clabe: input.clabe,
          today: mexicoCityDate(now()),
          ivaRate: config.billing.ivaRate,
          gateway,
          origin,
        }),
      );
      for (const { row } of recorded) {
        if (row.channel === 'provider')
          await refundSender.sendNowOrLater(actor.organizationId, row.id, deps.log);
      }
      return { subscription: await this.current(actor), refund: refundSummary(plan.refunds) };
    },

    /** Takes back a monthly suspension before its period ends. */
    async reactivate(actor: Actor, origin: RequestOrigin) {
      await withTenant(db, scope(actor), async (tx) => {
        const row = await lockSubscription(tx, actor.organizationId);
        const result = transition(
          { status: row.status, interval: row.interval, next: row.nextInterval },
          { type: 'undo_suspend' },
        );
        if (!result.ok) {
          throw conflict(
            'NOTHING_TO_REACTIVATE',
            'Solo una suspensión al final del periodo se puede deshacer; para volver, elige un plan y paga.',
          );
        }
        await tx
          .update(subscriptions)
          .set({ status: result.state.status, accessEndsOn: null, updatedAt: sql`now()` })
          .where(eq(subscriptions.organizationId, actor.organizationId));
        await recordAudit(tx, { organizationId: actor.organizationId, userId: actor.userId }, origin, {
          action: 'subscription.reactivated',
          targetType: 'subscription',
          targetId: row.id,
          before: { status: row.status },
          after: { status: result.state.status },
        });
      });
      return this.current(actor);
    },

    /** The organization's payments, newest first. */
    async listPayments(actor: Actor) {
      const rows = await withTenant(db, scope(actor), (tx) =>
        tx
          .select()
          .from(payments)
          .where(eq(payments.organizationId, actor.organizationId))
          .orderBy(desc(payments.createdAt))
          .limit(100),
      );
      return rows.map(paymentView);
    },

    /** The sandbox's "simular pago": confirms a pending sandbox payment as the provider would. */
    async simulatePayment(actor: Actor, paymentId: string, origin: RequestOrigin) {
      if (gateway.provider !== 'sandbox') {
        throw notFound('NOT_SANDBOX', 'Los pagos simulados solo existen en el modo de pruebas.');
      }
      return confirm(actor, actor.organizationId, paymentId, origin);
    },

    /** For the provider's webhook and the operator: confirms a payment of any organization. */
    confirmPayment: (
      organizationId: string,
      paymentId: string,
      origin: RequestOrigin,
      cardFunding?: CardFunding,
    ) => confirm(null, organizationId, paymentId, origin, cardFunding),

    /** The provider's word that a pending payment will not be paid (voucher or card page expired). */
    expirePayment: (organizationId: string, paymentId: string, origin: RequestOrigin) =>
      withTenant(db, { organizationId }, (tx) =>
        expirePayment(tx, { organizationId, paymentId, at: now(), origin }),
      ),

    /**
     * For the provider's webhook and the operator: money that arrived for a payment (in parts, or
     * more than asked); confirms it once it is whole.
     */
    async recordReceived(
      organizationId: string,
      paymentId: string,
      received: { add: string } | { total: string },
      origin: RequestOrigin,
      options: { details?: Record<string, string>; requirePending?: boolean } = {},
    ) {
      const result = await withTenant(db, { organizationId }, (tx) =>
        recordReceived(tx, { organizationId, paymentId, received, at: now(), by: null, origin, ...options }),
      );
      if (result.confirmed) await deps.onPaymentConfirmed?.({ organizationId, paymentId });
      return { confirmed: result.confirmed, payment: paymentView(result.payment) };
    },

    /** A refund that left: the operator's SPEI transfer (its tracking key) or the provider's refund id. */
    markRefundIssued: (
      organizationId: string,
      refundId: string,
      reference: string,
      origin: RequestOrigin,
      details?: Record<string, string>,
    ) => refundSender.markIssued(organizationId, refundId, { reference, by: null, origin, details }),

    /** The operator's "reintentar" for a provider refund that keeps failing. */
    retryRefund: (organizationId: string, refundId: string) => refundSender.retry(organizationId, refundId),
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
