import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { badRequest } from '../../platform/errors.js';
import { idParamSchema, nameSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import { amountSchema, nonNegativeAmountSchema } from '../../platform/money.js';
import { expenseAttachmentsRoutes } from './expense-attachments.routes.js';
import type { ExpenseAttachments } from './expense-attachments.service.js';
import type { ExpenseImportService, ReceivedFile } from './expense-import.service.js';
import type { ExpenseSatStatus } from './expense-sat-status.js';
import { EXPENSE_STATUSES, PAYMENT_METHODS } from './expense-status.js';
import { TRAVEL_KINDS } from './expenses.schema.js';
import type { ExpensesService } from './expenses.service.js';
import { expenseListSchema, expenseSchema, importResponseSchema } from './expenses.wire.js';

const tags = ['Gastos'];

type ImportAnswer = z.output<typeof importResponseSchema>;
const importResultSchema = importResponseSchema.shape.results.element;

/**
 * The answer of an import, as importResponseSchema encodes it, written result by result into one
 * buffer: the same bytes as Fastify's serializer, which for 10,000 results would first copy the
 * whole answer (encoding it), then stringify it, and Node would copy that string once more with the
 * headers before writing it (tens of MB at the end of a big import).
 */
function importAnswerBytes(answer: ImportAnswer): Buffer {
  // Room for a typical result (~700 bytes); it grows if the answer needs more.
  let bytes = Buffer.allocUnsafe(64 + answer.results.length * 768);
  let length = 0;
  const append = (text: string) => {
    const needed = length + Buffer.byteLength(text);
    if (needed > bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, Math.ceil(bytes.length * 1.5)));
      bytes.copy(larger, 0, 0, length);
      bytes = larger;
    }
    length += bytes.write(text, length);
  };
  append('{"results":[');
  answer.results.forEach((result, index) => {
    append(`${index > 0 ? ',' : ''}${JSON.stringify(importResultSchema.encode(result))}`);
  });
  append(']}');
  return bytes.subarray(0, length);
}

const dateSchema = z.iso.date('Escribe la fecha como AAAA-MM-DD.');
const optionalId = z.uuid().nullable().optional();
const createBody = z.object({
  fundId: optionalId,
  date: dateSchema,
  concept: nameSchema('el concepto'),
  categoryId: optionalId,
  costCenterId: optionalId,
  supplier: z
    .object({
      rfc: z
        .string()
        .trim()
        .regex(
          /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/i,
          'El RFC del proveedor tiene 12 o 13 caracteres, p. ej. ABC010101AB1.',
        )
        .nullable()
        .optional(),
      name: z.string().trim().max(254).nullable().optional(),
    })
    .optional(),
  subtotal: nonNegativeAmountSchema,
  discount: nonNegativeAmountSchema.optional(),
  taxes: z
    .object({
      ivaTransferred: nonNegativeAmountSchema.optional(),
      iepsTransferred: nonNegativeAmountSchema.optional(),
      isrWithheld: nonNegativeAmountSchema.optional(),
      ivaWithheld: nonNegativeAmountSchema.optional(),
    })
    .optional(),
  total: amountSchema,
  paymentMethod: z.enum(PAYMENT_METHODS, 'Forma de pago desconocida.'),
  advanceId: optionalId.describe(
    'Anticipo (gasto por comprobar) contra el que se comprueba: forma de pago employee; toma la caja del anticipo',
  ),
  travelKind: z
    .enum(TRAVEL_KINDS, 'Tipo de viático desconocido: food, lodging, car_rental u other.')
    .nullable()
    .optional()
    .describe(
      'Para viáticos: alimentos, hospedaje, renta de automóvil u otro (límites diarios, LISR art. 28 fr. V)',
    ),
});
const patchBody = createBody
  .pick({
    fundId: true,
    date: true,
    concept: true,
    categoryId: true,
    costCenterId: true,
    paymentMethod: true,
    advanceId: true,
    travelKind: true,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Indica qué quieres cambiar.');
const listQuery = paginationQuerySchema.extend({
  fundId: z.uuid().optional(),
  status: z.enum(EXPENSE_STATUSES).optional(),
  categoryId: z.uuid().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  findings: z.enum(['none', 'warnings', 'errors']).optional(),
  invoicePending: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  awaitingMyApproval: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: solo los gastos cuyo nivel de aprobación actual te toca decidir (tu bandeja)'),
});
const bulkIdsOf = (tooMany: string) =>
  z.array(z.uuid('Un identificador no es válido.')).min(1, 'Elige al menos un gasto.').max(200, tooMany);
const bulkIds = bulkIdsOf('Decide hasta 200 gastos a la vez.');
const bulkResult = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: z.enum(EXPENSE_STATUSES).nullable(),
      error: z.object({ code: z.string(), detail: z.string() }).nullable(),
    }),
  ),
});
const approvalStep = z.object({
  level: z.number().int(),
  status: z.enum(['waiting', 'pending', 'approved', 'rejected', 'skipped']),
  waitingFor: z.string().describe('A quién espera este nivel, en español'),
  approverRole: z.string().nullable(),
  approver: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  decidedAt: z.date().nullable(),
  reason: z.string().nullable(),
});

