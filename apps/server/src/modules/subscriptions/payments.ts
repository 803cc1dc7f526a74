import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos, money, toCentavos } from '../../platform/money.js';
import { organizations } from '../organizations/organizations.schema.js';
import { addCalendarMonths } from './billing-calendar.js';
import type { PaymentGateway, StartedPayment } from './payment-gateway.js';
import { planPrice } from './plans.js';
import { type SubscriptionState, transition } from './subscription-machine.js';
import {
  type CardFunding,
  type PaymentMethod,
  type PlanId,
  payments,
  subscriptions,
} from './subscriptions.schema.js';

/** A cash payment above this is not deductible for the customer (LISR art. 27 fr. III). */
const CASH_DEDUCTIBLE_LIMIT = '2000.00';

const intervalOf = (plan: PlanId) => (plan === 'monthly' ? 'month' : 'year');

/** The organization's subscription row, locked: every change of status goes one at a time. */
export async function lockSubscription(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.organizationId, organizationId))
    .for('update');
  if (!row) throw new Error(`organization ${organizationId} has no subscription`);
  return row;
}

/** A payment row, locked (after its subscription's lock: always in that order). */
async function lockPayment(tx: Tx, organizationId: string, paymentId: string) {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.organizationId, organizationId), eq(payments.id, paymentId)))
    .for('update');
  if (!payment) throw notFound('PAYMENT_NOT_FOUND', 'Ese pago no existe.');
  return payment;
}

const stateOf = (row: typeof subscriptions.$inferSelect): SubscriptionState => ({
  status: row.status,
  interval: row.interval,
  next: row.nextInterval,
});

/** "CC" and ten characters of the payment's random id: what a transfer quotes to be matched. */
const referenceOf = (paymentId: string) => `CC${paymentId.replace(/-/g, '').slice(-10).toUpperCase()}`;

/**
 * Opens a payment of a plan by a method (the caller checked the permission): refused when the
 * subscription cannot take a payment now, the provider lacks the method, or OXXO's cap is
 * exceeded; a pending payment of before is replaced. Returns the stored row (instructions empty:
 * `attachInstructions` adds the provider's once it answered, outside this transaction).
 */
export async function openPayment(
  tx: Tx,
  input: {
    organizationId: string;
    plan: PlanId;
    method: PaymentMethod;
    gateway: PaymentGateway;
    ivaRate: string;
    oxxoMaxTotal: string;
  },
) {
  const subscription = await lockSubscription(tx, input.organizationId);
  if (
    !transition(stateOf(subscription), { type: 'payment_confirmed', interval: intervalOf(input.plan) }).ok
  ) {
    throw conflict(
      'NOTHING_TO_PAY',
      subscription.nextInterval
        ? 'Ya pagaste el siguiente periodo: empieza cuando termine el actual.'
        : 'Tu suscripción no admite un pago en este momento.',
    );
  }
  if (!input.gateway.methods.includes(input.method)) {
    throw badRequest(
      'METHOD_UNAVAILABLE',
      'Ese método de pago no está disponible. Elige transferencia SPEI.',
      [{ path: 'method', message: 'Elige otro método de pago.' }],
    );
  }
  const plan = await planPrice(tx, input.plan);
  if (!plan) throw notFound('PLAN_NOT_FOUND', 'Ese plan no existe.');
  const iva = toCentavos(money(plan.price).times(input.ivaRate));
  const total = toCentavos(money(plan.price).plus(iva));
  if (input.method === 'oxxo' && money(total).greaterThan(input.oxxoMaxTotal)) {
    throw badRequest(
      'OXXO_OVER_LIMIT',
      `OXXO acepta pagos de hasta ${formatPesos(input.oxxoMaxTotal)}; este es de ${formatPesos(total)}. Elige SPEI o tarjeta.`,
      [{ path: 'method', message: 'Elige SPEI o tarjeta.' }],
    );
  }
  await tx
    .update(payments)
    .set({ status: 'canceled', updatedAt: new Date() })
    .where(and(eq(payments.organizationId, input.organizationId), eq(payments.status, 'pending')));
  const id = newId();
  const [row] = await tx
    .insert(payments)
    .values({
      organizationId: input.organizationId,
      id,
      planId: input.plan,
      method: input.method,
      provider: input.gateway.provider,
      total,
      base: plan.price,
      iva,
      reference: referenceOf(id),
      instructions: {},
    })
    .returning();
  if (!row) throw new Error('payment insert returned nothing');
  const warnings =
    input.method === 'oxxo' && money(total).greaterThan(CASH_DEDUCTIBLE_LIMIT)
      ? [
          `Un pago en efectivo mayor de ${formatPesos(CASH_DEDUCTIBLE_LIMIT)} no es deducible para tu empresa (LISR art. 27 fr. III). Para deducirlo, paga por SPEI o con tarjeta.`,
        ]
      : [];
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  return {
    payment: row,
    warnings,
    customer: { name: organization?.name ?? '', providerCustomerId: subscription.providerCustomerId },
  };
}

