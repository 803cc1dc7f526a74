import { sql } from 'drizzle-orm';
import {
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
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { organizations } from '../organizations/organizations.schema.js';

export const INVOICE_KINDS = ['ingreso', 'egreso'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * pending: waiting for the PAC (retried with backoff); stamped: a valid CFDI; rejected: the PAC
 * refused the customer's fiscal data (fixed and retried by the customer); global: no fiscal data,
 * goes into the month's factura global; cancel_pending: the receptor must accept; canceled.
 */
export const INVOICE_STATUSES = [
  'pending',
  'stamped',
  'rejected',
  'global',
  'cancel_pending',
  'canceled',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const money = (name: string) => moneyColumn(name, 12).notNull();

/**
 * A CFDI the platform issues to an organization (BILLING.md §CFDI): an ingreso for each confirmed
 * payment, an egreso (nota de crédito) for each refund. One per payment and one per refund
 * (unique indexes): a redelivered event can never stamp twice. The serie/folio is taken when the
 * row is made and kept through retries. A tenant table under RLS (migration 0035).
 */
export const invoices = pgTable(
  'invoices',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull().$defaultFn(newId),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('pending'),
    paymentId: uuid('payment_id'),
    refundId: uuid('refund_id'),
    serie: text('serie').notNull(),
    folio: integer('folio').notNull(),
    subtotal: money('subtotal'),
    iva: money('iva'),
    total: money('total'),
    /** c_FormaPago (01 cash at OXXO, 03 SPEI, 04 credit card, 28 debit card). */
    formaPago: text('forma_pago').notNull(),
    /** The receptor as it was sent (RFC, name, régimen, CP, uso): what the CFDI says. */
    receptor: jsonb('receptor').$type<InvoiceReceptor>().notNull(),
    /** The ingreso an egreso relates to (TipoRelacion 01), or the CFDI a replacement substitutes (04). */
    relatedUuid: text('related_uuid'),
    /** c_TipoRelacion of relatedUuid: 01 nota de crédito, 04 sustitución. */
    relationType: text('relation_type', { enum: ['01', '04'] }),
    /** YYYY-MM: a nota de crédito to the general public, of a payment in that month's factura global. */
    globalPeriod: text('global_period'),
    pac: text('pac').notNull(),
    pacDocumentId: text('pac_document_id'),
    uuid: text('uuid'),
    /** The stamped XML, exactly as the PAC returned it (while pending: our sealed XML, re-sent on retries). */
    xml: text('xml'),
    stampedAt: timestamp('stamped_at', { withTimezone: true }),
    /** Why the PAC refused it, in the customer's words, and the fiscal-data field to fix. */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorField: text('error_field'),
    attempts: integer('attempts').notNull().default(0),
    /** A stamping attempt holds the invoice until then: two deliveries of one job never stamp twice. */
    stampingUntil: timestamp('stamping_until', { withTimezone: true }),
    cancelMotive: text('cancel_motive'),
    replacedBy: uuid('replaced_by'),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    uniqueIndex('invoices_payment_key')
      .on(table.organizationId, table.paymentId)
      .where(sql`kind = 'ingreso'`),
    uniqueIndex('invoices_refund_key').on(table.organizationId, table.refundId).where(sql`kind = 'egreso'`),
    uniqueIndex('invoices_uuid_key').on(table.uuid),
    uniqueIndex('invoices_serie_folio_key').on(table.serie, table.folio),
    index('invoices_created_idx').on(table.organizationId, table.createdAt),
  ],
);

export interface InvoiceReceptor {
  rfc: string;
  name: string;
  taxRegime: string;
  postalCode: string;
  cfdiUse: string;
  email: string | null;
}

/**
 * The platform's serie/folio counters (one row per serie): platform data, not a tenant's, taken
 * one at a time as app_system (`UPDATE … RETURNING`), so two invoices never share a folio.
 */
export const invoiceSeries = pgTable('invoice_series', {
  serie: text('serie').primaryKey(),
  nextFolio: integer('next_folio').notNull().default(1),
});

export const GLOBAL_INVOICE_STATUSES = ['pending', 'stamped', 'rejected'] as const;

/**
 * The monthly factura global (BILLING.md): one CFDI to PUBLICO EN GENERAL per month covering the
 * payments of customers without fiscal data (their invoices in status `global`), stamped after
 * the month closes. Platform data, not a tenant's: written as app_system (migration 0037).
 */
export const globalInvoices = pgTable('global_invoices', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  /** YYYY-MM, Mexico City: one per month. */
  period: text('period').notNull().unique(),
  status: text('status', { enum: GLOBAL_INVOICE_STATUSES }).notNull().default('pending'),
  serie: text('serie').notNull(),
  folio: integer('folio').notNull(),
  payments: integer('payments').notNull(),
  subtotal: money('subtotal'),
  iva: money('iva'),
  total: money('total'),
  formaPago: text('forma_pago').notNull(),
  pac: text('pac').notNull(),
  pacDocumentId: text('pac_document_id'),
  uuid: text('uuid').unique(),
  /** Stamped XML (while pending: our sealed XML, re-sent on retries). */
  xml: text('xml'),
  stampedAt: timestamp('stamped_at', { withTimezone: true }),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  attempts: integer('attempts').notNull().default(0),
  stampingUntil: timestamp('stamping_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
