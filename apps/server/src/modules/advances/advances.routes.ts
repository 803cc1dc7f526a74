import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, paginationQuerySchema } from '../../platform/http/schemas.js';
import { expenseSchema } from '../expenses/index.js';
import { ADVANCE_STATUSES } from './advances.schema.js';
import type { AdvancesService } from './advances.service.js';
import {
  advanceDetailSchema,
  advanceListSchema,
  handOutBody,
  reimburseBody,
  settleBody,
} from './advances.wire.js';
import type { EmployeeReimbursements } from './employee-reimbursements.js';

const tags = ['Anticipos'];

export async function advancesRoutes(
  fastify: FastifyInstance,
  options: { advances: AdvancesService; reimbursements: EmployeeReimbursements },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { advances, reimbursements } = options;

  app.post(
    '/advances',
    {
      schema: {
        tags,
        summary:
          'Entregar un anticipo (gasto por comprobar): en efectivo de una caja (administradores o su responsable) o por transferencia (administradores)',
        body: handOutBody,
        response: { 201: advanceDetailSchema },
      },
    },
    async (request, reply) => {
      const advance = await advances.create(await request.requireActor(), request.body, request.origin());
      reply.status(201);
      return advance;
    },
  );

  app.get(
    '/advances',
    {
      schema: {
        tags,
        summary: 'Anticipos (cada quien ve los suyos; los responsables, los de su caja)',
        querystring: paginationQuerySchema.extend({
          status: z.enum(ADVANCE_STATUSES).optional(),
          employeeId: z.uuid().optional(),
        }),
        response: { 200: advanceListSchema },
      },
    },
    async (request) => advances.list(await request.requireActor(), request.query),
  );

  app.get(
    '/advances/:id',
    {
      schema: {
        tags,
        summary: 'Un anticipo con sus gastos, sus totales y lo que haría liquidarlo',
        params: idParamSchema,
        response: { 200: advanceDetailSchema },
      },
    },
    async (request) => advances.get(await request.requireActor(), request.params.id),
  );

  app.post(
    '/advances/:id/settle',
    {
      schema: {
        tags,
        summary:
          'Liquidar el anticipo con sus gastos aprobados: el empleado devuelve lo no gastado o se le paga el excedente',
        params: idParamSchema,
        body: settleBody,
        response: { 200: advanceDetailSchema },
      },
    },
    async (request) =>
      advances.settle(await request.requireActor(), request.params.id, request.body, request.origin()),
  );

  app.post(
    '/expenses/:id/reimburse',
    {
      schema: {
        tags: ['Gastos'],
        summary:
          'Reembolsar al empleado un gasto aprobado que pagó con su dinero: por transferencia o en efectivo de una caja',
        params: idParamSchema,
        body: reimburseBody,
        response: { 200: expenseSchema },
      },
    },
    async (request) =>
      reimbursements.reimburse(
        await request.requireActor(),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );
}