export async function attachInstructions(
  tx: Tx,
  organizationId: string,
  paymentId: string,
  started: StartedPayment,
) {
  const [row] = await tx
    .update(payments)
    .set({
      instructions: started.instructions as unknown as Record<string, unknown>,
      providerPaymentId: started.providerPaymentId,
      expiresAt: started.expiresAt,
      updatedAt: new Date(),
    })
    .where(and(eq(payments.organizationId, organizationId), eq(payments.id, paymentId)))
    .returning();
  if (!row) throw new Error(`payment ${paymentId} vanished`);
  if (started.providerCustomerId) {
    await tx
      .update(subscriptions)
      .set({ providerCustomerId: started.providerCustomerId, updatedAt: sql`now()` })
      .where(eq(subscriptions.organizationId, organizationId));
  }
  return row;
}

/**
 * Confirms a pending payment once (the provider's event, the operator or the sandbox): the
 * subscription moves as the lifecycle says, a period that starts now gets its dates, and the
 * change is audited. A payment confirmed already answers `already: true` and changes nothing.
 */
export async function confirmPayment(
  tx: Tx,
  input: {
    organizationId: string;
    paymentId: string;
    at: Date;
    by: string | null;
    origin: RequestOrigin;
    /** A card payment's funding as the provider reported it (the CFDI's FormaPago follows it). */
    cardFunding?: CardFunding | undefined;
  },
) {
  const subscription = await lockSubscription(tx, input.organizationId);
  const payment = await lockPayment(tx, input.organizationId, input.paymentId);
  if (payment.status === 'succeeded') return { already: true, payment };
  if (payment.status !== 'pending') {
    throw conflict('PAYMENT_CLOSED', 'Ese pago ya no está pendiente: inicia uno nuevo desde tu suscripción.');
  }
  const interval = intervalOf(payment.planId);
  const result = transition(stateOf(subscription), { type: 'payment_confirmed', interval });
  if (!result.ok) throw conflict('NOTHING_TO_PAY', 'Tu suscripción no admite este pago en este momento.');
  const today = mexicoCityDate(input.at);
  // A period that starts now gets its dates and this payment; one paid ahead waits as the next.
  const period = result.effects.includes('start_paid_period')
    ? {
        currentPeriodStart: today,
        currentPeriodEnd: addCalendarMonths(today, interval === 'year' ? 12 : 1),
        currentPaymentId: payment.id,
        nextPaymentId: null,
      }
    : { nextPaymentId: payment.id };
  const [confirmed] = await tx
    .update(payments)
    // A provider confirms a payment when it is whole: what arrived is at least its total.
    .set({
      status: 'succeeded',
      confirmedAt: input.at,
      updatedAt: input.at,
      amountReceived: sql`greatest(${payments.amountReceived}, ${payments.total})`,
      ...(input.cardFunding ? { cardFunding: input.cardFunding } : {}),
    })
    .where(and(eq(payments.organizationId, input.organizationId), eq(payments.id, payment.id)))
    .returning();
  await tx
    .update(subscriptions)
    .set({
      status: result.state.status,
      interval: result.state.interval,
      nextInterval: result.state.next,
      graceEndsAt: null,
      accessEndsOn: null,
      ...period,
      updatedAt: sql`now()`,
    })
    .where(eq(subscriptions.organizationId, input.organizationId));
  const who = { organizationId: input.organizationId, userId: input.by };
  await recordAudit(tx, who, input.origin, {
    action: 'subscription.payment_confirmed',
    targetType: 'payment',
    targetId: payment.id,
    before: { status: subscription.status, interval: subscription.interval, next: subscription.nextInterval },
    after: { ...result.state, ...period, total: payment.total, method: payment.method },
  });
  return { already: false, payment: confirmed ?? payment };
}

