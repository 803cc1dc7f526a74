import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.js';
import { users } from '../accounts/accounts.schema.js';

// Tenant tables: keyed (organization_id, id), row-level security in migration 0001.

/** The tenant itself; its id is every other tenant row's organization_id. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

const ROLE_CHECK = sql`roles <@ ARRAY['owner','admin','approver','custodian','employee','accountant','auditor']::text[] AND cardinality(roles) > 0`;

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('memberships_user_key').on(table.organizationId, table.userId),
    index('memberships_user_idx').on(table.userId),
    // At most one owner per organization, enforced by the database; transfers keep exactly one.
    uniqueIndex('memberships_one_owner_key')
      .on(table.organizationId)
      .where(sql`'owner' = ANY(${table.roles})`),
    check('memberships_roles_check', ROLE_CHECK),
    check('memberships_owner_active_check', sql`active OR NOT ('owner' = ANY(roles))`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('invitations_token_key').on(table.organizationId, table.tokenHash),
    foreignKey({
      columns: [table.organizationId, table.invitedBy],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'invitations_invited_by_fk',
    }),
    check('invitations_roles_check', ROLE_CHECK),
  ],
);

/** The organization's fiscal data as on its Constancia de Situación Fiscal: the receptor of its invoices. */
export const organizationFiscalData = pgTable(
  'organization_fiscal_data',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    rfc: text('rfc').notNull(),
    legalName: text('legal_name').notNull(),
    taxRegime: text('tax_regime').notNull(),
    postalCode: text('postal_code').notNull(),
    cfdiUse: text('cfdi_use').notNull(),
    invoiceEmail: text('invoice_email').notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('organization_fiscal_data_org_key').on(table.organizationId),
    check('organization_fiscal_data_postal_code_check', sql`postal_code ~ '^[0-9]{5}$'`),
  ],
);
