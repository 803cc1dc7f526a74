import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { invoiceIssuedMail } from '../../platform/mail/templates.js';
import { formatPesos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { organizations } from '../organizations/organizations.schema.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import type { invoices } from './invoicing.schema.js';
import { invoiceFileName } from './invoicing.service.js';

/**
 * Emails a stamped CFDI, XML and PDF attached, to the invoice email of the customer's fiscal data.
 * A mail that cannot be sent is logged, not retried: the invoice stays downloadable in the app.
 */
export function createInvoiceMailer(deps: {
  db: Db;
  mailer: Mailer;
  appUrl: string;
  log: { error(object: unknown, message: string): void };
}) {
  return async (invoice: typeof invoices.$inferSelect): Promise<void> => {
    const to = invoice.receptor.email;
    if (!to || !invoice.xml || !invoice.uuid) return;
    try {
      const [organization] = await withTenant(deps.db, { organizationId: invoice.organizationId }, (tx) =>
        tx
          .select({ name: organizations.name })
          .from(organizations)
          .where(eq(organizations.id, invoice.organizationId)),
      );
      const sandbox = invoice.pac === 'sandbox';
      const mail = invoiceIssuedMail(
        to,
        {
          kind: invoice.kind,
          serieFolio: `${invoice.serie}-${invoice.folio}`,
          uuid: invoice.uuid,
          total: formatPesos(invoice.total),
          organizationName: organization?.name ?? invoice.receptor.name,
          sandbox,
        },
        `${deps.appUrl}/app/facturas`,
      );
      await deps.mailer.send({
        ...mail,
        attachments: [
          {
            filename: invoiceFileName(invoice, 'xml'),
            contentType: 'application/xml',
            content: Buffer.from(invoice.xml, 'utf8'),
          },
          {
            filename: invoiceFileName(invoice, 'pdf'),
            contentType: 'application/pdf',
            content: await renderInvoicePdf({ xml: invoice.xml, sandbox }),
          },
        ],
      });
    } catch (error) {
      deps.log.error({ err: error, invoiceId: invoice.id }, 'invoice mail not delivered');
    }
  };
}
