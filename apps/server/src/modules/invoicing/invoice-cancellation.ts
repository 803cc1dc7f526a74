import { attr, readXml } from '@cajachica/cfdi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs.js';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import type { SatStatusClient } from '../../platform/sat/index.js';
import { withSystem, withTenant } from '../../platform/tenancy.js';
import { organizationFiscalData } from '../organizations/organizations.schema.js';
import { nextFolio } from './folios.js';
import { invoices } from './invoicing.schema.js';
import type { Issuer } from './issuer.js';
import type { Pac } from './pac.js';

export const CANCEL_MOTIVES = ['01', '02', '03', '04'] as const;
export type CancelMotive = (typeof CANCEL_MOTIVES)[number];
export const FOLLOW_CANCELLATIONS_JOB = 'invoice-follow-cancellations';
/** SAT gives the receptor 3 business days; silence is acceptance. Counted as 5 calendar days here. */
const ACCEPTANCE_WAIT_MS = 5 * 24 * 60 * 60 * 1000;

type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Cancellation of the platform's CFDI by the operator (BILLING.md): motive 01 (errors, with a
 * replacement) issues the replacement first, related 04, from the customer's current fiscal data,
 * and cancels the original once it is stamped; motives 02–04 cancel at once. The PAC answers
 * canceled or pending (the receptor must accept); pending is `cancel_pending`. In the sandbox,
 * silence becomes acceptance after the receptor's days, as at SAT.
 */
