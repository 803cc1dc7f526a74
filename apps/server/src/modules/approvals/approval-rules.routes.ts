import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, nameSchema, roleSchema } from '../../platform/http/schemas.js';
import { nonNegativeAmountSchema } from '../../platform/money.js';
import type { ApprovalRulesService } from './approval-rules.service.js';

const tags = ['Aprobaciones'];
const decimal = z.string().describe('Importe en pesos, p. ej. "5000.00"');

const levelBody = z.union(
  [z.object({ role: roleSchema }).strict(), z.object({ membershipId: z.uuid() }).strict()],
  { error: 'Cada nivel es {role} (un rol que aprueba) o {membershipId} (una persona).' },
);
// Fields without defaults, so a PATCH changes only what it sends.
const ruleFields = z.object({
  name: nameSchema('el nombre de la regla'),
  minAmount: nonNegativeAmountSchema.nullable(),
  maxAmount: nonNegativeAmountSchema.nullable(),
  categoryId: z.uuid().nullable(),
  fundId: z.uuid().nullable(),
  costCenterId: z.uuid().nullable(),
  autoApprove: z.boolean(),
  levels: z.array(levelBody).max(5, 'Hasta 5 niveles de aprobación.'),
  position: z.number().int().min(1),
});
const createRuleBody = ruleFields.extend({
  minAmount: ruleFields.shape.minAmount.default(null),
  maxAmount: ruleFields.shape.maxAmount.default(null),
  categoryId: ruleFields.shape.categoryId.default(null),
  fundId: ruleFields.shape.fundId.default(null),
  costCenterId: ruleFields.shape.costCenterId.default(null),
  autoApprove: ruleFields.shape.autoApprove.default(false),
  levels: ruleFields.shape.levels.default([]),
  position: ruleFields.shape.position.optional(),
});
const ruleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  minAmount: decimal.nullable(),
  maxAmount: decimal.nullable(),
  categoryId: z.uuid().nullable(),
  fundId: z.uuid().nullable(),
  costCenterId: z.uuid().nullable(),
  autoApprove: z.boolean(),
  levels: z.array(
    z.object({ role: z.string().nullable(), membershipId: z.uuid().nullable(), name: z.string().nullable() }),
  ),
  active: z.boolean(),
  updatedAt: z.date(),
});

export async function approvalRulesRoutes(
  fastify: FastifyInstance,
  options: { rules: ApprovalRulesService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { rules } = options;

  app.get(
    '/approval-rules',
    {
      schema: {
        tags,
        summary:
          'Reglas de aprobación, en el orden en que se prueban: la primera que coincide con el gasto decide sus niveles (sin coincidencia, un nivel: cualquier aprobador)',
        response: { 200: z.object({ data: z.array(ruleSchema) }) },
      },
    },
    async (request) => rules.list(await request.requireActor()),
  );

  app.post(
    '/approval-rules',
    {
      schema: {
        tags,
        summary:
          'Crear una regla: importe mínimo/máximo, categoría, caja y centro de costos (vacío = cualquiera); niveles por rol o persona, o aprobación automática',
        body: createRuleBody,
        response: { 201: ruleSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return rules.create(await request.requirePermission('policies.manage'), request.body, request.origin());
    },
  );

  app.patch(
    '/approval-rules/:id',
    {
      schema: {
        tags,
        summary:
          'Cambiar una regla o retirarla (active: false); los gastos ya enviados conservan sus niveles',
        params: idParamSchema,
        body: ruleFields
          .partial()
          .extend({ active: z.boolean().optional() })
          .refine((body) => Object.keys(body).length > 0, 'Indica qué quieres cambiar.'),
        response: { 200: ruleSchema },
      },
    },
    async (request) =>
      rules.update(
        await request.requirePermission('policies.manage'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );
}
