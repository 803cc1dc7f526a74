import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, nameSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import { amountSchema, nonNegativeAmountSchema } from '../../platform/money.js';
import type { FundChangesService } from './fund-changes.service.js';
import { FUND_CHANGE_KINDS, FUND_CHANGE_STATUSES, MOVEMENT_KINDS } from './funds.schema.js';
import type { FundsService } from './funds.service.js';

const tags = ['Cajas chicas'];
const decimal = z.string().describe('Importe decimal en pesos, p. ej. "1500.00"');
export const fundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  custodian: z.object({ id: z.uuid(), name: z.string() }),
  costCenterId: z.uuid().nullable(),
  currency: z.literal('MXN'),
  authorizedAmount: decimal,
  cash: decimal,
  pendingVouchers: decimal,
  openAdvances: decimal,
  replenishmentThreshold: decimal,
  needsReplenishment: z.boolean(),
  status: z.enum(['open', 'closed']),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
});
const movementSchema = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  kind: z.enum(MOVEMENT_KINDS),
  amount: decimal,
  cashDelta: decimal,
  pendingDelta: decimal,
  advancesDelta: decimal,
  authorizedDelta: decimal,
  cashAfter: decimal,
  pendingAfter: decimal,
  advancesAfter: decimal,
  authorizedAfter: decimal,
  sourceType: z.string().nullable(),
  sourceId: z.uuid().nullable(),
  memo: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  createdAt: z.date(),
});
const person = z.object({ id: z.uuid(), name: z.string() });
export const fundChangeRequestSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  kind: z.enum(FUND_CHANGE_KINDS),
  amount: decimal,
  memo: z.string().nullable(),
  status: z.enum(FUND_CHANGE_STATUSES),
  requestedBy: person,
  requestedAt: z.date(),
  decidedBy: person.nullable(),
  decidedAt: z.date().nullable(),
  decisionReason: z.string().nullable(),
  movementId: z.uuid().nullable(),
});
const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const memoSchema = z.string().trim().max(500, 'La nota no puede tener más de 500 caracteres.').optional();

const createFundBody = z.object({
  name: nameSchema('el nombre de la caja'),
  custodianId: z.uuid('Elige al responsable de la caja.'),
  authorizedAmount: amountSchema,
  costCenterId: z.uuid().nullable().optional(),
  replenishmentThreshold: nonNegativeAmountSchema.optional(),
});

export async function fundsRoutes(
  fastify: FastifyInstance,
  options: { funds: FundsService; fundChanges: FundChangesService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { funds, fundChanges } = options;

  app.get(
    '/funds',
    {
      schema: {
        tags,
        summary: 'Cajas chicas',
        querystring: paginationQuerySchema,
        response: { 200: page(fundSchema) },
      },
    },
    async (request) => funds.list(await request.requireActor(), request.query),
  );

  app.post(
    '/funds',
    {
      schema: {
        tags,
        summary: 'Abrir una caja chica (fondo fijo) con su responsable y monto autorizado',
        body: createFundBody,
        response: { 201: fundSchema },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('funds.manage');
      reply.status(201);
      return funds.create(actor, request.body, request.origin());
    },
  );

  app.get(
    '/funds/:id',
    {
      schema: {
        tags,
        summary: 'Una caja chica y sus saldos',
        params: idParamSchema,
        response: { 200: fundSchema },
      },
    },
    async (request) => funds.get(await request.requireActor(), request.params.id),
  );

  app.patch(
    '/funds/:id',
    {
      schema: {
        tags,
        summary: 'Cambiar nombre, responsable, centro de costos o umbral de reposición',
        params: idParamSchema,
        body: createFundBody
          .omit({ authorizedAmount: true })
          .partial()
          .refine((body) => Object.keys(body).length > 0, 'Indica qué quieres cambiar.'),
        response: { 200: fundSchema },
      },
    },
    async (request) =>
      funds.update(
        await request.requirePermission('funds.manage'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );

  const changeResponses = {
    200: fundSchema.describe('El cambio quedó registrado en el libro de la caja.'),
    202: fundChangeRequestSchema.describe(
      'El importe supera el de la política: el cambio espera la aprobación de un segundo administrador.',
    ),
  };
  const answerChange = (reply: FastifyReply, outcome: Awaited<ReturnType<FundChangesService['change']>>) => {
    if (outcome.applied) return outcome.fund;
    reply.status(202);
    return outcome.request;
  };

  for (const direction of ['increase', 'decrease'] as const) {
    app.post(
      `/funds/:id/${direction}`,
      {
        schema: {
          tags,
          summary:
            direction === 'increase'
              ? 'Aumentar el fondo (más efectivo y monto autorizado)'
              : 'Disminuir el fondo (el efectivo regresa al banco)',
          params: idParamSchema,
          body: z.object({ amount: amountSchema, memo: memoSchema }),
          response: changeResponses,
        },
      },
      async (request, reply) =>
        answerChange(
          reply,
          await fundChanges.change(
            await request.requirePermission('funds.manage'),
            request.params.id,
            { kind: direction, ...request.body },
            request.origin(),
          ),
        ),
    );
  }

  app.post(
    '/funds/:id/close',
    {
      schema: {
        tags,
        summary: 'Cerrar la caja: su efectivo regresa al banco (sin comprobantes ni anticipos pendientes)',
        params: idParamSchema,
        body: z.object({ memo: memoSchema }),
        response: changeResponses,
      },
    },
    async (request, reply) =>
      answerChange(
        reply,
        await fundChanges.change(
          await request.requirePermission('funds.manage'),
          request.params.id,
          { kind: 'close', ...request.body },
          request.origin(),
        ),
      ),
  );

  app.get(
    '/fund-change-requests',
    {
      schema: {
        tags,
        summary:
          'Solicitudes de cambio de cajas (aumentos, disminuciones, cierres) que requieren un segundo administrador',
        querystring: z.object({
          fundId: z.uuid().optional(),
          status: z.enum(FUND_CHANGE_STATUSES).optional(),
        }),
        response: { 200: z.object({ data: z.array(fundChangeRequestSchema) }) },
      },
    },
    async (request) => fundChanges.list(await request.requirePermission('funds.manage'), request.query),
  );

  app.post(
    '/fund-change-requests/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Aprobar el cambio (otro administrador, no quien lo pidió): se registra en el libro de la caja',
        params: idParamSchema,
        response: { 200: z.object({ request: fundChangeRequestSchema, fund: fundSchema }) },
      },
    },
    async (request) =>
      fundChanges.approve(
        await request.requirePermission('funds.manage'),
        request.params.id,
        request.origin(),
      ),
  );

  app.post(
    '/fund-change-requests/:id/reject',
    {
      schema: {
        tags,
        summary: 'Rechazar el cambio con un motivo; quien lo pidió puede cancelarlo',
        params: idParamSchema,
        body: z.object({
          reason: z
            .string()
            .trim()
            .min(1)
            .max(500, 'El motivo no puede tener más de 500 caracteres.')
            .optional(),
        }),
        response: { 200: fundChangeRequestSchema },
      },
    },
    async (request) =>
      fundChanges.reject(
        await request.requirePermission('funds.manage'),
        request.params.id,
        request.body.reason,
        request.origin(),
      ),
  );

  app.get(
    '/funds/:id/movements',
    {
      schema: {
        tags,
        summary: 'Movimientos de la caja (libro de solo anexión), del más reciente al más antiguo',
        params: idParamSchema,
        querystring: paginationQuerySchema,
        response: { 200: page(movementSchema) },
      },
    },
    async (request) => funds.listMovements(await request.requireActor(), request.params.id, request.query),
  );
}
