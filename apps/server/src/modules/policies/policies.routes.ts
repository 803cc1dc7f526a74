import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amountSchema } from '../../platform/money.js';
import type { PoliciesService } from './policies.service.js';

const tags = ['Políticas'];
const decimal = z.string().describe('Importe en pesos, p. ej. "2000.00"');
const policySchema = z.object({
  id: z.uuid(),
  kind: z.literal('expense_limits'),
  categoryId: z.uuid().nullable(),
  maxPerExpense: decimal.nullable(),
  cfdiRequiredAbove: decimal.nullable(),
  updatedAt: z.date(),
});
const limitsBody = z.object({
  kind: z.literal('expense_limits', 'Indica kind: "expense_limits".'),
  categoryId: z.uuid().nullable().default(null),
  maxPerExpense: amountSchema.nullable().default(null),
  cfdiRequiredAbove: amountSchema.nullable().default(null),
});

export async function policiesRoutes(fastify: FastifyInstance, options: { policies: PoliciesService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { policies } = options;

  app.get(
    '/policies',
    {
      schema: {
        tags,
        summary: 'Políticas de gasto de la organización',
        response: { 200: z.object({ data: z.array(policySchema), nextCursor: z.null() }) },
      },
    },
    async (request) => policies.list(await request.requireActor()),
  );

  app.post(
    '/policies',
    {
      schema: {
        tags,
        summary:
          'Fijar límites de gasto de la organización o de una categoría (máximo por gasto, CFDI obligatorio desde un importe); reemplaza los anteriores de ese alcance',
        body: limitsBody,
        response: { 200: policySchema, 201: policySchema },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('policies.manage');
      const { created, policy } = await policies.setExpenseLimits(actor, request.body, request.origin());
      reply.status(created ? 201 : 200);
      return policy;
    },
  );
}