export async function expensesRoutes(
  fastify: FastifyInstance,
  options: {
    expenses: ExpensesService;
    imports: ExpenseImportService;
    satStatus: ExpenseSatStatus;
    attachments: ExpenseAttachments;
    config: Pick<Config, 'imports'>;
  },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { expenses, imports, satStatus, attachments, config } = options;
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: config.imports.maxFileBytes,
      files: config.imports.maxFiles,
      fields: 10,
      parts: config.imports.maxFiles + 10,
    },
  });

  await app.register(expenseAttachmentsRoutes, { attachments, maxAttachmentBytes: 15 * 1024 * 1024 });

  app.get(
    '/expenses',
    {
      schema: {
        tags,
        summary: 'Gastos (filtros por caja, estado, categoría, fechas y hallazgos)',
        querystring: listQuery,
        response: { 200: expenseListSchema },
      },
    },
    async (request) => expenses.list(await request.requireActor(), request.query),
  );

  app.post(
    '/expenses',
    {
      schema: {
        tags,
        summary: 'Registrar un gasto sin CFDI (ticket): queda como "factura pendiente"',
        body: createBody,
        response: { 201: expenseSchema },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('expenses.record-own');
      reply.status(201);
      return expenses.create(actor, request.body, request.origin());
    },
  );

  app.get(
    '/expenses/:id',
    {
      schema: {
        tags,
        summary: 'Un gasto con sus hallazgos',
        params: idParamSchema,
        response: { 200: expenseSchema },
      },
    },
    async (request) => expenses.get(await request.requireActor(), request.params.id),
  );

  app.patch(
    '/expenses/:id',
    {
      schema: {
        tags,
        summary: 'Cambiar un borrador (caja, forma de pago, categoría, centro de costos, fecha, concepto)',
        params: idParamSchema,
        body: patchBody,
        response: { 200: expenseSchema },
      },
    },
    async (request) =>
      expenses.update(
        await request.requirePermission('expenses.record-own'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );

  for (const action of ['submit', 'discard'] as const) {
    app.post(
      `/expenses/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'submit'
              ? 'Enviar el gasto a aprobación'
              : 'Descartar un borrador (si salió de la caja, el efectivo regresa)',
          params: idParamSchema,
          response: { 200: expenseSchema },
        },
      },
      async (request) =>
        expenses[action](
          await request.requirePermission('expenses.record-own'),
          request.params.id,
          request.origin(),
        ),
    );
  }

  app.post(
    '/expenses/:id/approve',
    {
      schema: {
        tags,
        summary: 'Aprobar un gasto enviado',
        params: idParamSchema,
        response: { 200: expenseSchema },
      },
    },
    async (request) =>
      expenses.approve(
        await request.requirePermission('expenses.approve'),
        request.params.id,
        request.origin(),
      ),
  );

  app.post(
    '/expenses/:id/reject',
    {
      schema: {
        tags,
        summary: 'Rechazar un gasto enviado, con el motivo',
        params: idParamSchema,
        body: z.object({ reason: nameSchema('el motivo del rechazo') }),
        response: { 200: expenseSchema },
      },
    },
    async (request) =>
      expenses.reject(
        await request.requirePermission('expenses.approve'),
        request.params.id,
        request.body.reason,
        request.origin(),
      ),
  );

  app.get(
    '/expenses/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Niveles de aprobación del gasto: a quién espera cada uno y quién decidió',
        params: idParamSchema,
        response: {
          200: z.object({
            data: z.array(approvalStep),
            canDecide: z
              .boolean()
              .describe(
                'Si quien consulta puede aprobar o rechazar el gasto ahora: el nivel actual le toca, no decidió otro nivel y el gasto no es suyo',
              ),
          }),
        },
      },
    },
    async (request) => expenses.approvalSteps(await request.requireActor(), request.params.id),
  );

  app.post(
    '/expenses/bulk-approve',
    {
      schema: {
        tags,
        summary: 'Aprobar varios gastos; cada uno se decide por separado y responde su resultado',
        body: z.object({ ids: bulkIds }),
        response: { 200: bulkResult },
      },
    },
    async (request) =>
      expenses.decideMany(
        await request.requirePermission('expenses.approve'),
        request.body.ids,
        'approve',
        request.origin(),
      ),
  );

  app.post(
    '/expenses/bulk-submit',
    {
      schema: {
        tags,
        summary:
          'Enviar varios borradores a aprobación (p. ej. los de una importación); cada uno responde su resultado',
        body: z.object({ ids: bulkIdsOf('Envía hasta 200 gastos a la vez.') }),
        response: { 200: bulkResult },
      },
    },
    async (request) =>
      expenses.submitMany(
        await request.requirePermission('expenses.record-own'),
        request.body.ids,
        request.origin(),
      ),
  );

  app.post(
    '/expenses/bulk-reject',
    {
      schema: {
        tags,
        summary: 'Rechazar varios gastos con el mismo motivo; cada uno responde su resultado',
        body: z.object({ ids: bulkIds, reason: nameSchema('el motivo del rechazo') }),
        response: { 200: bulkResult },
      },
    },
    async (request) =>
      expenses.decideMany(
        await request.requirePermission('expenses.approve'),
        request.body.ids,
        'reject',
        request.origin(),
        request.body.reason,
      ),
  );

  app.post(
    '/expenses/:id/sat-status',
    {
      schema: {
        tags,
        summary: 'Volver a verificar el estado del CFDI en el SAT (vigente, cancelado, no encontrado)',
        params: idParamSchema,
        response: { 200: expenseSchema },
      },
    },
    async (request) => {
      const actor = await request.requireActor();
      const expense = await expenses.get(actor, request.params.id);
      await satStatus.recheck(actor, expense.id);
      return expenses.get(actor, expense.id);
    },
  );

  app.post(
    '/expenses/import',
    {
      schema: {
        tags,
        summary: 'Importar CFDI (XML o ZIP): cada CFDI válido se vuelve un gasto en borrador',
        description:
          'multipart/form-data: campo `files` (uno o varios XML o ZIP) y, opcional, `fundId` (gastos pagados con efectivo de esa caja; sin él, pagados por el empleado para reembolso). Responde un resultado por archivo: created, duplicate o rejected con sus hallazgos.',
        consumes: ['multipart/form-data'],
        response: { 200: importResponseSchema },
      },
      // Fastify sends a Buffer from a serializer as it is (its type says string).
      serializerCompiler: () => (answer: ImportAnswer) => importAnswerBytes(answer) as unknown as string,
    },
    async (request) => {
      const actor = await request.requirePermission('expenses.record-own');
      if (!request.isMultipart())
        throw badRequest(
          'MULTIPART_REQUIRED',
          'Envía los archivos como multipart/form-data en el campo files.',
        );
      // Each file is spooled to a folder of its own for this request (removed when it ends): a ZIP
      // of thousands of CFDIs is read from disk entry by entry, never held in memory whole.
      const folder = await mkdtemp(path.join(tmpdir(), 'cajachica-import-'));
      try {
        const files: ReceivedFile[] = [];
        let fundId: string | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const file = {
              name: part.filename || `archivo-${files.length + 1}`,
              path: path.join(folder, `${files.length}`),
            };
            await pipeline(part.file, createWriteStream(file.path));
            // What part.toBuffer() would throw (413) for a file over the size limit.
            if (part.file.truncated) throw new fastify.multipartErrors.RequestFileTooLargeError();
            files.push(file);
          } else if (part.fieldname === 'fundId' && typeof part.value === 'string' && part.value !== '') {
            const parsed = z.uuid().safeParse(part.value);
            if (!parsed.success) {
              throw badRequest('INVALID_FUND', 'La caja indicada no es válida.', [
                { path: 'fundId', message: 'Elige una caja chica.' },
              ]);
            }
            fundId = parsed.data;
          }
        }
        if (files.length === 0) {
          throw badRequest(
            'NO_FILES',
            'No recibimos archivos: adjunta uno o varios XML o ZIP en el campo files.',
            [{ path: 'files', message: 'Adjunta al menos un archivo.' }],
          );
        }
        return await imports.importFiles(actor, { files, fundId }, request.origin());
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
}
