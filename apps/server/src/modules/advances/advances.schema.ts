import { sql } from 'drizzle-orm';
import {
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
import { fundMovements, funds } from '../funds/funds.schema.js';
import { memberships } from '../organizations/organizations.schema.js';

// Tenant table with row-level security (migration 0017).

const amount = (name: string) => moneyColumn(name);

export const ADVANCE_STATUSES = ['open', 'settled', 'canceled'] as const;
export const ADVANCE_METHODS = ['fund_cash', 'transfer'] as const;
/** Viáticos: travel in Mexico or abroad changes the deductible limits per day (LISR art. 28 fr. V). */
export const TRIP_SCOPES = ['national', 'abroad'] as const;

/**
 * An advance (gasto por comprobar / viáticos): money handed to a person before spending it, in
 * cash from a fund (moves the fund's ledger) or by bank transfer (outside any fund). Expenses are
 * submitted against it; the settlement returns what was not spent or pays back the excess.
 */
export const advances = pgTable(
  'advances',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    /** 1, 2, 3… per organization: the folio people quote. */
    folio: integer('folio').notNull(),
    employeeId: uuid('employee_id').notNull(),
    purpose: text('purpose').notNull(),
    amount: amount('amount').notNull(),
    method: text('method', { enum: ADVANCE_METHODS }).notNull(),
    fundId: uuid('fund_id'),
    transferReference: text('transfer_reference'),
    status: text('status', { enum: ADVANCE_STATUSES }).notNull().default('open'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    tripScope: text('trip_scope', { enum: TRIP_SCOPES }),
    tripStart: date('trip_start', { mode: 'string' }),
    tripEnd: date('trip_end', { mode: 'string' }),
    handedOutBy: uuid('handed_out_by').notNull(),
    handedOutAt: timestamp('handed_out_at', { withTimezone: true }).notNull().defaultNow(),
    movementId: uuid('movement_id'),
    /** At settlement: the expenses proved, the cash returned (> 0) or the excess paid back (< 0). */
    settledExpenses: amount('settled_expenses'),
    settledDifference: amount('settled_difference'),
    settlementMethod: text('settlement_method', { enum: ADVANCE_METHODS }),
    settlementReference: text('settlement_reference'),
    settlementMovementId: uuid('settlement_movement_id'),
    settledBy: uuid('settled_by'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('advances_folio_key').on(table.organizationId, table.folio),
    index('advances_employee_idx').on(table.organizationId, table.employeeId, table.status),
    foreignKey({
      columns: [table.organizationId, table.employeeId],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'advances_employee_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'advances_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.movementId],
      foreignColumns: [fundMovements.organizationId, fundMovements.id],
      name: 'advances_movement_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.settlementMovementId],
      foreignColumns: [fundMovements.organizationId, fundMovements.id],
      name: 'advances_settlement_movement_fk',
    }),
    check('advances_amount_positive', sql`amount > 0`),
    // In cash it comes from a fund (and its movement); by transfer it is outside any fund.
    check(
      'advances_method_fund',
      sql`(method = 'fund_cash' AND fund_id IS NOT NULL) OR (method = 'transfer' AND fund_id IS NULL AND movement_id IS NULL)`,
    ),
    check('advances_trip_dates', sql`trip_start IS NULL OR trip_end IS NULL OR trip_end >= trip_start`),
    check(
      'advances_settled',
      sql`(status = 'settled') = (settled_at IS NOT NULL AND settled_expenses IS NOT NULL AND settled_difference IS NOT NULL)`,
    ),
    check(
      'advances_settled_balance',
      sql`settled_expenses IS NULL OR settled_expenses - amount = -settled_difference`,
    ),
  ],
);
