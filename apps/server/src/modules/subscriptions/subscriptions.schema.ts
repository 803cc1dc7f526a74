import { date, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  price: numeric('price', { precision: 12, scale: 2 }).notNull(),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('subscriptions_organization_key').on(table.organizationId),
  ],
);