/**
 * Records money that arrived for a payment: a SPEI transfer can come in parts or be larger than
 * asked. The running amount is kept; once it covers the total, a pending payment is confirmed.
 * Money for a closed payment, or beyond the total, is kept too: reconciliation shows it to the
 * operator (amount_received ≠ total), who returns or applies it.
 */
export async function recordReceived(
  tx: Tx,
  input: {
    organizationId: string;
    paymentId: string;
    /** This arrival (`add`), or everything received so far as the provider reports it (`total`). */
    received: { add: string } | { total: string };
    at: Date;
    by: string | null;
    origin: RequestOrigin;
    /** Who recorded it and how it is traced (the operator, the transfer's tracking key): kept in the audit. */
    details?: Record<string, string> | undefined;
    /** The operator records money against an open payment only (checked under the lock). */
    requirePending?: boolean;
  },
) {
  await lockSubscription(tx, input.organizationId);
  const payment = await lockPayment(tx, input.organizationId, input.paymentId);
  if (input.requirePending && payment.status !== 'pending') {
    throw conflict(
      'PAYMENT_CLOSED',
      'Ese pago ya no está pendiente: regístralo contra el pago pendiente del cliente.',
    );
  }
  const receivedTotal =
    'add' in input.received
      ? money(payment.amountReceived).plus(input.received.add)
      : money(input.received.total);
  if (receivedTotal.lessThan(payment.amountReceived)) return { confirmed: false, payment };
  const [updated] = await tx
    .update(payments)
    .set({ amountReceived: toCentavos(receivedTotal), updatedAt: input.at })
    .where(and(eq(payments.organizationId, input.organizationId), eq(payments.id, payment.id)))
    .returning();
  await recordAudit(tx, { organizationId: input.organizationId, userId: input.by }, input.origin, {
    action: 'subscription.payment_received',
    targetType: 'payment',
    targetId: payment.id,
    before: { amountReceived: payment.amountReceived, status: payment.status },
    after: { amountReceived: toCentavos(receivedTotal), total: payment.total, ...input.details },
  });
  if (payment.status !== 'pending' || receivedTotal.lessThan(payment.total)) {
    return { confirmed: false, payment: updated ?? payment };
  }
  const confirmed = await confirmPayment(tx, input);
  return { confirmed: !confirmed.already, payment: confirmed.payment };
}

/**
 * A pending payment the provider gave up on (an OXXO voucher or a card page that expired): it is
 * closed as expired, so the customer starts another. A payment decided already is left as it is.
 */
export async function expirePayment(
  tx: Tx,
  input: { organizationId: string; paymentId: string; at: Date; origin: RequestOrigin },
) {
  const [expired] = await tx
    .update(payments)
    .set({ status: 'expired', updatedAt: input.at })
    .where(
      and(
        eq(payments.organizationId, input.organizationId),
        eq(payments.id, input.paymentId),
        eq(payments.status, 'pending'),
      ),
    )
    .returning();
  if (!expired) return false;
  await recordAudit(tx, { organizationId: input.organizationId, userId: null }, input.origin, {
    action: 'subscription.payment_expired',
    targetType: 'payment',
    targetId: expired.id,
    before: { status: 'pending' },
    after: { status: 'expired' },
  });
  return true;
}
