import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTenant } from '../../platform/tenancy.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { invoices } from './invoicing.schema.js';

type InvoiceRow = typeof invoices.$inferSelect;

const view = (row: InvoiceRow) => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  serie: row.serie,
  folio: row.folio,
  uuid: row.uuid,
  subtotal: row.subtotal,
  iva: row.iva,
  total: row.total,
  formaPago: row.formaPago,
  receptorRfc: row.receptor.rfc,
  receptorName: row.receptor.name,
  relatedUuid: row.relatedUuid,
  paymentId: row.paymentId,
  refundId: row.refundId,
  sandbox: row.pac === 'sandbox',
  error: row.errorMessage ? { code: row.errorCode, message: row.errorMessage, field: row.errorField } : null,
  stampedAt: row.stampedAt,
  createdAt: row.createdAt,
});

/** The file name of a CFDI as people keep them: serie-folio and the UUID's first block. */
export const invoiceFileName = (
  row: Pick<InvoiceRow, 'serie' | 'folio' | 'uuid'>,
  extension: 'xml' | 'pdf',
) => `${row.serie}-${row.folio}${row.uuid ? `-${row.uuid.slice(0, 8)}` : ''}.${extension}`;

/** The CFDIs the platform issued to the organization, as its members with the books see them. */
export function createInvoicingService(deps: { db: Db }) {
  const { db } = deps;

  async function stampedRow(actor: Actor, id: string): Promise<InvoiceRow> {
    const [row] = await withTenant(db, { organizationId: actor.organizationId, userId: actor.userId }, (tx) =>
      tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.organizationId, actor.organizationId), eq(invoices.id, id))),
    );
    if (!row) throw notFound('INVOICE_NOT_FOUND', 'Esa factura no existe.');
    if (!row.xml || !row.uuid) {
      throw new AppError(
        'INVOICE_NOT_STAMPED',
        409,
        row.status === 'global'
          ? 'Este pago va en la factura global del mes (no había datos fiscales): captura tus datos fiscales para facturar los siguientes a tu nombre.'
          : 'Esta factura aún no está timbrada; su XML y PDF estarán aquí en cuanto el SAT la certifique.',
      );
    }
    return row;
  }

  return {
    async list(actor: Actor) {
      const rows = await withTenant(
        db,
        { organizationId: actor.organizationId, userId: actor.userId },
        (tx) =>
          tx
            .select()
            .from(invoices)
            .where(eq(invoices.organizationId, actor.organizationId))
            .orderBy(desc(invoices.createdAt))
            .limit(200),
      );
      return rows.map(view);
    },

    async xml(actor: Actor, id: string) {
      const row = await stampedRow(actor, id);
      return { fileName: invoiceFileName(row, 'xml'), content: row.xml as string };
    },

    async pdf(actor: Actor, id: string) {
      const row = await stampedRow(actor, id);
      return {
        fileName: invoiceFileName(row, 'pdf'),
        content: await renderInvoicePdf({ xml: row.xml as string, sandbox: row.pac === 'sandbox' }),
      };
    },
  };
}

export type InvoicingService = ReturnType<typeof createInvoicingService>;
export type InvoiceView = ReturnType<typeof view>;
