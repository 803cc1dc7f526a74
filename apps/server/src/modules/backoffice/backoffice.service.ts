import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { withOperator } from '../../platform/tenancy.js';
import type { CancelMotive, InvoiceCancellation } from '../invoicing/index.js';
import { invoices } from '../invoicing/invoicing.schema.js';
import type { SubscriptionsService } from '../subscriptions/index.js';
import { backofficeErrors } from './backoffice.errors.js';
import {
  findPayment,
  findRefund,
  listGlobalInvoices,
  listInvoices,
  listOrganizations,
  listPaymentEvents,
  listPayments,
  listRefunds,
  type Page,
  type PaymentStatusFilter,
  type RefundStatusFilter,
} from './backoffice-queries.js';
import { createOperatorAuth } from './operator-auth.js';
import type { OperatorView } from './operators.js';
import { createReconciliation } from './reconciliation.js';

/** A SPEI transfer the operator saw arrive in the platform's bank account. */
export interface ReceivedTransfer {
  amount: string;
  /** The transfer's clave de rastreo, as the bank shows it. */
  trackingKey: string;
  /** YYYY-MM-DD, Mexico City. */
  receivedOn: string;
}

/**
 * The platform operator's back office: reads every organization's billing as app_operator, and
 * changes a customer's payment or refund only through the subscriptions service, in that
 * organization, as every other change is made.
 */
export function createBackofficeService(deps: {
  db: Db;
  config: Pick<Config, 'appUrl' | 'billing' | 'loginMaxFailures' | 'loginLockMinutes'>;
  subscriptions: Pick<SubscriptionsService, 'recordReceived' | 'markRefundIssued' | 'retryRefund'>;
  /** The invoicing module's cancellation: the operator cancels a CFDI only through it. */
  invoices: Pick<InvoiceCancellation, 'cancel'>;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  now?: (() => Date) | undefined;
  log: { info(object: unknown, message: string): void };
}) {
  const { db, subscriptions, log } = deps;
  const now = deps.now ?? (() => new Date());
  const reconciliation = createReconciliation({ ...deps, now });

  return {
    auth: createOperatorAuth({ db, config: deps.config, now }),

    listOrganizations: (query: Page & { search?: string | undefined }) =>
      withOperator(db, (tx) => listOrganizations(tx, query)),

    listPayments: (query: Page & { status?: PaymentStatusFilter | undefined }) =>
      withOperator(db, (tx) => listPayments(tx, query)),

    /**
     * Records a SPEI transfer against a pending SPEI payment (of any provider: the manual one, or
     * a transfer the provider did not match). Parts add up; the payment is confirmed once covered.
     */
    async recordTransfer(
      operator: OperatorView,
      paymentId: string,
      transfer: ReceivedTransfer,
      origin: RequestOrigin,
    ) {
      const payment = await withOperator(db, (tx) => findPayment(tx, paymentId));
      if (!payment) throw backofficeErrors.paymentNotFound();
      if (payment.method !== 'spei') throw backofficeErrors.paymentNotSpei(payment.method);
      if (payment.status !== 'pending') throw backofficeErrors.paymentNotPending(payment.status);
      if (transfer.receivedOn > mexicoCityDate(now())) throw backofficeErrors.receivedInFuture();
      const { confirmed } = await subscriptions.recordReceived(
        payment.organizationId,
        payment.id,
        { add: transfer.amount },
        origin,
        {
          // The audit names the operator and the transfer (tenants' audit has no operator column).
          details: {
            operator: operator.email,
            trackingKey: transfer.trackingKey,
            receivedOn: transfer.receivedOn,
          },
          requirePending: true,
        },
      );
      log.info(
        { operator: operator.email, paymentId, ...transfer, confirmed, requestId: origin.requestId },
        'operator recorded a SPEI transfer',
      );
      const updated = await withOperator(db, (tx) => findPayment(tx, paymentId));
      if (!updated) throw backofficeErrors.paymentNotFound();
      return { confirmed, payment: updated };
    },

    listRefunds: (query: Page & { status?: RefundStatusFilter | undefined }) =>
      withOperator(db, (tx) => listRefunds(tx, query)),

    /** A SPEI refund the operator sent from the platform's account; its tracking key is kept on the refund. */
    async markRefundIssued(
      operator: OperatorView,
      refundId: string,
      trackingKey: string,
      origin: RequestOrigin,
    ) {
      const refund = await withOperator(db, (tx) => findRefund(tx, refundId));
      if (!refund) throw backofficeErrors.refundNotFound();
      if (refund.status === 'issued') throw backofficeErrors.refundAlreadyIssued(refund.reference);
      if (refund.channel !== 'spei') throw backofficeErrors.refundByProvider();
      const issued = await subscriptions.markRefundIssued(
        refund.organizationId,
        refund.id,
        trackingKey,
        origin,
        { operator: operator.email },
      );
      // Another operator (or a double click) recorded it in between.
      if (!issued) throw backofficeErrors.refundAlreadyIssued(null);
      log.info(
        { operator: operator.email, refundId, trackingKey, requestId: origin.requestId },
        'operator issued a SPEI refund',
      );
      const updated = await withOperator(db, (tx) => findRefund(tx, refundId));
      if (!updated) throw backofficeErrors.refundNotFound();
      return updated;
    },

    /** Queues one more attempt of a provider refund (the subscriptions module refuses SPEI or issued ones). */
    async retryRefund(operator: OperatorView, refundId: string, origin: RequestOrigin) {
      const refund = await withOperator(db, (tx) => findRefund(tx, refundId));
      if (!refund) throw backofficeErrors.refundNotFound();
      await subscriptions.retryRefund(refund.organizationId, refund.id);
      log.info(
        { operator: operator.email, refundId, requestId: origin.requestId },
        'operator retried a refund',
      );
    },

    alerts: () => reconciliation.collect(),

    listEvents: () => withOperator(db, (tx) => listPaymentEvents(tx)),

    /** Cancels a customer's CFDI with SAT's motive (01: a replacement is issued first). */
    async cancelInvoice(
      operator: OperatorView,
      invoiceId: string,
      motive: CancelMotive,
      origin: RequestOrigin,
    ) {
      const [found] = await withOperator(db, (tx) =>
        tx
          .select({ organizationId: invoices.organizationId })
          .from(invoices)
          .where(eq(invoices.id, invoiceId)),
      );
      if (!found) throw notFound('INVOICE_NOT_FOUND', 'Esa factura no existe.');
      const row = await deps.invoices.cancel(found.organizationId, invoiceId, motive, origin, {
        operator: operator.email,
      });
      log.info(
        { operator: operator.email, invoiceId, motive, requestId: origin.requestId },
        'operator canceled a CFDI',
      );
      return { id: row.id, status: row.status, replacedBy: row.replacedBy };
    },

    /** The CFDIs issued to customers and the monthly facturas globales. */
    listInvoices: () =>
      withOperator(db, async (tx) => ({
        data: await listInvoices(tx),
        globals: await listGlobalInvoices(tx),
      })),
  };
}

export type BackofficeService = ReturnType<typeof createBackofficeService>;
