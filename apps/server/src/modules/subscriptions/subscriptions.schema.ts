import { sql } from 'drizzle-orm';
import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { organizations } from '../organizations/organizations.schema.js';
import { SUBSCRIPTION_STATUSES } from './subscription-machine.js';

export const PLAN_IDS = ['monthly', 'annual'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
const INTERVALS = ['month', 'year'] as const;

/**
 * The plans on sale: global reference data (no tenant), written at start from configuration
 * (PLAN_MONTHLY_PRICE, PLAN_ANNUAL_PRICE), read by everyone. Prices are pesos before IVA.
 */
export const plans = pgTable('plans', {
  id: text('id', { enum: PLAN_IDS }).primaryKey(),
  interval: text('interval', { enum: INTERVALS }).notNull(),
  price: moneyColumn('price', 12).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An organization's subscription (one each, from sign-up): its status as subscription-machine.ts
 * decides it, the plan of the period in course and of one paid ahead, and the dates its timers
 * fire on. A tenant table under RLS (migration 0025).
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull().default('trialing'),
    interval: text('interval', { enum: INTERVALS }),
    nextInterval: text('next_interval', { enum: INTERVALS }),
    /** Sign-up + 1 calendar month, same wall-clock time in Mexico City. */
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }).notNull(),
    /** The paid period in course [start, end), Mexico City calendar days. */
    currentPeriodStart: date('current_period_start', { mode: 'string' }),
    currentPeriodEnd: date('current_period_end', { mode: 'string' }),
    /** When a missed payment turns into read-only (awaiting_payment → expired, past_due → unpaid). */
    graceEndsAt: timestamp('grace_ends_at', { withTimezone: true }),
    /** Canceling: access lasts until this day (the end of the month slice in course). */
    accessEndsOn: date('access_ends_on', { mode: 'string' }),
    /** The payment of the period in course, and of the one paid ahead: what a suspension refunds. */
    currentPaymentId: uuid('current_payment_id'),
    nextPaymentId: uuid('next_payment_id'),
    /** The last notice emailed (e.g. "trial-7", "renewal-2026-05-10"): each is sent once. */
    lastNotice: text('last_notice'),
    /** The provider's customer (Stripe: `cus_…`, which holds the organization's own SPEI CLABE). */
    providerCustomerId: text('provider_customer_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('subscriptions_organization_key').on(table.organizationId),
  ],
);

export const PAYMENT_METHODS = ['card', 'spei', 'oxxo'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_PROVIDERS = ['sandbox', 'manual', 'stripe'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
export const CARD_FUNDINGS = ['credit', 'debit', 'prepaid', 'unknown'] as const;
export type CardFunding = (typeof CARD_FUNDINGS)[number];
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'expired', 'canceled'] as const;
const money = (name: string) => moneyColumn(name, 12).notNull();

/**
 * A payment of a subscription period: opened by checkout (pending, with the instructions the
 * provider gave), confirmed once by the provider's event, the operator or the sandbox. Its
 * amounts are fixed when it opens (the plan's price then, IVA split). Another checkout replaces a
 * pending one (one pending payment per organization). A tenant table under RLS (migration 0027).
 */
export const payments = pgTable(
  'payments',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    planId: text('plan_id', { enum: PLAN_IDS }).notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    total: money('total'),
    base: money('base'),
    iva: money('iva'),
    /** What the customer quotes (SPEI concept, OXXO reference): matches a transfer to its payment. */
    reference: text('reference').notNull(),
    /** What the customer needs to pay (CLABE, OXXO reference and expiry, card client secret). */
    instructions: jsonb('instructions').$type<Record<string, unknown>>().notNull(),
    providerPaymentId: text('provider_payment_id'),
    /** What arrived so far (SPEI can come in parts, or more than asked): reconciliation compares it with total. */
    amountReceived: moneyColumn('amount_received', 12).notNull().default('0'),
    /** A card's funding as the provider reported it: credit → FormaPago 04, debit/prepaid → 28. */
    cardFunding: text('card_funding', { enum: CARD_FUNDINGS }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('payments_one_pending_key').on(table.organizationId).where(sql`status = 'pending'`),
    uniqueIndex('payments_reference_key').on(table.reference),
    uniqueIndex('payments_provider_payment_key').on(table.provider, table.providerPaymentId),
  ],
);

export const REFUND_STATUSES = ['pending', 'issued'] as const;

/**
 * Money going back when a customer suspends (BILLING.md): the whole unused months of an annual
 * plan, or a period paid ahead that never started. Through the provider when it can refund the
 * payment (issued at once), else by SPEI to the CLABE the customer gave (pending until the
 * operator records the transfer). One refund per payment. A tenant table under RLS (migration 0029).
 */
export const refunds = pgTable(
  'refunds',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    paymentId: uuid('payment_id').notNull(),
    total: money('total'),
    base: money('base'),
    iva: money('iva'),
    unusedMonths: integer('unused_months').notNull(),
    /** provider: back through the payment's provider; spei: a transfer to `clabe`. */
    channel: text('channel', { enum: ['provider', 'spei'] }).notNull(),
    clabe: text('clabe'),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    providerRefundId: text('provider_refund_id'),
    /** Why the provider refused the last attempt (a job retries it; the operator sees it). */
    lastError: text('last_error'),
    attempts: integer('attempts').notNull().default(0),
    requestedBy: uuid('requested_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('refunds_payment_key').on(table.organizationId, table.paymentId),
  ],
);

/**
 * Every event a payment provider sent (webhooks), stored before it is acted on: the unique
 * (provider, event_id) makes a redelivered event a no-op, and a job processes each stored event
 * once (processed_at, outcome). Platform data, not a tenant's: written and read as app_system.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** What processing did ("confirmed", "ignored: unknown payment", …): the operator reads it. */
    outcome: text('outcome'),
  },
  (table) => [uniqueIndex('payment_events_provider_event_key').on(table.provider, table.eventId)],
);
