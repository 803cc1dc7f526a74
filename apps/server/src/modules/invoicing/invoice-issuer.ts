import { CsdError } from '@cajachica/cfdi';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { MEXICO_TIME_ZONE, mexicoCityDate, mexicoCityDateTime } from '../../platform/mexico-time.js';
import { withSystem, withTenant } from '../../platform/tenancy.js';
import { organizationFiscalData } from '../organizations/organizations.schema.js';
import { payments, refunds } from '../subscriptions/subscriptions.schema.js';
import { nextFolio } from './folios.js';
import { cfdiOfInvoice, formaPagoOf, publicoEnGeneral } from './invoice-cfdi.js';
import { globalInvoices, type InvoiceReceptor, invoices } from './invoicing.schema.js';
import type { Issuer } from './issuer.js';
import { type Pac, PacError } from './pac.js';
import { stampOnce } from './stamp-once.js';

export const INVOICE_PAYMENT_JOB = 'invoice-payment';
export const INVOICE_REFUND_JOB = 'invoice-refund';
export const ISSUE_INVOICE_JOB = 'invoice-issue';
export const INVOICE_SWEEP_JOB = 'invoice-sweep';
/** A payment's event normally queues its CFDI at once; after this, the sweep assumes it was lost. */
const EVENT_LOST_AFTER_MS = 10 * 60 * 1000;
/** How long one stamping attempt holds an invoice (longer than any PAC call with its timeout). */
const CLAIM_MS = 2 * 60 * 1000;

export interface InvoiceIssuerDeps {
  db: Db;
  jobs: Pick<JobQueue, 'register' | 'send' | 'schedule'>;
  pac: Pac;
  issuer: Issuer;
  settings: {
    series: { ingreso: string; egreso: string };
    productKey: string;
    unitKey: string;
    ivaRate: string;
  };
  now: () => Date;
  log: { error(object: unknown, message: string): void };
  /** Told after each CFDI is stamped (to email it). */
  onStamped?: (invoice: typeof invoices.$inferSelect) => Promise<void>;
}

async function receptorOf(tx: Tx, organizationId: string): Promise<InvoiceReceptor | null> {
  const [row] = await tx
    .select()
    .from(organizationFiscalData)
    .where(eq(organizationFiscalData.organizationId, organizationId));
  if (!row) return null;
  return {
    rfc: row.rfc,
    name: row.legalName,
    taxRegime: row.taxRegime,
    postalCode: row.postalCode,
    cfdiUse: row.cfdiUse,
    email: row.invoiceEmail,
  };
}

const planName = (plan: string) => (plan === 'monthly' ? 'mensual' : 'anual');

/**
 * Issues the platform's CFDI, durably and once: a confirmed payment becomes an ingreso, a refund
 * its egreso, each a row made once (unique per payment / refund) and then stamped by a job that
 * retries while the PAC is unavailable. A PAC's refusal of the customer's fiscal data keeps the
 * invoice `rejected` with the field to fix; fixing the data retries it. An organization without
 * fiscal data is left for the month's factura global (`global`).
 */
