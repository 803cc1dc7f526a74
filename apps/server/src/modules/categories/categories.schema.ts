import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.js';
import { organizations } from '../organizations/organizations.schema.js';

// Tenant tables: keyed (organization_id, id), row-level security in migration 0007.

/** Petty-cash expense categories, each mapped to an account of the SAT código agrupador (Anexo 24). */
export const expenseCategories = pgTable(
  'expense_categories',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Código agrupador SAT, e.g. 601.55 (papelería y artículos de oficina). */
    satAccountCode: text('sat_account_code').notNull(),
    /** The organization's own account in its chart (for journal exports); optional. */
    accountCode: text('account_code'),
    /** Usos del CFDI consistent with this kind of expense; a CFDI with another use gets a finding. */
    cfdiUses: text('cfdi_uses').array().notNull(),
    /** Fuel paid in cash is not deductible (LISR art. 27 fr. III): the rules need to know. */
    isFuel: boolean('is_fuel').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('expense_categories_code_key').on(table.organizationId, table.code),
    check('expense_categories_sat_account_check', sql`sat_account_code ~ '^[0-9]{3}(\\.[0-9]{2})?$'`),
  ],
);

/** Cost centers (centros de costos): branches, departments, projects. */
export const costCenters = pgTable(
  'cost_centers',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('cost_centers_code_key').on(table.organizationId, table.code),
  ],
);
