import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../platform/auth/permissions.js';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { costCenters, expenseCategories } from '../categories/categories.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';

// Tenant tables with row-level security (migration 0017).

const amount = (name: string) => moneyColumn(name);

/** Who decides one level of an approval: anyone holding a role, or one named person. */
export type ApproverSpec = { role: Role } | { membershipId: string };

/**
 * An approval rule: when an expense matches its conditions (amount range, category, fund, cost
 * center; null = any), it needs these levels in order, or is approved automatically. Rules are
 * tried by position; the first match decides. No match: one level, anyone who may approve.
 */
export const approvalRules = pgTable(
  'approval_rules',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    minAmount: amount('min_amount'),
    maxAmount: amount('max_amount'),
    categoryId: uuid('category_id'),
    fundId: uuid('fund_id'),
    costCenterId: uuid('cost_center_id'),
    autoApprove: boolean('auto_approve').notNull().default(false),
    levels: jsonb('levels').$type<ApproverSpec[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    index('approval_rules_position_idx').on(table.organizationId, table.position),
    foreignKey({
      columns: [table.organizationId, table.categoryId],
      foreignColumns: [expenseCategories.organizationId, expenseCategories.id],
      name: 'approval_rules_category_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'approval_rules_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.costCenterId],
      foreignColumns: [costCenters.organizationId, costCenters.id],
      name: 'approval_rules_cost_center_fk',
    }),
    check(
      'approval_rules_range',
      sql`coalesce(min_amount, 0) >= 0 AND (max_amount IS NULL OR max_amount >= coalesce(min_amount, 0))`,
    ),
    check(
      'approval_rules_levels',
      sql`jsonb_typeof(levels) = 'array' AND (auto_approve OR jsonb_array_length(levels) BETWEEN 1 AND 5)`,
    ),
  ],
);

export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * An expense's approval chain, fixed when it is submitted: one step per level. The current step
 * is `pending`, later ones `waiting`; the last approval approves the expense, any rejection
 * rejects it (the steps after it are `skipped`).
 */
export const expenseApprovalSteps = pgTable(
  'expense_approval_steps',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    expenseId: uuid('expense_id').notNull(),
    level: integer('level').notNull(),
    ruleId: uuid('rule_id'),
    approverRole: text('approver_role'),
    approverId: uuid('approver_id'),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('expense_approval_steps_level_key').on(table.organizationId, table.expenseId, table.level),
    // The inbox: pending steps of the organization.
    index('expense_approval_steps_pending_idx')
      .on(table.organizationId, table.approverRole, table.approverId)
      .where(sql`status = 'pending'`),
    foreignKey({
      columns: [table.organizationId, table.expenseId],
      foreignColumns: [expenses.organizationId, expenses.id],
      name: 'expense_approval_steps_expense_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.ruleId],
      foreignColumns: [approvalRules.organizationId, approvalRules.id],
      name: 'expense_approval_steps_rule_fk',
    }),
    check('expense_approval_steps_level_positive', sql`level >= 1`),
    check('expense_approval_steps_approver', sql`(approver_role IS NULL) <> (approver_id IS NULL)`),
    check(
      'expense_approval_steps_decided',
      sql`(status IN ('approved', 'rejected')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)`,
    ),
    check('expense_approval_steps_reason', sql`status <> 'rejected' OR reason IS NOT NULL`),
  ],
);
