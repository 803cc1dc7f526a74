import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import { REPLENISHMENT_STATUSES } from './replenishments.schema.js';
import type { ReplenishmentsService } from './replenishments.service.js';
import {
  cancelBody,
  eligibleVouchersSchema,
  excludeBody,
  payBody,
  replenishmentDetailSchema,
  replenishmentSchema,
  requestBody,
} from './replenishments.wire.js';

const tags = ['Reposiciones'];
const detail = { 200: replenishmentDetailSchema };

export async function replenishmentsRoutes(
  fastify: FastifyInstance,
  options: { replenishments: ReplenishmentsService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { replenishments } = options;

  app.get(
    '/replenishments',
    {
      schema: {
        tags,
        summary: 'Reposiciones, de la más reciente a la más antigua (filtros por caja y estado)',
        querystring: paginationQuerySchema.extend({
          fundId: z.uuid().optional(),
          status: z.enum(REPLENISHMENT_STATUSES).optional(),
        }),
        response: {
          200: z.object({ data: z.array(replenishmentSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) => replenishments.list(await request.requireActor(), request.query),
  );

  app.get(
    '/replenishments/eligible-vouchers',
    {
      schema: {
        tags,
        summary: 'Comprobantes de una caja que esperan reposición (gastos aprobados y diferencias de arqueo)',
        querystring: z.object({ fundId: z.uuid('Elige la caja chica.') }),
        response: { 200: eligibleVouchersSchema },
      },
    },
    async (request) => replenishments.eligible(await request.requireActor(), request.query.fundId),
  );

  app.post(
    '/replenishments',
    {
      schema: {
        tags,
        summary: 'Solicitar la reposición de una caja (su responsable o un administrador)',
        description:
          'Sin `expenseIds` ni `cashCountIds` incluye todos los comprobantes que esperan reposición (salvo CFDI que el SAT reporta cancelados); con cualquiera de las dos listas, exactamente los elegidos.',
        body: requestBody,
        response: { 201: replenishmentDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = await request.requireActor();
      reply.status(201);
      return replenishments.request(actor, request.body, request.origin());
    },
  );

  app.get(
    '/replenishments/:id',
    {
      schema: {
        tags,
        summary: 'Una reposición con sus comprobantes',
        params: idParamSchema,
        response: detail,
      },
    },
    async (request) => replenishments.get(await request.requireActor(), request.params.id),
  );

  app.post(
    '/replenishments/:id/sat-check',
    {
      schema: {
        tags,
        summary: 'Verificar en el SAT el estado de cada CFDI incluido (los cancelados quedan marcados)',
        params: idParamSchema,
        response: detail,
      },
    },
    async (request) =>
      replenishments.checkAtSat(await request.requireActor(), request.params.id, request.origin()),
  );

  app.post(
    '/replenishments/:id/items/:itemId/exclude',
    {
      schema: {
        tags,
        summary:
          'Excluir un comprobante de una reposición solicitada (p. ej. CFDI cancelado); el total se recalcula',
        params: idParamSchema.extend({ itemId: z.uuid('El identificador no es válido.') }),
        body: excludeBody,
        response: detail,
      },
    },
    async (request) =>
      replenishments.excludeItem(
        await request.requireActor(),
        request.params.id,
        request.params.itemId,
        request.body.reason,
        request.origin(),
      ),
  );

  app.post(
    '/replenishments/:id/approve',
    {
      schema: {
        tags,
        summary: 'Aprobar la reposición (no quien la pidió); antes se verifica cada CFDI en el SAT',
        params: idParamSchema,
        response: detail,
      },
    },
    async (request) =>
      replenishments.approve(
        await request.requirePermission('expenses.approve'),
        request.params.id,
        request.origin(),
      ),
  );

  app.post(
    '/replenishments/:id/pay',
    {
      schema: {
        tags,
        summary:
          'Registrar la transferencia al responsable: el efectivo de la caja vuelve a su monto autorizado',
        params: idParamSchema,
        body: payBody,
        response: detail,
      },
    },
    async (request) =>
      replenishments.pay(
        await request.requirePermission('payments.record'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );

  app.post(
    '/replenishments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancelar una reposición aún no pagada: sus comprobantes vuelven a esperar reposición',
        params: idParamSchema,
        body: cancelBody,
        response: detail,
      },
    },
    async (request) =>
      replenishments.cancel(
        await request.requireActor(),
        request.params.id,
        request.body.reason,
        request.origin(),
      ),
  );
}