export function createInvoiceIssuer(deps: InvoiceIssuerDeps) {
  const { db } = deps;

  /** The ingreso of a confirmed payment: its row (made once), then its stamping job. */
  async function invoicePayment(organizationId: string, paymentId: string): Promise<void> {
    const existing = await withTenant(db, { organizationId }, (tx) =>
      tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(
          and(
            eq(invoices.organizationId, organizationId),
            eq(invoices.paymentId, paymentId),
            eq(invoices.kind, 'ingreso'),
          ),
        ),
    );
    if (existing[0]) return enqueueIssue(organizationId, existing[0].id);
    const folio = await nextFolio(db, deps.settings.series.ingreso);
    const made = await withTenant(db, { organizationId }, async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.organizationId, organizationId), eq(payments.id, paymentId)));
      if (payment?.status !== 'succeeded') return null;
      const receptor = await receptorOf(tx, organizationId);
      const [row] = await tx
        .insert(invoices)
        .values({
          organizationId,
          kind: 'ingreso',
          status: receptor ? 'pending' : 'global',
          paymentId,
          serie: deps.settings.series.ingreso,
          folio,
          subtotal: payment.base,
          iva: payment.iva,
          total: payment.total,
          formaPago: formaPagoOf(payment.method, payment.cardFunding),
          // Without fiscal data the payment waits for the month's factura global, to the general
          // public: SAT's receptor there, whose domicilio is the issuer's LugarExpedicion.
          receptor: receptor ?? publicoEnGeneral(deps.issuer.postalCode),
          pac: deps.pac.name,
        })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    });
    if (made?.status === 'pending') await enqueueIssue(organizationId, made.id);
  }

  /** The egreso (nota de crédito) of a refund that left, related to its payment's ingreso. */
  async function invoiceRefund(organizationId: string, refundId: string): Promise<void> {
    const found = await withTenant(db, { organizationId }, async (tx) => {
      const [refund] = await tx
        .select()
        .from(refunds)
        .where(and(eq(refunds.organizationId, organizationId), eq(refunds.id, refundId)));
      if (refund?.status !== 'issued') return null;
      const [existing] = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.organizationId, organizationId), eq(invoices.refundId, refundId)));
      const [ingreso] = await tx
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.organizationId, organizationId),
            eq(invoices.paymentId, refund.paymentId),
            eq(invoices.kind, 'ingreso'),
            // A replaced ingreso (canceled with motive 01) gives way to its replacement.
            isNull(invoices.replacedBy),
          ),
        );
      const [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.organizationId, organizationId), eq(payments.id, refund.paymentId)));
      return { refund, existing, ingreso, payment };
    });
    if (!found) return;
    if (found.existing) return enqueueIssue(organizationId, found.existing.id);
    if (!found.ingreso || !found.payment)
      throw new Error(`refund ${refundId}: its payment has no ingreso yet`);
    // The nota de crédito relates to a stamped CFDI: the payment's ingreso, or the month's factura
    // global it went into (to the general public). Until that one is stamped, the job retries.
    const related = await relatedCfdiOf(found.ingreso);
    if (!related) throw new Error(`refund ${refundId}: the CFDI of its payment is not stamped yet`);
    const folio = await nextFolio(db, deps.settings.series.egreso);
    const { refund, payment } = found;
    const made = await withTenant(db, { organizationId }, async (tx) => {
      const [row] = await tx
        .insert(invoices)
        .values({
          organizationId,
          kind: 'egreso',
          paymentId: refund.paymentId,
          refundId,
          serie: deps.settings.series.egreso,
          folio,
          subtotal: refund.base,
          iva: refund.iva,
          total: refund.total,
          // How the money went back: through the provider as it came, or by SPEI.
          formaPago: refund.channel === 'spei' ? '03' : formaPagoOf(payment.method, payment.cardFunding),
          receptor: related.receptor,
          relatedUuid: related.uuid,
          relationType: '01',
          globalPeriod: related.globalPeriod,
          pac: deps.pac.name,
        })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    });
    if (made) await enqueueIssue(organizationId, made.id);
  }

  /** The stamped CFDI a refund's nota de crédito relates to, with the receptor it goes to. */
  async function relatedCfdiOf(ingreso: typeof invoices.$inferSelect) {
    if (ingreso.status !== 'global') {
      return ingreso.uuid ? { uuid: ingreso.uuid, receptor: ingreso.receptor, globalPeriod: null } : null;
    }
    const period = mexicoCityDate(ingreso.createdAt).slice(0, 7);
    const [global] = await withSystem(db, (tx) =>
      tx
        .select({ uuid: globalInvoices.uuid })
        .from(globalInvoices)
        .where(and(eq(globalInvoices.period, period), eq(globalInvoices.status, 'stamped'))),
    );
    if (!global?.uuid) return null;
    return {
      uuid: global.uuid,
      receptor: publicoEnGeneral(deps.issuer.postalCode),
      globalPeriod: period,
    };
  }

  const enqueueIssue = (organizationId: string, invoiceId: string) =>
    deps.jobs.send(ISSUE_INVOICE_JOB, { organizationId, invoiceId }, { singletonKey: invoiceId });

  async function describe(tx: Tx, invoice: typeof invoices.$inferSelect): Promise<string> {
    const [payment] = invoice.paymentId
      ? await tx
          .select({ planId: payments.planId })
          .from(payments)
          .where(and(eq(payments.organizationId, invoice.organizationId), eq(payments.id, invoice.paymentId)))
      : [];
    const plan = payment ? `, plan ${planName(payment.planId)}` : '';
    return invoice.kind === 'ingreso'
      ? `Suscripción a CajaChica (software de caja chica)${plan}`
      : `Devolución por suspensión de la suscripción a CajaChica${plan}`;
  }

  /**
   * One stamping attempt; throws (so the job retries) only while the PAC is unavailable. The
   * attempt first claims the invoice for a while (`stamping_until`): a second delivery of the same
   * job meanwhile finds it claimed and leaves it. Our sealed XML is kept and re-sent on retries, so
   * a PAC that stamped it before answers "timbre previo" instead of stamping a second CFDI.
   */
  async function issue(organizationId: string, invoiceId: string): Promise<void> {
    const now = deps.now();
    const claimed = await withTenant(db, { organizationId }, async (tx) => {
      const [row] = await tx
        .update(invoices)
        .set({ stampingUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${invoices.attempts} + 1` })
        .where(
          and(
            eq(invoices.organizationId, organizationId),
            eq(invoices.id, invoiceId),
            eq(invoices.status, 'pending'),
            or(isNull(invoices.stampingUntil), lt(invoices.stampingUntil, now)),
          ),
        )
        .returning();
      return row ? { row, description: await describe(tx, row) } : null;
    });
    if (!claimed) return;
    const { row: invoice, description } = claimed;
    const update = (values: Partial<typeof invoices.$inferInsert>) =>
      withTenant(db, { organizationId }, (tx) =>
        tx
          .update(invoices)
          .set({ ...values, updatedAt: deps.now() })
          .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)))
          .returning(),
      );
    const cfdi = cfdiOfInvoice(
      { ...invoice, description },
      { issuer: deps.issuer, fecha: mexicoCityDateTime(now), ...deps.settings },
    );
    try {
      const stamped = await stampOnce({
        pac: deps.pac,
        issuer: deps.issuer,
        cfdi,
        documentId: invoiceId,
        customerEmail: invoice.receptor.email,
        keptSealedXml: invoice.xml,
        keepSealedXml: (xml) => update({ xml }),
        now,
      });
      const [row] = await update({
        status: 'stamped',
        uuid: stamped.uuid,
        xml: stamped.xml,
        stampedAt: stamped.stampedAt,
        pacDocumentId: stamped.pacDocumentId,
        stampingUntil: null,
        errorCode: null,
        errorMessage: null,
        errorField: null,
      });
      if (row) await deps.onStamped?.(row);
    } catch (error) {
      if (error instanceof CsdError) {
        // Our certificate, not the customer's data: stays pending with the reason for the operator.
        const message = deps.issuer.isSatTestCertificate
          ? `El certificado de pruebas del SAT (EKU9003173C9) ya no es vigente: ${error.message} El modo de pruebas no puede emitir facturas; configura CFDI_CSD_CER, CFDI_CSD_KEY y CFDI_CSD_PASSWORD.`
          : error.message;
        await update({ errorCode: error.code, errorMessage: message, stampingUntil: null });
        deps.log.error({ err: error, invoiceId }, 'the issuer certificate cannot seal');
        return;
      }
      if (error instanceof PacError && error.kind === 'rejected' && !error.details.field) {
        // Refused for something of ours, not the customer's data: pending, with the reason, for
        // the operator (the reconciliation shows it after 24 h); retrying would be refused again.
        await update({
          xml: null,
          stampingUntil: null,
          errorCode: error.details.code ?? 'PAC_REJECTED',
          errorMessage: error.message,
        });
        deps.log.error({ err: error, invoiceId }, 'the PAC refused a CFDI for a reason of ours');
        return;
      }
      if (error instanceof PacError && error.kind === 'rejected') {
        await update({
          status: 'rejected',
          // Fixed data makes another XML: the sealed one of this attempt is not re-sent.
          xml: null,
          stampingUntil: null,
          errorCode: error.details.code ?? null,
          errorMessage: error.message,
          errorField: error.details.field ?? null,
        });
        return;
      }
      await update({
        stampingUntil: null,
        errorCode: error instanceof PacError ? (error.details.code ?? 'PAC_UNAVAILABLE') : 'PAC_UNAVAILABLE',
        errorMessage: 'El servicio de timbrado no respondió; lo intentamos de nuevo en unos minutos.',
      });
      throw error;
    }
  }

  deps.jobs.register<{ organizationId: string; paymentId: string }>(
    INVOICE_PAYMENT_JOB,
    async ({ organizationId, paymentId }) => invoicePayment(organizationId, paymentId),
    { retryLimit: 10, retryDelaySeconds: 30 },
  );
  deps.jobs.register<{ organizationId: string; refundId: string }>(
    INVOICE_REFUND_JOB,
    async ({ organizationId, refundId }) => invoiceRefund(organizationId, refundId),
    { retryLimit: 20, retryDelaySeconds: 60 },
  );
  deps.jobs.register<{ organizationId: string; invoiceId: string }>(
    ISSUE_INVOICE_JOB,
    async ({ organizationId, invoiceId }) => issue(organizationId, invoiceId),
    // Backoff from 30 s: SAT or the PAC down for hours still ends stamped.
    { retryLimit: 15, retryDelaySeconds: 30 },
  );

  /**
   * The safety net of the events (told after commit: a crash in between loses one): every hour,
   * confirmed payments and issued refunds without their CFDI get their job again.
   */
  async function sweep(): Promise<number> {
    const before = new Date(deps.now().getTime() - EVENT_LOST_AFTER_MS);
    const lost = await withSystem(db, async (tx) => {
      const paymentsWithout = await tx
        .select({ organizationId: payments.organizationId, paymentId: payments.id })
        .from(payments)
        .leftJoin(
          invoices,
          and(
            eq(invoices.organizationId, payments.organizationId),
            eq(invoices.paymentId, payments.id),
            eq(invoices.kind, 'ingreso'),
          ),
        )
        .where(and(eq(payments.status, 'succeeded'), lt(payments.confirmedAt, before), isNull(invoices.id)))
        .limit(500);
      const refundsWithout = await tx
        .select({ organizationId: refunds.organizationId, refundId: refunds.id })
        .from(refunds)
        .leftJoin(
          invoices,
          and(eq(invoices.organizationId, refunds.organizationId), eq(invoices.refundId, refunds.id)),
        )
        .where(and(eq(refunds.status, 'issued'), isNull(invoices.id)))
        .limit(500);
      return { paymentsWithout, refundsWithout };
    });
    for (const event of lost.paymentsWithout) {
      await deps.jobs.send(INVOICE_PAYMENT_JOB, event, { singletonKey: event.paymentId });
    }
    for (const event of lost.refundsWithout) {
      await deps.jobs.send(INVOICE_REFUND_JOB, event, { singletonKey: event.refundId });
    }
    return lost.paymentsWithout.length + lost.refundsWithout.length;
  }
  deps.jobs.register(INVOICE_SWEEP_JOB, async () => void (await sweep()), { retryLimit: 2 });
  deps.jobs.schedule(INVOICE_SWEEP_JOB, '17 * * * *', MEXICO_TIME_ZONE);

  return {
    invoicePayment,
    invoiceRefund,
    issue,
    sweep,
    enqueueIssue,
    /** The subscriptions module's event: a payment was confirmed (after its commit). */
    onPaymentConfirmed: (event: { organizationId: string; paymentId: string }) =>
      deps.jobs.send(INVOICE_PAYMENT_JOB, event, { singletonKey: event.paymentId }),
    onRefundIssued: (event: { organizationId: string; refundId: string }) =>
      deps.jobs.send(INVOICE_REFUND_JOB, event, { singletonKey: event.refundId }),
    /** The customer fixed their fiscal data: the refused invoices go again with it. */
    async retryRejected(organizationId: string): Promise<number> {
      const retried = await withTenant(db, { organizationId }, async (tx) => {
        const receptor = await receptorOf(tx, organizationId);
        if (!receptor) return [];
        return tx
          .update(invoices)
          .set({
            status: 'pending',
            receptor,
            errorCode: null,
            errorMessage: null,
            errorField: null,
            updatedAt: deps.now(),
          })
          .where(and(eq(invoices.organizationId, organizationId), eq(invoices.status, 'rejected')))
          .returning({ id: invoices.id });
      });
      for (const { id } of retried) await enqueueIssue(organizationId, id);
      return retried.length;
    },
  };
}

export type InvoiceIssuer = ReturnType<typeof createInvoiceIssuer>;
