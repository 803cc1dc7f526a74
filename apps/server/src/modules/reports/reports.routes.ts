import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rangeInOrder, reportFilterFields } from './report-filters.js';
import { EXPORT_FORMATS, type ReportsService } from './reports.service.js';

const tags = ['Reportes'];
const decimal = z.string().describe('Importe decimal en pesos, sumado en la base de datos, p. ej. "1160.00"');
const countAndTotal = z.object({ count: z.number().int(), total: decimal });
const grouped = {
  code: z.string().nullable(),
  name: z.string().nullable(),
  total: decimal,
  count: z.number().int(),
};

const summarySchema = z.object({
  funds: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      authorizedAmount: decimal,
      cash: decimal,
      pendingVouchers: decimal,
      openAdvances: decimal,
      needsReplenishment: z.boolean(),
    }),
  ),
  spending: countAndTotal.describe('Todo el gasto del periodo'),
  byCategory: z.array(z.object({ categoryId: z.uuid().nullable(), ...grouped })),
  byCostCenter: z.array(z.object({ costCenterId: z.uuid().nullable(), ...grouped })),
  byMonth: z.array(
    z.object({ month: z.string().describe('AAAA-MM'), total: decimal, count: z.number().int() }),
  ),
  pendingApprovals: countAndTotal.describe('Gastos enviados que esperan aprobación'),
  nonDeductibleAtRisk: countAndTotal.describe(
    'Gastos con hallazgos que impiden deducirlos: errores de deducibilidad o efectivo mayor a $2,000',
  ),
  awaitingCfdi: countAndTotal.describe('Gastos con factura pendiente (sin CFDI)'),
});

export async function reportsRoutes(fastify: FastifyInstance, options: { reports: ReportsService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { reports } = options;

  app.get(
    '/reports/summary',
    {
      schema: {
        tags,
        summary: 'Tablero: saldos por caja, gasto por categoría, centro de costos y mes, y pendientes',
        description:
          'Saldos actuales de las cajas abiertas; el resto cuenta los gastos del periodo (fecha del gasto, inclusive) sin los descartados ni los rechazados.',
        querystring: reportFilterFields.superRefine(rangeInOrder),
        response: { 200: summarySchema },
      },
    },
    async (request) => reports.summary(await request.requirePermission('reports.read'), request.query),
  );

  app.get(
    '/exports/expenses',
    {
      schema: {
        tags,
        summary:
          'Exportar los gastos del periodo (CSV, XLSX o PDF), con UUID, proveedor, importes, estado y hallazgos',
        description:
          'El archivo se genera mientras se descarga, por lotes desde la base de datos. Sin gastos en el periodo, el archivo solo trae los encabezados.',
        querystring: reportFilterFields
          .extend({ format: z.enum(EXPORT_FORMATS, 'Elige el formato: csv, xlsx o pdf.').default('csv') })
          .superRefine(rangeInOrder),
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('exports.read');
      const { format, ...filters } = request.query;
      const file = await reports.exportExpenses(actor, filters, format);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'no-store');
      return reply.send(file.stream);
    },
  );
}
