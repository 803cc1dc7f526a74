import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { advances } from '../advances/advances.schema.js';
import { costCenters, expenseCategories } from '../categories/categories.schema.js';
import { funds } from '../funds/funds.schema.js';
import { memberships, organizations } from '../organizations/organizations.schema.js';
import { EXPENSE_STATUSES, PAYMENT_METHODS } from './expense-status.js';

// Tenant tables with row-level security (migration 0009).

/** CFDI amounts keep their own decimals (up to 6); totalMxn is what moves a fund, to the centavo. */
const cfdiAmount = (name: string) => numeric(name, { precision: 20, scale: 6 });

export interface StoredFinding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  category?: string;
}

/** Kinds of travel expense with their own per-day deductible limit; `other` has none. */
export const TRAVEL_KINDS = ['food', 'lodging', 'car_rental', 'other'] as const;

export const SAT_STATUSES = ['not_checked', 'unverified', 'vigente', 'cancelado', 'no_encontrado'] as const;

export const expenses = pgTable(
  'expenses',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    /** The person the expense belongs to (who spent; who is reimbursed when paymentMethod = employee). */
    spenderId: uuid('spender_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fundId: uuid('fund_id'),
    status: text('status', { enum: EXPENSE_STATUSES }).notNull().default('draft'),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    expenseDate: date('expense_date', { mode: 'string' }).notNull(),
    concept: text('concept').notNull(),
    categoryId: uuid('category_id'),
    costCenterId: uuid('cost_center_id'),
    supplierRfc: text('supplier_rfc'),
    supplierName: text('supplier_name'),
    currency: text('currency').notNull().default('MXN'),
    exchangeRate: numeric('exchange_rate', { precision: 20, scale: 6 }),
    subtotal: cfdiAmount('subtotal').notNull(),
    discount: cfdiAmount('discount').notNull().default('0'),
    ivaTransferred: cfdiAmount('iva_transferred').notNull().default('0'),
    iepsTransferred: cfdiAmount('ieps_transferred').notNull().default('0'),
    isrWithheld: cfdiAmount('isr_withheld').notNull().default('0'),
    ivaWithheld: cfdiAmount('iva_withheld').notNull().default('0'),
    localTaxesTransferred: cfdiAmount('local_taxes_transferred').notNull().default('0'),
    localTaxesWithheld: cfdiAmount('local_taxes_withheld').notNull().default('0'),
    total: cfdiAmount('total').notNull(),
    totalMxn: moneyColumn('total_mxn').notNull(),
    /** No CFDI yet ("factura pendiente"): a ticket stands in until the XML is attached. */
    invoicePending: boolean('invoice_pending').notNull().default(false),
    cfdiUuid: text('cfdi_uuid'),
    cfdiVersion: text('cfdi_version'),
    cfdiType: text('cfdi_type'),
    cfdiIssuedAt: text('cfdi_issued_at'),
    cfdiUse: text('cfdi_use'),
    cfdiPaymentForm: text('cfdi_payment_form'),
    cfdiPaymentMethod: text('cfdi_payment_method'),
    cfdiReceiverRfc: text('cfdi_receiver_rfc'),
    /** Last 8 characters of the Sello: SAT's status query and the QR need them. */
    cfdiSealTail: text('cfdi_seal_tail'),
    satStatus: text('sat_status', { enum: SAT_STATUSES }).notNull().default('not_checked'),
    satCheckedAt: timestamp('sat_checked_at', { withTimezone: true }),
    satDetail: jsonb('sat_detail').$type<Record<string, unknown>>(),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull().default([]),
    /** Highest severity among findings, for filtering: 0 none, 1 warning, 2 error. */
    findingLevel: integer('finding_level').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    /** Approved by an approval rule's automatic approval (no person decided). */
    autoApproved: boolean('auto_approved').notNull().default(false),
    /** Spent against an advance (gasto por comprobar): it settles that advance. */
    advanceId: uuid('advance_id'),
    /** For viáticos: which per-day deductible limit applies (LISR art. 28 fr. V). */
    travelKind: text('travel_kind', { enum: TRAVEL_KINDS }),
    /** Paid back to the person who paid it (method employee): by transfer, or in cash from a fund. */
    reimbursementMethod: text('reimbursement_method', { enum: ['transfer', 'fund_cash'] }),
    reimbursementFundId: uuid('reimbursement_fund_id'),
    reimbursementReference: text('reimbursement_reference'),
    reimbursedAt: timestamp('reimbursed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    // A CFDI backs at most one live expense of an organization (a discarded draft frees it).
    uniqueIndex('expenses_cfdi_uuid_key')
      .on(table.organizationId, table.cfdiUuid)
      .where(sql`cfdi_uuid IS NOT NULL AND status <> 'discarded'`),
    index('expenses_fund_idx').on(table.organizationId, table.fundId, table.id),
    index('expenses_spender_idx').on(table.organizationId, table.spenderId, table.id),
    index('expenses_date_idx').on(table.organizationId, table.expenseDate),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'expenses_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.spenderId],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'expenses_spender_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.categoryId],
      foreignColumns: [expenseCategories.organizationId, expenseCategories.id],
      name: 'expenses_category_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.costCenterId],
      foreignColumns: [costCenters.organizationId, costCenters.id],
      name: 'expenses_cost_center_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.advanceId],
      foreignColumns: [advances.organizationId, advances.id],
      name: 'expenses_advance_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.reimbursementFundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'expenses_reimbursement_fund_fk',
    }),
    index('expenses_advance_idx')
      .on(table.organizationId, table.advanceId)
      .where(sql`advance_id IS NOT NULL`),
    check(
      'expenses_reimbursement',
      sql`(reimbursed_at IS NULL) = (reimbursement_method IS NULL) AND (reimbursement_fund_id IS NOT NULL) = coalesce(reimbursement_method = 'fund_cash', false) AND (reimbursement_method IS NULL OR payment_method = 'employee')`,
    ),
    check('expenses_fund_cash_has_fund', sql`payment_method <> 'fund_cash' OR fund_id IS NOT NULL`),
    check('expenses_total_positive', sql`total > 0 AND total_mxn > 0`),
    check('expenses_amounts_non_negative', sql`subtotal >= 0 AND discount >= 0`),
  ],
);

export const ATTACHMENT_KINDS = ['cfdi_xml', 'cfdi_pdf', 'receipt'] as const;

/** Files of an expense: the CFDI's XML, its PDF, photos of tickets. Bytes live in file storage. */
export const expenseAttachments = pgTable(
  'expense_attachments',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    expenseId: uuid('expense_id').notNull(),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    index('expense_attachments_expense_idx').on(table.organizationId, table.expenseId),
    foreignKey({
      columns: [table.organizationId, table.expenseId],
      foreignColumns: [expenses.organizationId, expenses.id],
      name: 'expense_attachments_expense_fk',
    }),
  ],
);
