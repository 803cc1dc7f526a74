import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amountSchema, nonNegativeAmountSchema } from '../../platform/money.js';
import type { PoliciesService } from './policies.service.js';

const tags = ['Políticas'];
const decimal = z.string().describe('Importe en pesos, p. ej. "2000.00"');
const limitsPolicySchema = z.object({
  id: z.uuid(),
  kind: z.literal('expense_limits'),
  categoryId: z.uuid().nullable(),
  maxPerExpense: decimal.nullable(),
  cfdiRequiredAbove: decimal.nullable(),
  updatedAt: z.date(),
});
const fundChangesPolicySchema = z.object({
  id: z.uuid(),
  kind: z.literal('fund_changes'),
  secondApprovalAbove: decimal,
  updatedAt: z.date(),
});
const policySchema = z.discriminatedUnion('kind', [limitsPolicySchema, fundChangesPolicySchema]);
const limitsBody = z.object({
  kind: z.literal('expense_limits'),
  categoryId: z.uuid().nullable().default(null),
  maxPerExpense: amountSchema.nullable().default(null),
  cfdiRequiredAbove: amountSchema.nullable().default(null),
});
const fundChangesBody = z.object({
  kind: z.literal('fund_changes'),
  /** null removes the rule: fund changes of any amount are recorded by one manager. */
  secondApprovalAbove: nonNegativeAmountSchema.nullable(),
});
const policyBody = z.discriminatedUnion('kind', [limitsBody, fundChangesBody], {
  error: 'Indica kind: "expense_limits" o "fund_changes".',
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
          'Fijar una política: límites de gasto de la organización o de una categoría (expense_limits), o el importe desde el que aumentar, disminuir o cerrar una caja requiere la aprobación de un segundo administrador (fund_changes); reemplaza la anterior de ese alcance',
        body: policyBody,
        response: { 200: policySchema, 201: policySchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await request.requirePermission('policies.manage');
      const body = request.body;
      const { created, policy } =
        body.kind === 'expense_limits'
          ? await policies.setExpenseLimits(actor, body, request.origin())
          : await policies.setFundChangeApproval(actor, body, request.origin());
      if (!policy) return reply.status(204).send(null);
      reply.status(created ? 201 : 200);
      return policy;
    },
  );
}
