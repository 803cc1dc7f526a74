import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { badRequest, conflict } from '../../platform/errors.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { sumMoney } from '../../platform/money.js';
import type { CalendarDay } from './billing-calendar.js';
import { isValidClabe } from './clabe.js';
import type { PaymentGateway } from './payment-gateway.js';
import { lockSubscription } from './payments.js';
import { annualRefund } from './refund.js';
import { transition } from './subscription-machine.js';
import { payments, refunds, subscriptions } from './subscriptions.schema.js';

type SubscriptionRow = typeof subscriptions.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

export interface PlannedRefund {
  payment: PaymentRow;
  total: string;
  base: string;
  iva: string;
  unusedMonths: number;
  /** The provider cannot send this payment back (OXXO): it goes by SPEI to the customer's CLABE. */
  bySpei: boolean;
}

const WHY_NOT: Partial<Record<SubscriptionRow['status'], string>> = {
  trialing: 'Tu prueba gratuita termina sola al cumplirse el mes; no hay nada que suspender.',
  cancel_scheduled: 'Tu suscripción ya termina al final del periodo pagado.',
  canceling: 'Tu suscripción ya está suspendida.',
  canceled: 'Tu suscripción ya está cancelada.',
};

async function paymentOf(tx: Tx, organizationId: string, id: string | null) {
  if (!id) throw new Error(`organization ${organizationId}: a paid period without its payment`);
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.organizationId, organizationId), eq(payments.id, id)));
  if (!row) throw new Error(`payment ${id} not found`);
  return row;
}

/**
 * What suspending today does (BILLING.md): the next state, what goes back and until when access
 * lasts. Read by the preview and by the suspension itself, so the customer is shown exactly what
 * happens.
 */
export async function planSuspension(
  tx: Tx,
  subscription: SubscriptionRow,
  input: { today: CalendarDay; ivaRate: string; gateway: PaymentGateway },
) {
  const { organizationId } = subscription;
  const result = transition(
    { status: subscription.status, interval: subscription.interval, next: subscription.nextInterval },
    { type: 'suspend' },
  );
  if (!result.ok) {
    throw conflict(
      'NOTHING_TO_SUSPEND',
      WHY_NOT[subscription.status] ?? 'Tu suscripción no está activa: no hay nada que suspender.',
    );
  }
  const planned: PlannedRefund[] = [];
  let accessEndsOn =
    subscription.status === 'trialing'
      ? mexicoCityDate(subscription.trialEndsAt)
      : (subscription.currentPeriodEnd as CalendarDay);
  if (result.effects.includes('refund_unused_months')) {
    const payment = await paymentOf(tx, organizationId, subscription.currentPaymentId);
    const split = annualRefund({
      paidTotal: payment.total,
      start: subscription.currentPeriodStart as CalendarDay,
      suspendedOn: input.today,
      ivaRate: input.ivaRate,
    });
    accessEndsOn = split.accessEndsOn;
    if (split.unusedMonths > 0) {
      planned.push({ payment, ...split, bySpei: !input.gateway.canRefund(payment.method) });
    }
  }
  if (result.effects.includes('refund_unstarted_period')) {
    const payment = await paymentOf(tx, organizationId, subscription.nextPaymentId);
    planned.push({
      payment,
      total: payment.total,
      base: payment.base,
      iva: payment.iva,
      unusedMonths: payment.planId === 'annual' ? 12 : 1,
      bySpei: !input.gateway.canRefund(payment.method),
    });
  }
  return { next: result.state, accessEndsOn, refunds: planned };
}

/** The refunds of a suspension as one figure for the customer (base and IVA each add up). */
export function refundSummary(planned: readonly PlannedRefund[]) {
  if (planned.length === 0) return null;
  const add = (key: 'total' | 'base' | 'iva') => sumMoney(planned.map((refund) => refund[key])).toFixed(2);
  return {
    total: add('total'),
    base: add('base'),
    iva: add('iva'),
    unusedMonths: planned.reduce((sum, refund) => sum + refund.unusedMonths, 0),
  };
}

/**
 * Suspends (the caller checked the permission): the subscription moves, each refund is recorded
 * (pending: the provider's are sent after commit; SPEI ones wait for the operator's transfer), and
 * the decision is audited. Refunds by SPEI need a valid CLABE.
 */
export async function suspendSubscription(
  tx: Tx,
  input: {
    organizationId: string;
    userId: string;
    clabe: string | undefined;
    today: CalendarDay;
    ivaRate: string;
    gateway: PaymentGateway;
    origin: RequestOrigin;
  },
) {
  const subscription = await lockSubscription(tx, input.organizationId);
  const plan = await planSuspension(tx, subscription, input);
  if (plan.refunds.some((refund) => refund.bySpei) && !(input.clabe && isValidClabe(input.clabe))) {
    throw badRequest(
      'CLABE_REQUIRED',
      'Para devolverte un pago en efectivo necesitamos una CLABE de 18 dígitos a nombre de tu empresa.',
      [{ path: 'clabe', message: 'Escribe una CLABE válida de 18 dígitos.' }],
    );
  }
  const recorded = [];
  for (const refund of plan.refunds) {
    const [row] = await tx
      .insert(refunds)
      .values({
        organizationId: input.organizationId,
        paymentId: refund.payment.id,
        total: refund.total,
        base: refund.base,
        iva: refund.iva,
        unusedMonths: refund.unusedMonths,
        channel: refund.bySpei ? 'spei' : 'provider',
        clabe: refund.bySpei ? (input.clabe ?? null) : null,
        status: 'pending',
        requestedBy: input.userId,
      })
      .returning();
    if (row) recorded.push({ row, payment: refund.payment });
  }
  await tx
    .update(subscriptions)
    .set({
      status: plan.next.status,
      nextInterval: plan.next.next,
      nextPaymentId: null,
      accessEndsOn: plan.accessEndsOn,
      updatedAt: sql`now()`,
    })
    .where(eq(subscriptions.organizationId, input.organizationId));
  await recordAudit(tx, { organizationId: input.organizationId, userId: input.userId }, input.origin, {
    action: 'subscription.suspended',
    targetType: 'subscription',
    targetId: subscription.id,
    before: { status: subscription.status },
    after: { status: plan.next.status, accessEndsOn: plan.accessEndsOn, refund: refundSummary(plan.refunds) },
  });
  return { plan, recorded };
}