export function createInvoiceCancellation(deps: {
  db: Db;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  pac: Pac;
  issuer: Issuer;
  series: { ingreso: string };
  /** SAT's "Consulta de estado de CFDI": how a pending cancellation ended. */
  satStatus: SatStatusClient;
  now: () => Date;
  /** Queues the stamping of an invoice (the issuer's job). */
  enqueueIssue: (organizationId: string, invoiceId: string) => Promise<void>;
}) {
  const { db } = deps;

  async function loadInvoice(organizationId: string, invoiceId: string): Promise<InvoiceRow> {
    const [row] = await withTenant(db, { organizationId }, (tx) =>
      tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId))),
    );
    if (!row) throw notFound('INVOICE_NOT_FOUND', 'Esa factura no existe.');
    return row;
  }

  /** Asks the PAC to cancel a stamped CFDI and records its answer. */
  async function cancelAtPac(
    invoice: InvoiceRow,
    motive: CancelMotive,
    replacementUuid: string | null,
    origin: RequestOrigin,
    details: Record<string, string>,
  ) {
    if (!invoice.uuid || !invoice.stampedAt) throw new Error(`invoice ${invoice.id} is not stamped`);
    const requestedAt = deps.now();
    const result = await deps.pac.cancel({
      uuid: invoice.uuid,
      tipoDeComprobante: invoice.kind === 'egreso' ? 'E' : 'I',
      stampedAt: invoice.stampedAt,
      requestedAt,
      pacDocumentId: invoice.pacDocumentId,
      issuerRfc: deps.issuer.rfc,
      receiverRfc: invoice.receptor.rfc,
      total: invoice.total,
      motive,
      replacementUuid,
    });
    const status = result.status === 'canceled' ? 'canceled' : 'cancel_pending';
    return withTenant(db, { organizationId: invoice.organizationId }, async (tx) => {
      const [row] = await tx
        .update(invoices)
        .set({
          status,
          cancelMotive: motive,
          canceledAt: status === 'canceled' ? requestedAt : null,
          updatedAt: requestedAt,
        })
        .where(and(eq(invoices.organizationId, invoice.organizationId), eq(invoices.id, invoice.id)))
        .returning();
      await recordAudit(tx, { organizationId: invoice.organizationId, userId: null }, origin, {
        action: 'invoice.cancellation_requested',
        targetType: 'invoice',
        targetId: invoice.id,
        before: { status: invoice.status },
        after: { status, motive, replacementUuid, ...details },
      });
      return row ?? invoice;
    });
  }

  async function cancel(
    organizationId: string,
    invoiceId: string,
    motive: CancelMotive,
    origin: RequestOrigin,
    details: Record<string, string> = {},
  ) {
    const invoice = await loadInvoice(organizationId, invoiceId);
    if (invoice.status !== 'stamped' || invoice.replacedBy) {
      throw conflict(
        'INVOICE_NOT_CANCELABLE',
        invoice.replacedBy
          ? 'Esta factura ya se está sustituyendo: se cancela en cuanto se timbre la nueva.'
          : 'Solo se cancela una factura timbrada y vigente.',
      );
    }
    if (motive !== '01') return cancelAtPac(invoice, motive, null, origin, details);
    if (invoice.kind !== 'ingreso') {
      throw conflict('INVOICE_NOT_REPLACEABLE', 'Una nota de crédito se cancela con el motivo 02, 03 o 04.');
    }
    // Motive 01: the replacement first, from the customer's fiscal data as it is now.
    const folio = await nextFolio(db, deps.series.ingreso);
    const replacement = await withTenant(db, { organizationId }, async (tx) => {
      const [fiscal] = await tx
        .select()
        .from(organizationFiscalData)
        .where(eq(organizationFiscalData.organizationId, organizationId));
      if (!fiscal) {
        throw conflict(
          'FISCAL_DATA_NOT_SET',
          'El cliente no tiene datos fiscales: la sustitución necesita los datos correctos.',
        );
      }
      const [locked] = await tx
        .select({ replacedBy: invoices.replacedBy })
        .from(invoices)
        .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)))
        .for('update');
      if (locked?.replacedBy) {
        throw conflict('INVOICE_NOT_CANCELABLE', 'Esta factura ya se está sustituyendo.');
      }
      const replacementId = newId();
      await tx
        .update(invoices)
        .set({ replacedBy: replacementId, cancelMotive: '01', updatedAt: deps.now() })
        .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
      const [row] = await tx
        .insert(invoices)
        .values({
          organizationId,
          id: replacementId,
          kind: 'ingreso',
          paymentId: invoice.paymentId,
          serie: deps.series.ingreso,
          folio,
          subtotal: invoice.subtotal,
          iva: invoice.iva,
          total: invoice.total,
          formaPago: invoice.formaPago,
          receptor: {
            rfc: fiscal.rfc,
            name: fiscal.legalName,
            taxRegime: fiscal.taxRegime,
            postalCode: fiscal.postalCode,
            cfdiUse: fiscal.cfdiUse,
            email: fiscal.invoiceEmail,
          },
          relatedUuid: invoice.uuid,
          relationType: '04',
          pac: deps.pac.name,
        })
        .returning();
      await recordAudit(tx, { organizationId, userId: null }, origin, {
        action: 'invoice.replacement_requested',
        targetType: 'invoice',
        targetId: invoiceId,
        before: { status: invoice.status },
        after: { replacement: replacementId, motive, ...details },
      });
      return row;
    });
    if (!replacement) throw new Error('replacement insert returned nothing');
    await deps.enqueueIssue(organizationId, replacement.id);
    return loadInvoice(organizationId, invoiceId);
  }

  /** After a replacement is stamped: the CFDI it substitutes is canceled with motive 01. */
  async function onReplacementStamped(replacement: InvoiceRow) {
    if (replacement.relationType !== '04' || !replacement.uuid) return;
    const [original] = await withTenant(db, { organizationId: replacement.organizationId }, (tx) =>
      tx
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.organizationId, replacement.organizationId),
            eq(invoices.replacedBy, replacement.id),
          ),
        ),
    );
    if (original?.status !== 'stamped') return;
    await cancelAtPac(original, '01', replacement.uuid, SUBSTITUTION_ORIGIN, {});
  }

  /** The cancellation's end, decided: canceled, or back to valid when the receptor refused it. */
  async function settle(invoice: InvoiceRow, outcome: 'canceled' | 'refused') {
    await withTenant(db, { organizationId: invoice.organizationId }, async (tx) => {
      const [row] = await tx
        .update(invoices)
        .set(
          outcome === 'canceled'
            ? { status: 'canceled', canceledAt: deps.now(), updatedAt: deps.now() }
            : {
                status: 'stamped',
                cancelMotive: null,
                errorCode: 'CANCELLATION_REFUSED',
                errorMessage: 'El receptor rechazó la cancelación: el CFDI sigue vigente.',
                updatedAt: deps.now(),
              },
        )
        .where(
          and(
            eq(invoices.organizationId, invoice.organizationId),
            eq(invoices.id, invoice.id),
            eq(invoices.status, 'cancel_pending'),
          ),
        )
        .returning({ id: invoices.id });
      if (!row) return;
      await recordAudit(tx, { organizationId: invoice.organizationId, userId: null }, FOLLOW_ORIGIN, {
        action: outcome === 'canceled' ? 'invoice.canceled' : 'invoice.cancellation_refused',
        targetType: 'invoice',
        targetId: invoice.id,
        before: { status: 'cancel_pending' },
        after: { status: outcome === 'canceled' ? 'canceled' : 'stamped' },
      });
    });
  }

  /**
   * Follows the cancellations waiting for the receptor (daily): SAT's status service says whether
   * each ended canceled (accepted, or the receptor's days ran out) or refused. The sandbox plays
   * SAT: a receptor who does not answer in time has accepted.
   */
  async function followCancellations(): Promise<number> {
    const pending = await withSystem(db, (tx) =>
      tx
        .select({ organizationId: invoices.organizationId, id: invoices.id })
        .from(invoices)
        .where(eq(invoices.status, 'cancel_pending')),
    );
    let settled = 0;
    for (const { organizationId, id } of pending) {
      const invoice = await loadInvoice(organizationId, id);
      if (invoice.pac === 'sandbox') {
        if (invoice.updatedAt.getTime() < deps.now().getTime() - ACCEPTANCE_WAIT_MS) {
          await settle(invoice, 'canceled');
          settled += 1;
        }
        continue;
      }
      if (!invoice.uuid || !invoice.xml) continue;
      const status = await deps.satStatus.check({
        issuerRfc: deps.issuer.rfc,
        receiverRfc: invoice.receptor.rfc,
        total: invoice.total,
        uuid: invoice.uuid,
        sello: attr(readXml(invoice.xml), 'Sello'),
      });
      if (!status.checked) continue; // offline: asked again tomorrow
      if (status.document === 'cancelado' || status.cancellation === 'plazo_vencido') {
        await settle(invoice, 'canceled');
        settled += 1;
      } else if (status.cancellation === 'solicitud_rechazada') {
        await settle(invoice, 'refused');
        settled += 1;
      }
    }
    return settled;
  }
  deps.jobs.register(FOLLOW_CANCELLATIONS_JOB, async () => void (await followCancellations()), {
    retryLimit: 3,
  });
  deps.jobs.schedule(FOLLOW_CANCELLATIONS_JOB, '40 6 * * *', MEXICO_TIME_ZONE);

  return { cancel, onReplacementStamped, followCancellations };
}

export type InvoiceCancellation = ReturnType<typeof createInvoiceCancellation>;

const FOLLOW_ORIGIN: RequestOrigin = {
  ip: '',
  userAgent: 'CajaChica (estado de cancelación en el SAT)',
  requestId: `job:${FOLLOW_CANCELLATIONS_JOB}`,
};

const SUBSTITUTION_ORIGIN: RequestOrigin = {
  ip: '',
  userAgent: 'CajaChica (sustitución de CFDI)',
  requestId: 'job:invoice-issue',
};
