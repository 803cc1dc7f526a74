import { and, desc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { withTenant } from '../../platform/tenancy.js';
import { addMonthsInMexico } from './billing-calendar.js';
import type { PaymentGateway, PaymentInstructions } from './payment-gateway.js';
import { attachInstructions, confirmPayment, lockSubscription, openPayment } from './payments.js';
import { planViews } from './plans.js';
import { isReadOnly, transition } from './subscription-machine.js';
import { type PaymentMethod, type PlanId, payments, refunds, subscriptions } from './subscriptions.schema.js';
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
  /** Told after each payment is confirmed (after commit; a crash between is what reconciliation finds). */
  onPaymentConfirmed?: (event: PaymentConfirmed) => Promise<void>;
}) {
  const { db, config, gateway } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function confirm(
    actor: Actor | null,
    organizationId: string,
    paymentId: string,
    origin: RequestOrigin,
  ) {
    const result = await withTenant(db, { organizationId, userId: actor?.userId ?? null }, (tx) =>
      confirmPayment(tx, { organizationId, paymentId, at: now(), by: actor?.userId ?? null, origin }),
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
        started = await gateway.start({
          id: payment.id,
          method: payment.method,
          total: payment.total,
          reference: payment.reference,
          description: `CajaChica, plan ${payment.planId === 'monthly' ? 'mensual' : 'anual'}`,
          customerEmail: actor.email,
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
      for (const { row, payment } of recorded) {
        if (row.channel !== 'provider') continue;
        // A refund the provider refused stays pending for the operator; the idempotency key makes a retry refund once.
        try {
          const sent = await gateway.refund({
            providerPaymentId: payment.providerPaymentId,
            total: row.total,
            idempotencyKey: `refund:${payment.id}:${row.id}`,
          });
          await withTenant(db, scope(actor), (tx) =>
            tx
              .update(refunds)
              .set({ status: 'issued', providerRefundId: sent.providerRefundId, issuedAt: now() })
              .where(and(eq(refunds.organizationId, actor.organizationId), eq(refunds.id, row.id))),
          );
        } catch (error) {
          deps.log?.error(
            { err: error, refundId: row.id },
            'refund through the provider failed; left pending',
          );
        }
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
    confirmPayment: (organizationId: string, paymentId: string, origin: RequestOrigin) =>
      confirm(null, organizationId, paymentId, origin),
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
