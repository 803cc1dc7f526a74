import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
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
import { costCenters } from '../categories/categories.schema.js';
import { memberships, organizations } from '../organizations/organizations.schema.js';

// Tenant tables with row-level security (migration 0007). The balance columns of a fund are
// written only by the database, from its movements (trigger apply_fund_movement): the app role
// may insert movements and read funds, never set a balance or edit a movement.

const amount = (name: string) => moneyColumn(name);

export const FUND_STATUSES = ['open', 'closed'] as const;

/** A petty-cash fund (fondo fijo): its balances are the running sums of its movements. */
export const funds = pgTable(
  'funds',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    custodianId: uuid('custodian_id').notNull(),
    costCenterId: uuid('cost_center_id'),
    currency: text('currency').notNull().default('MXN'),
    authorizedAmount: amount('authorized_amount').notNull().default('0'),
    cash: amount('cash').notNull().default('0'),
    pendingVouchers: amount('pending_vouchers').notNull().default('0'),
    openAdvances: amount('open_advances').notNull().default('0'),
    replenishmentThreshold: amount('replenishment_threshold').notNull().default('0'),
    status: text('status', { enum: FUND_STATUSES }).notNull().default('open'),
    movementCount: integer('movement_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('funds_name_key').on(table.organizationId, sql`lower(${table.name})`),
    foreignKey({
      columns: [table.organizationId, table.custodianId],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'funds_custodian_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.costCenterId],
      foreignColumns: [costCenters.organizationId, costCenters.id],
      name: 'funds_cost_center_fk',
    }),
    check('funds_currency_check', sql`currency = 'MXN'`),
    check('funds_status_check', sql`status IN ('open', 'closed')`),
    // I3: the box never holds negative cash ("fondos insuficientes").
    check('funds_cash_non_negative', sql`cash >= 0`),
    check('funds_open_advances_non_negative', sql`open_advances >= 0`),
    check('funds_threshold_non_negative', sql`replenishment_threshold >= 0`),
    // I2: cash + pending vouchers + open advances = authorized amount, always.
    check('funds_imprest_balance', sql`cash + pending_vouchers + open_advances = authorized_amount`),
    check(
      'funds_closed_empty',
      sql`status = 'open' OR (authorized_amount = 0 AND pending_vouchers = 0 AND open_advances = 0)`,
    ),
  ],
);

export const MOVEMENT_KINDS = [
  'fund_opened',
  'fund_increased',
  'fund_decreased',
  'fund_closed',
  'expense_paid_from_fund',
  'expense_discarded',
  'rejected_amount_recovered',
  'employee_reimbursed_in_cash',
  'advance_paid_in_cash',
  'advance_settled',
  'cash_count_shortage',
  'cash_count_overage',
  'replenishment_paid',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The fund's append-only ledger: each row moves cash, pending vouchers, open advances and the authorized amount. */
export const fundMovements = pgTable(
  'fund_movements',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    fundId: uuid('fund_id').notNull(),
    /** 1, 2, 3… per fund, set by the database in the order movements were applied. */
    sequence: integer('sequence').notNull().default(0),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    amount: amount('amount').notNull(),
    cashDelta: amount('cash_delta').notNull(),
    pendingDelta: amount('pending_delta').notNull(),
    advancesDelta: amount('advances_delta').notNull(),
    authorizedDelta: amount('authorized_delta').notNull(),
    // Balances after this movement, set by the database (a ledger reads without re-summing).
    cashAfter: amount('cash_after').notNull().default('0'),
    pendingAfter: amount('pending_after').notNull().default('0'),
    advancesAfter: amount('advances_after').notNull().default('0'),
    authorizedAfter: amount('authorized_after').notNull().default('0'),
    /** What caused it: an expense, an advance, a cash count, a replenishment (null for fund changes). */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    memo: text('memo'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('fund_movements_sequence_key').on(table.organizationId, table.fundId, table.sequence),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'fund_movements_fund_fk',
    }),
    check('fund_movements_amount_positive', sql`amount > 0`),
    // I1: every movement balances — what the box gains or owes equals the change in the authorized amount.
    check('fund_movements_balanced', sql`cash_delta + pending_delta + advances_delta = authorized_delta`),
  ],
);

export const FUND_CHANGE_KINDS = ['increase', 'decrease', 'close'] as const;
export type FundChangeKind = (typeof FUND_CHANGE_KINDS)[number];
export const FUND_CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'canceled'] as const;

/**
 * A change to a fund's authorized amount that waits for a second person (the organization's
 * fund-change policy sets the amount above which one is needed). Approving applies the change as a
 * ledger movement; the database refuses a decision by the person who asked.
 */
export const fundChangeRequests = pgTable(
  'fund_change_requests',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    fundId: uuid('fund_id').notNull(),
    kind: text('kind', { enum: FUND_CHANGE_KINDS }).notNull(),
    amount: amount('amount').notNull(),
    memo: text('memo'),
    status: text('status', { enum: FUND_CHANGE_STATUSES }).notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    movementId: uuid('movement_id'),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    // One open request per fund: a second would be decided against balances the first may change.
    uniqueIndex('fund_change_requests_one_pending')
      .on(table.organizationId, table.fundId)
      .where(sql`status = 'pending'`),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'fund_change_requests_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.requestedBy],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'fund_change_requests_requester_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.movementId],
      foreignColumns: [fundMovements.organizationId, fundMovements.id],
      name: 'fund_change_requests_movement_fk',
    }),
    check('fund_change_requests_amount_positive', sql`amount > 0`),
    check(
      'fund_change_requests_decided',
      sql`(status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)`,
    ),
    // The second person: an approval or rejection by the requester is refused by the database.
    check(
      'fund_change_requests_second_person',
      sql`status NOT IN ('approved', 'rejected') OR decided_by <> requested_by`,
    ),
    check('fund_change_requests_applied', sql`movement_id IS NULL OR status = 'approved'`),
  ],
);
