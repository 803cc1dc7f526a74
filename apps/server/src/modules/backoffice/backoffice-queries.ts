import { and, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { money, toCentavos } from '../../platform/money.js';
import { users } from '../accounts/accounts.schema.js';
import { globalInvoices, invoices } from '../invoicing/invoicing.schema.js';
import { memberships, organizations } from '../organizations/organizations.schema.js';
import { isReadOnly } from '../subscriptions/subscription-machine.js';
import { paymentEvents, payments, refunds, subscriptions } from '../subscriptions/subscriptions.schema.js';

// What the back office reads across organizations, as app_operator (migration 0033 grants these
// reads and nothing else of tenants' data). Lists are newest first by their UUIDv7 ids, paged by
// keyset: `cursor` is the last id of the previous page.

export interface Page {
  limit: number;
  cursor?: string | undefined;
}

const planOf = (interval: 'month' | 'year' | null) =>
  interval === null ? null : interval === 'month' ? ('monthly' as const) : ('annual' as const);

function paged<Row extends { id: string }>(rows: Row[], limit: number) {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? (data.at(-1)?.id ?? null) : null };
}

/** `%text%` for ILIKE, with the text's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Customers with their subscription and owner; `search` matches the name or any member's email. */
export async function listOrganizations(tx: Tx, input: Page & { search?: string | undefined }) {
  const pattern = input.search ? containing(input.search) : null;
  const rows = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      createdAt: organizations.createdAt,
      status: subscriptions.status,
      interval: subscriptions.interval,
      nextInterval: subscriptions.nextInterval,
      trialEndsAt: subscriptions.trialEndsAt,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      ownerEmail: sql<string | null>`(
        SELECT ${users.email} FROM ${memberships} JOIN ${users} ON ${users.id} = ${memberships.userId}
        WHERE ${memberships.organizationId} = ${organizations.id} AND 'owner' = ANY(${memberships.roles})
      )`,
    })
    .from(organizations)
    .leftJoin(subscriptions, eq(subscriptions.organizationId, organizations.id))
    .where(
      and(
        input.cursor ? lt(organizations.id, input.cursor) : undefined,
        pattern
          ? or(
              ilike(organizations.name, pattern),
              sql`EXISTS (
                SELECT 1 FROM ${memberships} JOIN ${users} ON ${users.id} = ${memberships.userId}
                WHERE ${memberships.organizationId} = ${organizations.id} AND ${users.email} ILIKE ${pattern}
              )`,
            )
          : undefined,
      ),
    )
    .orderBy(desc(organizations.id))
    .limit(input.limit + 1);
  return paged(
    rows.map(({ interval, nextInterval, ...row }) => ({
      ...row,
      plan: planOf(interval),
      nextPlan: planOf(nextInterval),
      readOnly: row.status ? isReadOnly(row.status) : false,
    })),
    input.limit,
  );
}

export type PaymentStatusFilter = (typeof payments.$inferSelect)['status'];

const paymentColumns = {
  id: payments.id,
  organizationId: payments.organizationId,
  organizationName: organizations.name,
  plan: payments.planId,
  method: payments.method,
  provider: payments.provider,
  status: payments.status,
  total: payments.total,
  amountReceived: payments.amountReceived,
  reference: payments.reference,
  createdAt: payments.createdAt,
  confirmedAt: payments.confirmedAt,
  expiresAt: payments.expiresAt,
};

const paymentsWithOrganization = (tx: Tx) =>
  tx
    .select(paymentColumns)
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId));

/** What is still to arrive of a payment (never below zero: an over-payment is an alert instead). */
function withRemaining<Row extends { total: string; amountReceived: string }>(row: Row) {
  const missing = money(row.total).minus(row.amountReceived);
  return { ...row, remaining: toCentavos(missing.isNegative() ? 0 : missing) };
}

