import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../platform/http/schemas.js';
import type { DownloadFile, JournalService } from './journal.service.js';
import { journalExportQuery } from './journal-export-query.js';
import { REPORT_FORMATS } from './replenishment-report.js';

/** A file download: attachment with its Spanish name, never cached or sniffed. */
function sendFile(reply: FastifyReply, file: DownloadFile) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
  return reply.send(file.stream);
}

export async function journalRoutes(fastify: FastifyInstance, options: { journal: JournalService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { journal } = options;

  app.get(
    '/exports/journal',
    {
      schema: {
        tags: ['Contabilidad'],
        summary:
          'Pólizas de las reposiciones pagadas (CSV, XLSX, CONTPAQi, Aspel COI o XML del SAT), con el UUID de cada CFDI',
        description:
          'Una póliza de egresos por reposición pagada en el rango (fecha de pago, Ciudad de México, inclusive), generada mientras se descarga. ' +
          'Sin pólizas en el rango, CSV y XLSX traen solo los encabezados. `sat-xml` (Anexo 24, PolizasPeriodo 1.3) es de un solo mes, pide ' +
          '`tipoSolicitud` y `numOrden` (AF, FC) o `numTramite` (DE, CO), y responde 422 si el mes no tiene pólizas.',
        querystring: journalExportQuery,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await journal.exportJournal(await request.requirePermission('exports.read'), request.query),
      ),
  );

  app.get(
    '/replenishments/:id/report',
    {
      schema: {
        tags: ['Reposiciones'],
        summary:
          'Reporte de la reposición (PDF o XLSX): comprobantes, totales por categoría, hallazgos, póliza y firmas',
        params: idParamSchema,
        querystring: z.object({
          format: z.enum(REPORT_FORMATS, 'Elige el formato: pdf o xlsx.').default('pdf'),
        }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await journal.replenishmentReport(
          await request.requireActor(),
          request.params.id,
          request.query.format,
        ),
      ),
  );
}
