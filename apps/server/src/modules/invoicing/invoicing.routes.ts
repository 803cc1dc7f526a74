import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../platform/http/schemas.js';
import { INVOICE_KINDS, INVOICE_STATUSES } from './invoicing.schema.js';
import type { InvoicingService } from './invoicing.service.js';

const tags = ['Facturas'];
const decimal = z.string().describe('Importe en pesos, p. ej. "578.84"');

const invoiceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INVOICE_KINDS).describe('ingreso: el pago; egreso: nota de crédito de un reembolso'),
  status: z
    .enum(INVOICE_STATUSES)
    .describe(
      'pending: en timbrado; stamped: timbrada; rejected: el SAT rechazó los datos fiscales; global: va en la factura global del mes; cancel_pending / canceled',
    ),
  serie: z.string(),
  folio: z.number().int(),
  uuid: z.string().nullable().describe('Folio fiscal (UUID del timbre)'),
  subtotal: decimal,
  iva: decimal,
  total: decimal,
  formaPago: z
    .string()
    .describe('c_FormaPago: 01 efectivo, 03 transferencia, 04 tarjeta de crédito, 28 de débito'),
  receptorRfc: z.string(),
  receptorName: z.string(),
  relatedUuid: z.string().nullable().describe('Egreso: el UUID de la factura de ingreso que acredita'),
  paymentId: z.uuid().nullable(),
  refundId: z.uuid().nullable(),
  sandbox: z.boolean().describe('Timbre de pruebas: sin validez fiscal'),
  error: z
    .object({ code: z.string().nullable(), message: z.string(), field: z.string().nullable() })
    .nullable()
    .describe('Por qué no se ha timbrado, y qué dato fiscal corregir'),
  stampedAt: z.date().nullable(),
  createdAt: z.date(),
});

function sendFile(
  reply: { header(name: string, value: string): unknown },
  file: { fileName: string; contentType: string },
) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
}

export async function invoicingRoutes(fastify: FastifyInstance, options: { invoicing: InvoicingService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/invoices',
    {
      schema: {
        tags,
        summary: 'Facturas (CFDI) que CajaChica emitió a tu organización',
        response: { 200: z.object({ data: z.array(invoiceSchema), nextCursor: z.null() }) },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('invoices.read');
      return { data: await options.invoicing.list(actor), nextCursor: null };
    },
  );

  app.get(
    '/invoices/:id/xml',
    {
      schema: {
        tags,
        summary: 'XML timbrado de una factura',
        params: idParamSchema,
        response: { 200: z.string().describe('El CFDI 4.0 tal como lo timbró el PAC') },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('invoices.read');
      const file = await options.invoicing.xml(actor, request.params.id);
      sendFile(reply, { fileName: file.fileName, contentType: 'application/xml; charset=utf-8' });
      return file.content;
    },
  );

  app.get(
    '/invoices/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Representación impresa (PDF) de una factura, con el código QR del SAT',
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('invoices.read');
      const file = await options.invoicing.pdf(actor, request.params.id);
      sendFile(reply, { fileName: file.fileName, contentType: 'application/pdf' });
      return reply.send(file.content);
    },
  );
}