/** Payments of every organization with what arrived so far and what is still missing. */
export async function listPayments(tx: Tx, input: Page & { status?: PaymentStatusFilter | undefined }) {
  const rows = await paymentsWithOrganization(tx)
    .where(
      and(
        input.status ? eq(payments.status, input.status) : undefined,
        input.cursor ? lt(payments.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(payments.id))
    .limit(input.limit + 1);
  return paged(rows.map(withRemaining), input.limit);
}

/** One payment as the back office lists it, or null. */
export async function findPayment(tx: Tx, paymentId: string) {
  const [row] = await paymentsWithOrganization(tx).where(eq(payments.id, paymentId));
  return row ? withRemaining(row) : null;
}

export type RefundStatusFilter = (typeof refunds.$inferSelect)['status'];

const refundColumns = {
  id: refunds.id,
  organizationId: refunds.organizationId,
  organizationName: organizations.name,
  paymentId: refunds.paymentId,
  paymentReference: payments.reference,
  paymentMethod: payments.method,
  total: refunds.total,
  channel: refunds.channel,
  clabe: refunds.clabe,
  status: refunds.status,
  reference: refunds.providerRefundId,
  attempts: refunds.attempts,
  lastError: refunds.lastError,
  createdAt: refunds.createdAt,
  issuedAt: refunds.issuedAt,
};

const refundsWithPayment = (tx: Tx) =>
  tx
    .select(refundColumns)
    .from(refunds)
    .innerJoin(organizations, eq(organizations.id, refunds.organizationId))
    .innerJoin(
      payments,
      and(eq(payments.organizationId, refunds.organizationId), eq(payments.id, refunds.paymentId)),
    );

/** Refunds of every organization: SPEI ones wait for the operator's transfer, provider ones may be failing. */
export async function listRefunds(tx: Tx, input: Page & { status?: RefundStatusFilter | undefined }) {
  const rows = await refundsWithPayment(tx)
    .where(
      and(
        input.status ? eq(refunds.status, input.status) : undefined,
        input.cursor ? lt(refunds.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(refunds.id))
    .limit(input.limit + 1);
  return paged(rows, input.limit);
}

/** One refund as the back office lists it, or null. */
export async function findRefund(tx: Tx, refundId: string) {
  const [row] = await refundsWithPayment(tx).where(eq(refunds.id, refundId));
  return row ?? null;
}

/** The newest payment events the providers sent (webhooks), with what processing did. */
export async function listPaymentEvents(tx: Tx, limit = 100) {
  return tx
    .select({
      id: paymentEvents.id,
      provider: paymentEvents.provider,
      eventId: paymentEvents.eventId,
      type: paymentEvents.type,
      receivedAt: paymentEvents.receivedAt,
      processedAt: paymentEvents.processedAt,
      outcome: paymentEvents.outcome,
    })
    .from(paymentEvents)
    .orderBy(desc(paymentEvents.receivedAt), desc(paymentEvents.id))
    .limit(limit);
}

/** The platform's CFDIs to its customers, newest first, with why any is not stamped. */
export async function listInvoices(tx: Tx, limit = 200) {
  const rows = await tx
    .select({
      id: invoices.id,
      organizationId: invoices.organizationId,
      organizationName: organizations.name,
      kind: invoices.kind,
      status: invoices.status,
      serie: invoices.serie,
      folio: invoices.folio,
      uuid: invoices.uuid,
      total: invoices.total,
      receptor: invoices.receptor,
      pac: invoices.pac,
      errorCode: invoices.errorCode,
      errorMessage: invoices.errorMessage,
      attempts: invoices.attempts,
      createdAt: invoices.createdAt,
      stampedAt: invoices.stampedAt,
    })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(limit);
  return rows.map(({ receptor, ...row }) => ({
    ...row,
    receptorRfc: receptor.rfc,
    receptorName: receptor.name,
  }));
}

/** The monthly facturas globales, newest month first. */
export async function listGlobalInvoices(tx: Tx, limit = 36) {
  return tx
    .select({
      id: globalInvoices.id,
      period: globalInvoices.period,
      status: globalInvoices.status,
      serie: globalInvoices.serie,
      folio: globalInvoices.folio,
      uuid: globalInvoices.uuid,
      payments: globalInvoices.payments,
      total: globalInvoices.total,
      errorMessage: globalInvoices.errorMessage,
      stampedAt: globalInvoices.stampedAt,
    })
    .from(globalInvoices)
    .orderBy(desc(globalInvoices.period))
    .limit(limit);
}
