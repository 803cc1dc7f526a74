import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUBSCRIPTION_STATUSES } from './subscription-machine.js';
import { PLAN_IDS } from './subscriptions.schema.js';
import type { SubscriptionsService } from './subscriptions.service.js';

const tags = ['Suscripción'];
const decimal = z.string().describe('Importe en pesos, p. ej. "499.00"');
const day = z.string().describe('Día AAAA-MM-DD (Ciudad de México)');

const planSchema = z.object({
  id: z.enum(PLAN_IDS),
  interval: z.enum(['month', 'year']),
  price: decimal.describe('Precio antes de IVA'),
  iva: decimal,
  total: decimal.describe('Precio con IVA'),
  saving: decimal.nullable().describe('Plan anual: lo que se ahorra frente a doce pagos mensuales'),
});

const subscriptionSchema = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES),
  readOnly: z.boolean().describe('Sin pago: se puede leer y exportar, no crear ni cambiar'),
  plan: z.enum(PLAN_IDS).nullable(),
  nextPlan: z.enum(PLAN_IDS).nullable().describe('Un periodo pagado que aún no empieza'),
  trialEndsAt: z.date(),
  trialDaysLeft: z.number().int().nullable(),
  currentPeriodStart: day.nullable(),
  currentPeriodEnd: day.nullable(),
  accessEndsOn: day.nullable(),
  plans: z.array(planSchema),
});

export async function subscriptionsRoutes(
  fastify: FastifyInstance,
  options: { subscriptions: SubscriptionsService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/subscription',
    {
      schema: {
        tags,
        summary: 'Estado de la suscripción, días de prueba y planes',
        response: { 200: subscriptionSchema },
      },
    },
    async (request) => options.subscriptions.current(await request.requireActor()),
  );
}
