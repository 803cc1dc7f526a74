import { date, integer, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { organizations } from '../organizations/organizations.schema.js';

const rolledAmount = (name: string) => moneyColumn(name, 16).notNull().default('0');

/**
 * The dashboard's read model: each organization's spending summed by month, fund, category and cost
 * center (discarded and rejected expenses excluded, as every report does), kept by statement
 * triggers on expenses (migration 0023), never written by code. The summary reads a few hundred of
 * these rows instead of every expense of the range; only the days at the edges of a range that
 * covers part of a month are read from the expenses themselves. A tenant table under RLS, keyed by
 * its grouping (there is no row identity to keep: a row is a sum).
 */
export const expenseRollups = pgTable(
  'expense_rollups',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The first day of the expenses' month. */
    month: date('month', { mode: 'string' }).notNull(),
    fundId: uuid('fund_id'),
    categoryId: uuid('category_id'),
    costCenterId: uuid('cost_center_id'),
    count: integer('count').notNull().default(0),
    total: rolledAmount('total'),
    /** Submitted, awaiting approval. */
    pendingCount: integer('pending_count').notNull().default(0),
    pendingTotal: rolledAmount('pending_total'),
    /** Its findings put the deduction at risk (expense_is_non_deductible, migration 0023). */
    nonDeductibleCount: integer('non_deductible_count').notNull().default(0),
    nonDeductibleTotal: rolledAmount('non_deductible_total'),
    /** Without a CFDI yet ("factura pendiente"). */
    awaitingCount: integer('awaiting_count').notNull().default(0),
    awaitingTotal: rolledAmount('awaiting_total'),
  },
  (table) => [
    unique('expense_rollups_key')
      .on(table.organizationId, table.month, table.fundId, table.categoryId, table.costCenterId)
      .nullsNotDistinct(),
  ],
);
