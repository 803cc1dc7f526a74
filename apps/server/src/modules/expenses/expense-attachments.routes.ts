import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.js';
import { idParamSchema } from '../../platform/http/schemas.js';
import type { ExpenseAttachments } from './expense-attachments.service.js';
import { expenseSchema } from './expenses.wire.js';

const tags = ['Gastos'];
const attachmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['cfdi_xml', 'cfdi_pdf', 'receipt']),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
});
const attachmentParams = idParamSchema.extend({ attachmentId: z.uuid('El identificador no es válido.') });

/** Expense files: list, download, attach (multipart is registered by the expenses routes' scope). */
export async function expenseAttachmentsRoutes(
  fastify: FastifyInstance,
  options: { attachments: ExpenseAttachments; maxAttachmentBytes: number },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { attachments } = options;

  app.get(
    '/expenses/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Archivos del gasto (XML, PDF, fotos del ticket)',
        params: idParamSchema,
        response: { 200: z.object({ data: z.array(attachmentSchema), nextCursor: z.null() }) },
      },
    },
    async (request) => attachments.list(await request.requireActor(), request.params.id),
  );

  app.get(
    '/expenses/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Descargar un archivo del gasto', params: attachmentParams } },
    async (request, reply) => {
      const file = await attachments.download(
        await request.requireActor(),
        request.params.id,
        request.params.attachmentId,
      );
      reply.header('content-type', file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(file.bytes);
    },
  );

  app.post(
    '/expenses/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Adjuntar un archivo: foto o PDF del ticket, o el XML del CFDI (completa un gasto con "factura pendiente")',
        description:
          'multipart/form-data con un campo `file`. Se reconoce por su contenido: JPG, PNG, WebP, HEIC, PDF o XML.',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        response: { 200: expenseSchema },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('expenses.record-own');
      if (!request.isMultipart())
        throw badRequest('MULTIPART_REQUIRED', 'Envía el archivo como multipart/form-data en el campo file.');
      const part = await request.file({ limits: { fileSize: options.maxAttachmentBytes, files: 1 } });
      if (!part) {
        throw badRequest('NO_FILES', 'No recibimos el archivo: adjúntalo en el campo file.', [
          { path: 'file', message: 'Adjunta un archivo.' },
        ]);
      }
      const bytes = await part.toBuffer();
      return attachments.attach(
        actor,
        request.params.id,
        { name: part.filename || 'archivo', bytes },
        request.origin(),
      );
    },
  );
}
