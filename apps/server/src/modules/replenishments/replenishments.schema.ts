import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { fundMovements, funds } from '../funds/funds.schema.js';
import { memberships } from '../organizations/organizations.schema.js';

// Tenant tables with row-level security (migration 0017).

const amount = (name: string) => moneyColumn(name);

export const REPLENISHMENT_STATUSES = ['requested', 'approved', 'paid', 'canceled'] as const;
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number];

/**
 * A reposición: the fund's approved vouchers (and counted shortages/overages) grouped into one
 * payment to the custodian, which puts the fund's cash back to its authorized amount.
 * I4: its total equals its active items, and no voucher is in two active replenishments.
 */
export const replenishments = pgTable(
  'replenishments',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    /** 1, 2, 3… per organization: the folio of the reposición and of its póliza. */
    folio: integer('folio').notNull(),
    fundId: uuid('fund_id').notNull(),
    status: text('status', { enum: REPLENISHMENT_STATUSES }).notNull().default('requested'),
    total: amount('total').notNull(),
    /** Requested by the product when cash fell under the fund's threshold (requestedBy is null). */
    automatic: boolean('automatic').notNull().default(false),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    satCheckedAt: timestamp('sat_checked_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidBy: uuid('paid_by'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paymentDate: date('payment_date', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    movementId: uuid('movement_id'),
    canceledBy: uuid('canceled_by'),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('replenishments_folio_key').on(table.organizationId, table.folio),
    index('replenishments_fund_idx').on(table.organizationId, table.fundId, table.status),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'replenishments_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.requestedBy],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'replenishments_requester_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.movementId],
      foreignColumns: [fundMovements.organizationId, fundMovements.id],
      name: 'replenishments_movement_fk',
    }),
    check('replenishments_total_positive', sql`total > 0`),
    check('replenishments_requester', sql`automatic OR requested_by IS NOT NULL`),
    check(
      'replenishments_paid',
      sql`(status = 'paid') = (paid_at IS NOT NULL AND movement_id IS NOT NULL AND payment_date IS NOT NULL)`,
    ),
    check('replenishments_approved', sql`status NOT IN ('approved', 'paid') OR approved_at IS NOT NULL`),
  ],
);

export const REPLENISHMENT_ITEM_SOURCES = ['expense', 'cash_count'] as const;

/**
 * One voucher of a replenishment: an approved expense, or a cash count's shortage (positive) or
 * overage (negative). `active` is false once excluded (e.g. cancelled at SAT) or when the
 * replenishment is canceled: only active items count and only one active item per voucher exists.
 */
export const replenishmentItems = pgTable(
  'replenishment_items',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    replenishmentId: uuid('replenishment_id').notNull(),
    sourceType: text('source_type', { enum: REPLENISHMENT_ITEM_SOURCES }).notNull(),
    expenseId: uuid('expense_id'),
    cashCountId: uuid('cash_count_id'),
    amount: amount('amount').notNull(),
    active: boolean('active').notNull().default(true),
    excludedReason: text('excluded_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    index('replenishment_items_replenishment_idx').on(table.organizationId, table.replenishmentId),
    // I4: a voucher is never replenished twice.
    uniqueIndex('replenishment_items_expense_once')
      .on(table.organizationId, table.expenseId)
      .where(sql`active AND expense_id IS NOT NULL`),
    uniqueIndex('replenishment_items_cash_count_once')
      .on(table.organizationId, table.cashCountId)
      .where(sql`active AND cash_count_id IS NOT NULL`),
    foreignKey({
      columns: [table.organizationId, table.replenishmentId],
      foreignColumns: [replenishments.organizationId, replenishments.id],
      name: 'replenishment_items_replenishment_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.expenseId],
      foreignColumns: [expenses.organizationId, expenses.id],
      name: 'replenishment_items_expense_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.cashCountId],
      foreignColumns: [cashCounts.organizationId, cashCounts.id],
      name: 'replenishment_items_cash_count_fk',
    }),
    check(
      'replenishment_items_source',
      sql`(source_type = 'expense' AND expense_id IS NOT NULL AND cash_count_id IS NULL AND amount > 0) OR (source_type = 'cash_count' AND cash_count_id IS NOT NULL AND expense_id IS NULL AND amount <> 0)`,
    ),
  ],
);
