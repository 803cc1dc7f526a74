import { sql } from 'drizzle-orm';
import { check, foreignKey, pgTable, primaryKey, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { expenseCategories } from '../categories/categories.schema.js';
import { organizations } from '../organizations/organizations.schema.js';

// Tenant table with row-level security (migration 0013).

/**
 * Spending limits of an organization: one row for the whole organization (no category) and
 * optional rows per category, which take precedence. Broken limits are findings, not refusals.
 */
export const expenseLimitPolicies = pgTable(
  'expense_limit_policies',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    categoryId: uuid('category_id'),
    maxPerExpense: moneyColumn('max_per_expense'),
    cfdiRequiredAbove: moneyColumn('cfdi_required_above'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('expense_limit_policies_scope_key').on(
      table.organizationId,
      sql`coalesce(${table.categoryId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    foreignKey({
      columns: [table.organizationId, table.categoryId],
      foreignColumns: [expenseCategories.organizationId, expenseCategories.id],
      name: 'expense_limit_policies_category_fk',
    }),
    check(
      'expense_limit_policies_positive',
      sql`coalesce(max_per_expense, 1) > 0 AND coalesce(cfdi_required_above, 0) >= 0`,
    ),
  ],
);

/**
 * Four-eyes rule for funds: increasing, decreasing or closing a fund by more than this amount
 * waits for a second manager's approval. One row per organization; no row = no second approval.
 */
export const fundChangePolicies = pgTable(
  'fund_change_policies',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    secondApprovalAbove: moneyColumn('second_approval_above').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('fund_change_policies_organization_key').on(table.organizationId),
    check('fund_change_policies_non_negative', sql`second_approval_above >= 0`),
  ],
);
