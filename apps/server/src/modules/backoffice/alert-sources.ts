import { and, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { formatPesos, money } from '../../platform/money.js';
import { invoices } from '../invoicing/invoicing.schema.js';
import { organizations } from '../organizations/organizations.schema.js';
import { paymentEvents, payments, refunds } from '../subscriptions/subscriptions.schema.js';

/** Something in the money flows that a person must look at (BILLING.md's daily reconciliation). */
export interface ReconciliationAlert {
  kind: string;
  /** The payment, refund or event it is about. */
  subjectId: string;
  organizationId: string | null;
  organizationName: string | null;
  /** What is wrong and what to do, in Spanish (shown in the back office and mailed). */
  message: string;
  /** Since when it has been so. */
  since: Date;
}

/** One rule of the reconciliation: reads as app_operator, answers its alerts at an instant. */
export interface AlertSource {
  kind: string;
  find(tx: Tx, at: Date): Promise<ReconciliationAlert[]>;
}

/** A rule's alerts, each tagged with the rule's kind. */
function alertSource(
  kind: string,
  find: (tx: Tx, at: Date) => Promise<Omit<ReconciliationAlert, 'kind'>[]>,
): AlertSource {
  return { kind, find: async (tx, at) => (await find(tx, at)).map((alert) => ({ kind, ...alert })) };
}

const HOUR_MS = 60 * 60 * 1000;
const REFUND_OVERDUE_MS = 24 * HOUR_MS;
const EVENT_OVERDUE_MS = 10 * 60 * 1000;
const CFDI_OVERDUE_MS = 24 * HOUR_MS;

const paymentFacts = {
  id: payments.id,
  organizationId: payments.organizationId,
  organizationName: organizations.name,
  reference: payments.reference,
  status: payments.status,
  total: payments.total,
  amountReceived: payments.amountReceived,
  confirmedAt: payments.confirmedAt,
  updatedAt: payments.updatedAt,
};

/** A confirmed payment whose money does not match its total: return or claim the difference. */
const paymentAmountMismatch = alertSource('payment_amount_mismatch', async (tx) => {
  const rows = await tx
    .select(paymentFacts)
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .where(and(eq(payments.status, 'succeeded'), ne(payments.amountReceived, payments.total)));
  return rows.map((row) => {
    const difference = money(row.amountReceived).minus(row.total);
    const over = difference.isPositive();
    return {
      subjectId: row.id,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      message:
        `Pago ${row.reference} de ${row.organizationName}: se recibieron ${formatPesos(row.amountReceived)} ` +
        `de un total de ${formatPesos(row.total)}; ${over ? 'sobran' : 'faltan'} ${formatPesos(difference.abs().toFixed(2))}. ` +
        (over ? 'Devuelve la diferencia al cliente.' : 'Pide la diferencia al cliente.'),
      since: row.confirmedAt ?? row.updatedAt,
    };
  });
});

/** Money that arrived for a payment nobody can pay any more (replaced or expired). */
const moneyOnClosedPayment = alertSource('money_on_closed_payment', async (tx) => {
  const rows = await tx
    .select(paymentFacts)
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .where(and(inArray(payments.status, ['expired', 'canceled']), gt(payments.amountReceived, '0')));
  return rows.map((row) => ({
    subjectId: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    message:
      `Pago ${row.reference} de ${row.organizationName} está ${row.status === 'expired' ? 'vencido' : 'cancelado'} ` +
      `y se recibieron ${formatPesos(row.amountReceived)}: devuelve la transferencia o regístrala en el pago pendiente de la organización.`,
    since: row.updatedAt,
  }));
});

/** A refund still owed a day later, or one the provider keeps refusing. */
const stalledRefunds = alertSource('refund_stalled', async (tx, at) => {
  const rows = await tx
    .select({
      id: refunds.id,
      organizationId: refunds.organizationId,
      organizationName: organizations.name,
      total: refunds.total,
      channel: refunds.channel,
      clabe: refunds.clabe,
      attempts: refunds.attempts,
      lastError: refunds.lastError,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .innerJoin(organizations, eq(organizations.id, refunds.organizationId))
    .where(
      and(
        eq(refunds.status, 'pending'),
        or(lt(refunds.createdAt, new Date(at.getTime() - REFUND_OVERDUE_MS)), isNotNull(refunds.lastError)),
      ),
    );
  return rows.map((row) => {
    const what = `Reembolso de ${formatPesos(row.total)} a ${row.organizationName}`;
    let message: string;
    if (row.lastError) {
      message = `${what}: el proveedor lo rechazó (${row.attempts} ${row.attempts === 1 ? 'intento' : 'intentos'}): ${row.lastError}. Reinténtalo o revisa el pago con el proveedor.`;
    } else if (row.channel === 'spei') {
      message = `${what} pendiente desde hace más de 24 horas: envía la transferencia SPEI a la CLABE ${row.clabe ?? '(sin CLABE)'} y regístrala.`;
    } else {
      message = `${what} pendiente con el proveedor desde hace más de 24 horas: reinténtalo.`;
    }
    return {
      subjectId: row.id,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      message,
      since: row.createdAt,
    };
  });
});

/** How long a processed event that asks for the operator stays among the alerts. */
const ALERT_EVENT_DAYS = 30;

/** A provider's event that was never processed, whose processing failed, or that asks for the operator. */
const stalledEvents = alertSource('event_stalled', async (tx, at) => {
  const rows = await tx
    .select()
    .from(paymentEvents)
    .where(
      or(
        and(
          isNull(paymentEvents.processedAt),
          lt(paymentEvents.receivedAt, new Date(at.getTime() - EVENT_OVERDUE_MS)),
        ),
        sql`${paymentEvents.outcome} ILIKE 'error%'`,
        // Processed, but asking for the operator (SPEI money beyond the payments, on the customer's balance).
        and(
          sql`${paymentEvents.outcome} ILIKE 'alert:%'`,
          gt(paymentEvents.receivedAt, new Date(at.getTime() - ALERT_EVENT_DAYS * 24 * 60 * 60 * 1000)),
        ),
      ),
    );
  return rows.map((row) => ({
    subjectId: row.id,
    organizationId: null,
    organizationName: null,
    message:
      row.processedAt === null
        ? `Evento ${row.type} de ${row.provider} (${row.eventId}) sin procesar desde hace más de 10 minutos.`
        : row.outcome?.startsWith('alert:')
          ? `Evento ${row.type} de ${row.provider} (${row.eventId}) requiere revisión: ${row.outcome.slice(6).trim()}.`
          : `Evento ${row.type} de ${row.provider} (${row.eventId}) falló al procesarse: ${row.outcome}.`,
    since: row.receivedAt,
  }));
});

/**
 * BILLING.md: "payment without CFDI after 24 h". A payment of a customer without fiscal data goes
 * into the month's factura global and is not counted here.
 */
const paymentsWithoutCfdi = alertSource('payment_without_cfdi', async (tx, at) => {
  const rows = await tx
    .select({ ...paymentFacts, invoiceStatus: invoices.status, invoiceError: invoices.errorMessage })
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .leftJoin(
      invoices,
      and(
        eq(invoices.organizationId, payments.organizationId),
        eq(invoices.paymentId, payments.id),
        eq(invoices.kind, 'ingreso'),
      ),
    )
    .where(
      and(
        eq(payments.status, 'succeeded'),
        lt(payments.confirmedAt, new Date(at.getTime() - CFDI_OVERDUE_MS)),
        or(isNull(invoices.id), inArray(invoices.status, ['pending', 'rejected'])),
      ),
    );
  return rows.map((row) => ({
    subjectId: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    message:
      row.invoiceStatus === null
        ? `Pago ${row.reference} de ${formatPesos(row.total)} de ${row.organizationName} sin factura después de 24 horas: no se generó su CFDI.`
        : `Pago ${row.reference} de ${formatPesos(row.total)} de ${row.organizationName} sin factura timbrada después de 24 horas (${row.invoiceStatus === 'rejected' ? 'rechazada' : 'pendiente'}): ${row.invoiceError ?? 'sin detalle'}.`,
    since: row.confirmedAt ?? row.updatedAt,
  }));
});

/** Every rule the daily reconciliation runs, in the order the alerts are shown. */
export const ALERT_SOURCES: readonly AlertSource[] = [
  paymentAmountMismatch,
  moneyOnClosedPayment,
  stalledRefunds,
  stalledEvents,
  paymentsWithoutCfdi,
];
